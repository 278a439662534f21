/// `memoryWarning`: The system is low on memory.
public struct MemoryWarningAction: MemberlessAction {
    public init() {}

    static let action = Action.memoryWarning
    static let rule = ActionRule(
        summary: "Running apps only; suspended apps get nothing.",
        sources: "[A-mem], DOC")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        t.memoryWarning()
    }
}
