/// `backgroundFetch`: The system grants a background fetch (launching or waking the app).
public struct BackgroundFetchAction: MemberlessAction {
    public init() {}

    static let action = Action.backgroundFetch
    static let rule = ActionRule(
        summary: "Launch into or wake in the background for a fetch (fetch mode; not after a force-quit).",
        sources: "S4, DOC; quirk didEnterBackgroundOnBackgroundLaunch")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.fetch)
    }
}
