/// `background`: The user leaves the app for the home screen.
public struct BackgroundAction: MemberlessAction {
    public init() {}

    static let action = Action.background
    static let rule = ActionRule(
        summary: "The user leaves the app for the home screen; state is saved if the app opts in.",
        sources: "S1, DOC; facts §6")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.goHome()
    }
}
