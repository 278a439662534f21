/// The process's parts under the names the model, the wire and the tests use. A
/// change that gives a process that is not running something is a bug of the rules
/// (asserted); clearing what it does not have is fine (a rule that empties the
/// windows or ends an interruption whatever the state).
extension AppSnapshot {
    /// `UIApplication.applicationState`, with `suspended` and `notRunning`.
    public var app: AppState { process.app }

    /// What covers the app while it is inactive on screen, if anything. Only an
    /// inactive app has one (asserted): it ends when the app leaves `inactive`
    /// (`enter`).
    public internal(set) var interruption: InterruptionKind? {
        get { process.interruption }
        _modify {
            yield &process.interruption
            assert(process.interruption == nil || process.app == .inactive, "an interruption while \(process.app)")
        }
    }

    /// Windows and their view controllers (they live as long as the process or the scene).
    public internal(set) var windows: [WindowSnapshot] {
        _read { yield process.windows }
        _modify {
            yield &process.windows
            assert(process.isRunning || process.isEmpty, "windows for a process that is not running")
        }
    }

    /// The BGTask identifiers this process registered in didFinishLaunching
    /// (breadth §1.1); empty before launch or when the config lists none.
    public internal(set) var registeredBackgroundTasks: [PermittedBackgroundTask] {
        _read { yield process.registeredBackgroundTasks }
        _modify {
            yield &process.registeredBackgroundTasks
            assert(process.isRunning || process.isEmpty, "registered tasks for a process that is not running")
        }
    }

    /// The app registered for remote notifications at this launch and its device
    /// token has not arrived yet (breadth §4.4).
    var pushTokenPending: Bool {
        get { process.pushTokenPending }
        _modify {
            yield &process.pushTokenPending
            assert(process.isRunning || process.isEmpty, "a pending push token for a process that is not running")
        }
    }

    /// Each attached scene has one window, no other scene has any, and a window without
    /// a scene is a sceneless app's (facts §4: scene sessions outlive the process, their
    /// windows do not, so a process that is not running has no attached scene). Read by
    /// a debug assertion after each action and by `ProcessLifetimeTests`, which also states
    /// the rule on its own.
    var windowsFollowScenes: Bool {
        for scene in scenes {
            let count = windows.reduce(0) { $0 + ($1.sceneId == scene.id ? 1 : 0) }
            guard count == (scene.state.isConnected ? 1 : 0) else { return false }
        }
        return windows.allSatisfy { window in
            window.sceneId.map { id in scenes.contains { $0.id == id } } ?? scenes.isEmpty
        }
    }

    /// Moves the app to `app`: a process starts when it leaves `notRunning` and ends
    /// (`processEnded`) when it returns there. An interruption ends when the app
    /// leaves `inactive`: it covers an app on screen (S3, [A-state]), and becoming
    /// active, going to the background or ending ends it.
    mutating func enter(_ app: AppState) {
        if app == .notRunning {
            if process.isRunning { processEnded() }
        } else {
            process.app = app
            if app != .inactive { process.interruption = nil }
        }
    }
}
