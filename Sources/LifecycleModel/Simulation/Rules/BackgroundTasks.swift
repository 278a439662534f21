extension Transition {
    /// `beginBackgroundTask(withName:expirationHandler:)`: the app's code asks for
    /// background time (LIFECYCLE.md §5). Only running code can ask.
    mutating func beginBackgroundTask(name: String?) throws(ActionRefusal) {
        try require(state.app.isExecuting, Needs.codeRunning(state.app))
        state.backgroundTasks.append(BackgroundTask(id: state.nextTaskId, name: name, began: state.clock))
        state.nextTaskId += 1
    }

    /// `endBackgroundTask(_:)`. With no task left, an app past its suspension time is
    /// suspended at once (DOC: "shortly after").
    mutating func endBackgroundTask(id: Int) throws(ActionRefusal) {
        try require(state.app.isExecuting, Needs.codeRunning(state.app))
        guard let index = state.backgroundTasks.firstIndex(where: { $0.id == id }) else {
            let running = state.backgroundTasks.map(\.id)
            throw refuse(needs: running.isEmpty ? Needs.runningTask : Needs.runningTaskId(running))
        }
        state.backgroundTasks.remove(at: index)
        if state.app == .background, state.backgroundTasks.isEmpty, let at = state.suspendAt, state.clock >= at {
            suspend()
        }
    }

    /// Seconds of background time left while a task runs in the background, else nil
    /// (`UIApplication.backgroundTimeRemaining`).
    var backgroundDeadline: Double? {
        guard state.app == .background, !state.backgroundTasks.isEmpty, let since = state.backgroundSince else { return nil }
        return since + profile.backgroundTimeLimit
    }

    /// The system suspends the app without telling it (S4).
    mutating func suspend() {
        suspendBackgroundScenes()
        enter(.suspended)
        state.suspendAt = nil
        state.backgroundSince = nil
    }
}
