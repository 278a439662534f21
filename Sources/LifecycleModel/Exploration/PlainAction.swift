/// An action a search may take, with the label it is counted under.
///
/// The plain actions of a state: each kind's `sample`, except where one sample would
/// hide a different rule — `terminate` by the user and by the system, both
/// `interruptionEnded` outcomes, `openScene` by the user and by the system, the scene
/// actions (`activateScene`, `closeScene`, `disconnectScene`) on each scene — and
/// `advanceTime` only up to the next timed event (suspension, an expiration handler,
/// the background-time kill, protected data closing): time passing with nothing due
/// moves only the clock, which the abstract state leaves out. `moveTo` is never one,
/// nor are the background-work events (`runBackgroundTask`,
/// `backgroundURLSessionEvents`, `prewarm`): the system sends those on its own
/// schedule, so a path a harness can drive ("to suspended": launch, background, wait)
/// does not run through them, and the abstract state does not track what they leave
/// behind (registered tasks, a paused prewarm). A kind added later takes part through
/// its `sample` without a change here.
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
        for kind in ActionKind.allCases {
            switch kind {
            case .moveTo, .runBackgroundTask, .backgroundURLSessionEvents, .prewarm:
                continue
            case .terminate:
                for by in TerminationCause.allCases {
                    out.append(PlainAction(label: "terminate by=\(by.rawValue)", action: .terminate(by: by)))
                }
            case .interruptionEnded:
                for o in InterruptionOutcome.allCases {
                    out.append(
                        PlainAction(
                            label: "interruptionEnded outcome=\(o.rawValue)", action: .interruptionEnded(outcome: o)))
                }
            case .openScene:
                for by in SceneRequester.allCases {
                    out.append(PlainAction(label: "openScene by=\(by.rawValue)", action: .openScene(by: by)))
                }
            case .activateScene, .closeScene, .disconnectScene:
                for (i, scene) in state.scenes.enumerated() {
                    let action: Action =
                        switch kind {
                        case .activateScene: .activateScene(sceneId: scene.id)
                        case .closeScene: .closeScene(sceneId: scene.id)
                        default: .disconnectScene(sceneId: scene.id)
                        }
                    out.append(PlainAction(label: "\(kind.rawValue) scene=#\(i + 1)", action: action))
                }
            case .advanceTime:
                if let seconds = secondsToNextTimedEvent(in: state) {
                    out.append(PlainAction(label: "advanceTime next event", action: .advanceTime(seconds: seconds)))
                }
            default:
                out.append(PlainAction(label: kind.rawValue, action: kind.sample(in: state)))
            }
        }
        return out
    }

    /// Seconds until the next timed event `advanceTime` would pass through, if one is due.
    public func secondsToNextTimedEvent(in state: AppSnapshot) -> Double? {
        var due: [Double] = []
        if let at = state.lock.protectedDataClosesAt { due.append(at) }
        if let deadline = state.background.deadline(app: state.app, limit: profile.backgroundTimeLimit) {
            if state.backgroundTasks.contains(where: { !$0.expirationHandlerCalled }) {
                due.append(deadline - profile.timing.expirationLead)
            }
            due.append(deadline)
        } else if let at = state.background.suspension(app: state.app) {
            due.append(at)
        }
        return due.min().map { max(0, $0 - state.clock) }
    }
}
