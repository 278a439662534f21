/// `launch`: The user taps the app icon: a cold launch, or a return to the foreground.
enum LaunchAction: MemberlessAction {
    static let action = Action.launch
    static let rule = ActionRule(
        summary: "The user taps the app icon: a cold launch, or a return to the foreground.",
        sources: "S1, R12, [A-launch]")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.open(nil)
    }
}
