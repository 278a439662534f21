/// `lock`: The device is locked.
public struct LockAction: MemberlessAction {
    public init() {}

    static let action = Action.lock
    static let rule = ActionRule(
        summary: "Resign active and enter the background; protected data goes after a delay.",
        sources: "MULTI; DOC (protected data); quirk protectedDataDelay")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.lockDevice()
    }
}
