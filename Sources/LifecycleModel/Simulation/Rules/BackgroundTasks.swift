extension Transition {
    /// `beginBackgroundTask(withName:expirationHandler:)`: the app's code asks for
    /// background time (facts §5). Only running code can ask.
    mutating func beginBackgroundTask(name: String?) throws(ActionRefusal) {
        try require(state.app.isExecuting, Needs.codeRunning(state.app))
        state.background.begin(name: name, at: state.clock)
    }

    /// `endBackgroundTask(_:)`. With no task left, an app past its suspension time is
    /// suspended at once (DOC: "shortly after").
    mutating func endBackgroundTask(id: Int) throws(ActionRefusal) {
        try require(state.app.isExecuting, Needs.codeRunning(state.app))
        guard state.background.end(id: id) else {
            let running = state.backgroundTasks.map(\.id)
            throw refuse(needs: running.isEmpty ? Needs.runningTask : Needs.runningTaskId(running))
        }
        if let at = state.background.suspension(app: state.app), state.clock >= at {
            suspend()
        }
    }

    /// Seconds of background time left while a task runs in the background, else nil
    /// (`UIApplication.backgroundTimeRemaining`).
    var backgroundDeadline: Double? {
        state.background.deadline(app: state.app, limit: profile.backgroundTimeLimit)
    }

    /// The system suspends the app without telling it (S4).
    mutating func suspend() {
        state.sessions.suspendBackground()
        enter(.suspended)
        state.background.stop()
    }
}
