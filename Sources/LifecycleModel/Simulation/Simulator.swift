/// The model: a pure, deterministic function (config, state, action) → (callbacks, state).
///
/// ```swift
/// let sim = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion("11.0")!))
/// let launched = try sim.apply(.launch, to: AppSnapshot())
/// launched.callbacks.map(\.method)  // seed 001's cold-launch order
/// ```
public struct Simulator: Sendable {
    public let config: SessionConfig
    public let profile: Profile

    public init(config: SessionConfig) {
        self.config = config
        self.profile = Profile(config: config)
    }

    /// Applies one action. Throws, changing nothing, when a real device could not
    /// perform it in `state`.
    public func apply(_ action: Action, to state: AppSnapshot) throws(ActionRefusal) -> ActionOutcome {
        var t = Transition(config: config, profile: profile, action: action.kind, state: state)
        try action.kind.definition.apply(action, to: &t)
        return t.outcome
    }

    /// `UIApplication.backgroundTimeRemaining` while a background task runs in the
    /// background; nil otherwise (in the foreground UIKit reports no limit).
    public func backgroundTimeRemaining(in state: AppSnapshot) -> Double? {
        state.background.deadline(app: state.app, limit: profile.backgroundTimeLimit).map { max(0, $0 - state.clock) }
    }

    /// The action kinds `state` allows: those the simulator itself accepts. `moveTo`
    /// is left out: it is a shortcut through the others, possible in every state for
    /// some target and refused for others, so its presence would say nothing.
    public func allowedActions(in state: AppSnapshot) -> [ActionKind] {
        ActionKind.allCases.filter { $0 != .moveTo && (try? apply($0.sample(in: state), to: state)) != nil }
    }
}
