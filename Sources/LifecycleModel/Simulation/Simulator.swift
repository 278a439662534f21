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
        var t = Transition(config: config, profile: profile, state: state)
        switch action {
        case .launch:
            try open(nil, kind: .launch, in: &t)
        case .background:
            guard state.app == .active else {
                throw refusal(.background, state, needs: "the app in the foreground (active)")
            }
            t.leaveForeground()
        case .openURL(let url):
            try open(.url(url), kind: .openURL, in: &t)
        case .openUniversalLink(let url):
            try open(.universalLink(url), kind: .openUniversalLink, in: &t)
        case .tapNotification(let payload):
            try open(.notification(payload), kind: .tapNotification, in: &t)
        case .terminate(let cause):
            t.terminate(by: cause)
        }
        return t.outcome
    }

    /// The action kinds `state` allows: those the simulator itself accepts.
    public func allowedActions(in state: AppSnapshot) -> [ActionKind] {
        ActionKind.allCases.filter { (try? apply($0.sample, to: state)) != nil }
    }

    /// The user opens the app: by its icon (no payload), a link or a notification.
    private func open(_ payload: LaunchPayload?, kind: ActionKind, in t: inout Transition) throws(ActionRefusal) {
        switch t.state.app {
        case .notRunning:
            t.coldLaunch(payload: payload)
        case .background, .suspended:
            t.enterForeground(payload: payload)
        case .active:
            // Already on screen: the handler alone (LIFECYCLE.md §4's rule for active
            // scenes, applied to sceneless apps: a documented choice). The home-screen
            // icon is not reachable from an active app.
            guard let payload, payload.reachesActiveApp(config: config) else {
                throw refusal(kind, t.state, needs: payload == nil
                    ? "the app not in the foreground (notRunning, background or suspended): the user taps the icon from the home screen"
                    : "a notification-center delegate to present the notification while the app is active (config notificationCenterDelegate), or the app not active")
            }
            payload.deliver(into: &t)
        case .inactive:
            throw refusal(kind, t.state, needs: "the app not in a transition (inactive is transient here)")
        }
    }

    private func refusal(_ kind: ActionKind, _ state: AppSnapshot, needs: String) -> ActionRefusal {
        ActionRefusal(action: kind, state: state.app, needs: needs)
    }
}
