/// `backgroundFetch`: The system grants a background fetch (launching or waking the app).
enum BackgroundFetchAction: MemberlessAction {
    static let action = Action.backgroundFetch
    static let rule = ActionRule(
        summary: "Launch into or wake in the background for a fetch (fetch mode; not after a force-quit).",
        sources: "S4, DOC; quirk didEnterBackgroundOnBackgroundLaunch")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.fetch)
    }
}
