/// The model: a pure, deterministic function (config, state, action) → (callbacks, state).
///
/// ```swift
/// let sim = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion("11.0")!))
/// let launched = try sim.apply(.launch, to: AppSnapshot())
/// launched.callbacks.map(\.method)  // seed 001's cold-launch order
/// ```
public struct Simulator: Sendable {
    /// Config and profile (several hundred bytes of Strings, sets and arrays) live in one
    /// shared box: copying a simulator, or handing it to a `Transition`, is one retain
    /// instead of a copy of each field.
    @usableFromInline let model: SimulatorModel

    // Inlinable: the service's writers read these for every response
    // (docs/architecture.md, "Performance mechanics").
    @inlinable public var config: SessionConfig { _read { yield model.config } }
    @inlinable public var profile: Profile { _read { yield model.profile } }

    public init(config: SessionConfig) {
        self.model = SimulatorModel(config: config)
    }

    /// Applies one action. Throws, changing nothing, when a real device could not
    /// perform it in `state`.
    public func apply(_ action: Action, to state: AppSnapshot) throws(ActionRefusal) -> ActionOutcome {
        var t = Transition(model: model, action: action.kind, state: state)
        try action.visit(Applying.self, &t)
        if t.observing { t.observeEndOfTurn() }
        assert(t.state.windowsFollowScenes, "\(action.kind) left windows that do not follow the scenes")
        return t.outcome
    }

    /// Applies one action to `state` in place: the same as `apply(_:to:)` (the outcome's
    /// state becomes `state`), without copying the state out and back. Throws, leaving
    /// `state` as it was, when a real device could not perform it.
    ///
    /// A kind that refuses before it acts (every kind but `moveTo`,
    /// `ActionDefinition.refusesBeforeActing`) works on `state` itself, lent, and a
    /// refusal hands it back as it was; any other works on a copy, so that a refusal
    /// halfway leaves `state` untouched. The service applies every action to a session's
    /// own state this way.
    public func apply(
        _ action: Action, updating state: inout AppSnapshot
    ) throws(ActionRefusal) -> (callbacks: [Callback], steps: [TakenStep]) {
        let definition = action.kind.definition
        let lends = definition.refusesBeforeActing
        var t: Transition
        if lends {
            t = Transition(model: model, action: action.kind, state: AppSnapshot())
            swap(&t.state, &state)
        } else {
            t = Transition(model: model, action: action.kind, state: state)
        }
        #if DEBUG
            let lent = lends ? t.state : nil  // to check that a refusal changed nothing
        #endif
        do throws(ActionRefusal) {
            try action.visit(Applying.self, &t)
        } catch {
            if lends {
                assert(t.callbacks.isEmpty, "\(action.kind) refused after it acted (refusesBeforeActing)")
                #if DEBUG
                    assert(t.state == lent, "\(action.kind) changed the state before it refused (refusesBeforeActing)")
                #endif
                swap(&state, &t.state)
            }
            throw error
        }
        if t.observing { t.observeEndOfTurn() }
        assert(t.state.windowsFollowScenes, "\(action.kind) left windows that do not follow the scenes")
        swap(&state, &t.state)
        return (t.callbacks, t.steps)
    }

    /// `UIApplication.backgroundTimeRemaining` while a background task runs in the
    /// background; nil otherwise (in the foreground UIKit reports no limit).
    public func backgroundTimeRemaining(in state: AppSnapshot) -> Double? {
        state.background.deadline(app: state.app, limit: profile.backgroundTimeLimit).map { max(0, $0 - state.clock) }
    }

    /// The action kinds `state` allows: those with a variant the simulator itself
    /// accepts (`ActionDefinition.variants`). `moveTo` has none: it is a shortcut
    /// through the others, possible in every state for some target and refused for
    /// others, so its presence would say nothing.
    public func allowedActions(in state: AppSnapshot) -> [ActionKind] {
        ActionKind.allCases.filter { kind in
            variants(of: kind, in: state).contains { (try? apply($0.action, to: state)) != nil }
        }
    }

    /// The actions of `kind` that `state` tells apart, with their labels, in order.
    public func variants(of kind: ActionKind, in state: AppSnapshot) -> [ActionVariant] {
        kind.definition.variants(in: state, of: self)
    }

    /// The kinds whose variants are the values of one member (`terminate` `by`,
    /// `interruptionEnded` `outcome`, `openScene` `by`) of which `state` allows some
    /// values and not others, with the values it allows, in order. A kind that
    /// `allowedActions(in:)` lists and this does not takes every value: so "terminate is
    /// not possible; possible now: terminate" becomes "possible now: terminate (by system)".
    public func allowedVariants(in state: AppSnapshot) -> [AllowedVariants] {
        ActionKind.allCases.compactMap { kind in
            let variants = variants(of: kind, in: state)
            guard let member = variants.first?.choice?.member else { return nil }
            let allowed = variants.filter { (try? apply($0.action, to: state)) != nil }.compactMap(\.choice?.value)
            guard !allowed.isEmpty, allowed.count < variants.count else { return nil }
            return AllowedVariants(kind: kind, member: member, values: allowed)
        }
    }

    /// The value of the member that sets `action` apart from its kind's other variants
    /// (`terminate(by: .user)`: `by` `user`); nil for a kind without such a member.
    public func choice(of action: Action) -> VariantChoice? {
        variants(of: action.kind, in: AppSnapshot()).first { $0.action == action }?.choice
    }
}

/// A kind of which only some values of its distinguishing member are possible now.
public struct AllowedVariants: Sendable, Equatable {
    public var kind: ActionKind
    /// The member whose values tell the variants apart, e.g. `by`.
    public var member: String
    /// The values possible now, e.g. `["system"]`.
    public var values: [String]

    public init(kind: ActionKind, member: String, values: [String]) {
        self.kind = kind
        self.member = member
        self.values = values
    }
}

/// A simulator's immutable config and the profile derived from it, shared by its copies.
@usableFromInline final class SimulatorModel: Sendable {
    @usableFromInline let config: SessionConfig
    @usableFromInline let profile: Profile

    init(config: SessionConfig) {
        self.config = config
        self.profile = Profile(config: config)
    }
}
