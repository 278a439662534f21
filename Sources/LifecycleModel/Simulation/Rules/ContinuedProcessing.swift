/// BGContinuedProcessingTask (iOS 26+; breadth §1.11, [A-bgcont], DOC): work the user
/// starts in the foreground that goes on if they leave the app, its progress in a Live
/// Activity they can cancel it from.
extension Transition {
    /// `startContinuedProcessingTask`: the user's action in the active app submits the
    /// request; the system begins it at once ("immediately, if possible", DOC): the launch
    /// handler runs, and the task works `seconds` (virtual time) before the app calls
    /// `setTaskCompleted(success: true)`. While it runs the app is not suspended, in the
    /// foreground or the background. Named choice: one task at a time (the model does
    /// not queue a second request).
    mutating func startContinuedProcessingTask(_ identifier: String?, seconds: Double) throws(ActionRefusal) {
        let continued = config.backgroundTasks.filter { $0.kind == .continuedProcessing }
        let task = identifier.map { id in continued.first { $0.identifier == id } } ?? continued.first
        guard let task else { throw refuse(needs: Needs.continuedTask(identifier, among: config.backgroundTasks)) }
        try require(profile.work.canContinueProcessing, Needs.continuedTaskVersion(config.iosVersion))
        try require(state.app == .active, Needs.activeToStartContinuedTask)
        try require(state.background.continued == nil, Needs.noContinuedTaskRunning)
        call(
            .bgTask(.launchHandler), on: .bgTask,
            args: .object(["identifier": .string(task.identifier), "task": .string(task.kind.taskClass)]))
        state.background.continued = ContinuedProcessingTask(
            identifier: task.identifier, completesAt: state.clock + seconds)
        if seconds == 0 { completeContinuedProcessingTask() }
    }

    /// The work is done: the app completes the task; an app in the background is then
    /// suspended `suspensionDelay` later (facts §5), like one whose task ends.
    mutating func completeContinuedProcessingTask() {
        guard let task = state.background.continued else { return }
        state.background.continued = nil
        call(
            .bgTask(.setTaskCompleted), on: .bgTask,
            args: .object(["identifier": .string(task.identifier), "success": .bool(true)]))
        if state.app == .background { state.background.extend(at: state.clock, by: profile.timing.suspensionDelay) }
    }

    /// `cancelContinuedProcessingTask`: the user cancels the task from its Live Activity:
    /// "the framework invokes the task's expiration handler" (DOC); the handler completes
    /// it unsuccessfully (named choice, as for a processing task the user interrupts).
    /// A kill from the app switcher cancels it silently instead (DOC: the app gets no
    /// indication): the process is gone (`terminate`).
    mutating func cancelContinuedProcessingTask() throws(ActionRefusal) {
        guard let task = state.background.continued else { throw refuse(needs: Needs.continuedTaskRunning) }
        try require(state.app.isExecuting, Needs.codeRunning(state.app))
        state.background.continued = nil
        call(.bgTask(.expirationHandler), on: .bgTask, args: .object(["identifier": .string(task.identifier)]))
        call(
            .bgTask(.setTaskCompleted), on: .bgTask,
            args: .object(["identifier": .string(task.identifier), "success": .bool(false)]))
        if state.app == .background { state.background.extend(at: state.clock, by: profile.timing.suspensionDelay) }
    }
}
