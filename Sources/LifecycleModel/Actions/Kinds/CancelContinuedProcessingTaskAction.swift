/// `cancelContinuedProcessingTask`: the user cancels the running continued processing
/// task from its Live Activity (breadth §1.11).
public struct CancelContinuedProcessingTaskAction: MemberlessAction {
    public init() {}

    static let action = Action.cancelContinuedProcessingTask
    static let rule = ActionRule(
        summary:
            "The user cancels the running BGContinuedProcessingTask from its Live Activity: its expiration handler, then setTaskCompleted(success: false). (A kill from the app switcher cancels it with no callback.)",
        sources: "breadth §1.11, [A-bgcont], DOC; the unsuccessful completion a named choice")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.cancelContinuedProcessingTask()
    }

    /// None without a running task (every other state refuses it): the searches do not
    /// try it in each state of a config that has no continued processing task.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        state.background.continued == nil ? [] : [ActionVariant(action)]
    }
}
