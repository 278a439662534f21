/// `launch`: The user taps the app icon: a cold launch, or a return to the foreground.
public struct LaunchAction: MemberlessAction {
    public init() {}

    static let action = Action.launch
    static let rule = ActionRule(
        summary: "The user taps the app icon: a cold launch, or a return to the foreground.",
        sources: "S1, R12, [A-launch]")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.open(nil)
    }
}
