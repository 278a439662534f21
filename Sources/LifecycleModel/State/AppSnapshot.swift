/// Everything the model knows about one simulated app between two actions.
///
/// A value: the simulator returns a new snapshot and never changes the one it was
/// given, so a refused action changes nothing. What only a running process has lives
/// in `process` (`AppProcess`) and goes with it; the parts that outlive a process
/// own their invariants and what a process end resets: `background` (time and
/// tasks), `lock` (device lock and protected data) and `sessions` (scene sessions).
public struct AppSnapshot: Sendable, Equatable {
    /// The process and what only a running process has.
    public internal(set) var process = AppProcess()
    /// A state-restoration archive is on disk (facts §6). It outlives the process.
    public var restorationArchive: Bool
    /// The view controllers pushed over the window's root when the archive was written,
    /// bottom first: the navigation stack the next launch restores (breadth §8.6).
    public internal(set) var restorationStack: [String] = []
    /// Virtual time in seconds since the session began; it moves only when an action says so.
    public var clock: Double
    /// The user force-quit the app and has not opened it since: the system does not
    /// relaunch it in the background (facts §3, DOC).
    public var userForceQuit = false
    /// How the process last ended, if it has.
    public var lastTermination: Termination?
    /// Background execution time and background tasks (facts §5).
    public internal(set) var background = BackgroundTime()
    /// The device lock and protected data.
    public internal(set) var lock = DeviceLock.unlocked
    /// Scene sessions (scene-based apps only); they outlive the process.
    public internal(set) var sessions = SceneSessions()
    /// The device's orientation and the user's appearance setting (breadth §5); they
    /// outlive the process.
    public internal(set) var interface = InterfaceSettings()

    // MARK: Background work and prewarming

    /// The current process was started by a prewarm (breadth §3), and whether it is
    /// still paused there; nil for a process the system or the user launched.
    public internal(set) var prewarm: PrewarmSnapshot?
    /// The observer channels' memory (issue #20); nil without observers.
    public var observers: ObserverSnapshot? { observerMemory?.value }
    /// Where `observers` lives: behind one reference, nil without observers, so that the
    /// copy of a snapshot costs a session without observers nothing (`CopyOnWrite`).
    var observerMemory: CopyOnWrite<ObserverSnapshot>?

    /// A freshly installed app: not running, nothing on disk, time zero.
    public init() {
        restorationArchive = false
        clock = 0
    }

    /// A snapshot in `app`; other than `notRunning`, a process in that state that has
    /// just started (no windows yet).
    public init(app: AppState, restorationArchive: Bool = false, clock: Double = 0) {
        process = AppProcess(app: app)
        self.restorationArchive = restorationArchive
        self.clock = clock
    }

    // The parts' values under their wire names (contract "state").

    /// Background tasks the app began and has not ended.
    public var backgroundTasks: [BackgroundTask] { background.tasks }
    /// When the app will be suspended if it has no background task running.
    public var suspendAt: Double? { background.suspendAt }
    /// The device is locked.
    public var locked: Bool { lock.isLocked }
    /// `UIApplication.isProtectedDataAvailable` as the app last heard it.
    public var protectedDataAvailable: Bool { lock.isProtectedDataAvailable }
    /// Scene sessions, in creation order.
    public internal(set) var scenes: [SceneSnapshot] {
        get { sessions.scenes }
        set { sessions.scenes = newValue }
    }
    /// Sessions the user discarded while the app was not running, reported by
    /// `application(_:didDiscardSceneSessions:)` at the next launch (DOC).
    public var pendingDiscards: [String] { sessions.pendingDiscards }

    /// The process is gone: it takes what only it had, and every part that outlives it
    /// drops what needs running code.
    mutating func processEnded() {
        process = AppProcess()
        background.processEnded()
        lock.processEnded()
        sessions.detachAll()
        prewarm = nil
    }
}

/// A running `beginBackgroundTask(withName:expirationHandler:)`.
public struct BackgroundTask: Sendable, Equatable {
    /// The `UIBackgroundTaskIdentifier`, 1, 2, 3 … per session.
    public var id: Int
    public var name: String?
    /// Virtual time when it began.
    public var began: Double
    /// Its expiration handler has been called.
    public var expirationHandlerCalled = false
}

/// How a process ended.
public struct Termination: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The user swiped the app away in the app switcher.
        case userForceQuit
        /// The system ended it (memory pressure, or a `terminate` by the system).
        case system
        /// A background task was still running when its time ran out (0x8badf00d, DOC).
        case backgroundTimeExpired
    }

    public var reason: Reason
    /// Virtual time of the termination.
    public var at: Double
}
