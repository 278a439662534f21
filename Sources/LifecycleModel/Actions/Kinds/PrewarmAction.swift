/// `prewarm`: the system prewarms the app (breadth §3).
public struct PrewarmAction: MemberlessAction {
    public init() {}

    static let action = Action.prewarm
    static let rule = ActionRule(
        summary:
            "iOS 15+: the system starts a not-running app's process ahead of use and pauses it; by default before UIApplicationMain (no callback), after didFinishLaunching, or through the root view controllers' viewDidLoad (quirk prewarmStopsAt); no scene connects, but for a scene app's root through viewDidLoad. A later launch continues without repeating what ran.",
        sources:
            "breadth §3.1, §3.4, [A-launch], DOC; [SO71025205], [F706782], SINGLE; [SENTRY1897], [FIR9362], LOG; quirk prewarmStopsAt"
    )

    /// The system prewarms on its own schedule, and abstract states leave out the paused
    /// prewarm it leaves behind.
    static let isPlain = false

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.prewarm()
    }
}
