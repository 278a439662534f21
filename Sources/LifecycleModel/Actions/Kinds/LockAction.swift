/// `lock`: The device is locked.
enum LockAction: MemberlessAction {
    static let action = Action.lock
    static let rule = ActionRule(
        summary: "Resign active and enter the background; protected data goes after a delay.",
        sources: "MULTI; DOC (protected data); quirk protectedDataDelay")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.lockDevice()
    }
}
