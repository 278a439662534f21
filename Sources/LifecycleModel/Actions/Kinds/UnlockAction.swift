/// `unlock`: The device is unlocked.
public struct UnlockAction: MemberlessAction {
    public init() {}

    static let action = Action.unlock
    static let rule = ActionRule(
        summary: "Protected data returns; an app that was in the foreground comes back.",
        sources: "MULTI, DOC; order a documented choice")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.unlockDevice()
    }
}
