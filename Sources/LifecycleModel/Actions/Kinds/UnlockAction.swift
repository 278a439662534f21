/// `unlock`: The device is unlocked.
enum UnlockAction: MemberlessAction {
    static let action = Action.unlock
    static let rule = ActionRule(
        summary: "Protected data returns; an app that was in the foreground comes back.",
        sources: "MULTI, DOC; order a documented choice")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.unlockDevice()
    }
}
