/// `memoryWarning`: The system is low on memory.
enum MemoryWarningAction: MemberlessAction {
    static let action = Action.memoryWarning
    static let rule = ActionRule(
        summary: "Running apps only; suspended apps get nothing.",
        sources: "[A-mem], DOC")

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        t.memoryWarning()
    }
}
