/// An action a search may take, with the label it is counted under.
///
/// The plain actions of a state are the variants of each plain kind
/// (`ActionDefinition.variants`, `isPlain`): `terminate` by the user and by the
/// system, both `interruptionEnded` outcomes, `openScene` by the user and by the
/// system, the scene actions on each scene, `rotate` by a quarter turn and to the
/// orientations that gives the half turns, `runBackgroundTask` for each registered
/// task (and a processing one the user ends), `advanceTime` only up to the next timed
/// event (time passing with nothing due moves only the clock, which the abstract state
/// leaves out). `moveTo` is never one, nor are `backgroundURLSessionEvents` and
/// `prewarm`: the system sends those on its own schedule, so a path a harness can
/// drive does not run through them, and the abstract state does not track what a
/// prewarm leaves behind. A kind added later takes part through its variants
/// without a change here.
public struct PlainAction: Sendable, Equatable {
    /// What the pair (state, action) is counted under, e.g. `terminate by=user`,
    /// `closeScene scene=#2`, `advanceTime next event`.
    public var label: String
    public var action: Action

    public init(label: String, action: Action) {
        self.label = label
        self.action = action
    }
}

extension Simulator {
    /// The plain actions to try in `state` (some may be refused).
    public func plainActions(in state: AppSnapshot) -> [PlainAction] {
        var out: [PlainAction] = []
        for kind in ActionKind.allCases where kind.isPlain {
            for v in variants(of: kind, in: state) where v.isPlain {
                out.append(PlainAction(label: v.label, action: v.action))
            }
        }
        return out
    }

    /// The plain action of `state` labelled `label`, if it has one: the same as the first
    /// of `plainActions(in:)` with that label, computing only the variants of the label's
    /// kind (every label starts with its kind's name, `ActionVariant`).
    public func plainAction(labelled label: String, in state: AppSnapshot) -> PlainAction? {
        guard let kind = ActionKind(rawValue: String(label.prefix { $0 != " " })), kind.isPlain else { return nil }
        guard let v = variants(of: kind, in: state).first(where: { $0.isPlain && $0.label == label }) else {
            return nil
        }
        return PlainAction(label: v.label, action: v.action)
    }

    /// Seconds until the next timed event `advanceTime` would pass through, if one is
    /// due (the schedule of `Rules/VirtualTime.swift`, the kill's grace second included).
    public func secondsToNextTimedEvent(in state: AppSnapshot) -> Double? {
        profile.nextTimedEvent(in: state).map { $0.at - state.clock }
    }
}
