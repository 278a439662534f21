/// Everything the model knows about one simulated app between two actions.
///
/// A value: the simulator returns a new snapshot and never changes the one it was
/// given, so a refused action changes nothing.
public struct AppSnapshot: Sendable, Equatable {
    /// `UIApplication.applicationState`, with `suspended` and `notRunning`.
    public var app: AppState
    /// A state-restoration archive is on disk (LIFECYCLE.md §6). It outlives the process.
    public var restorationArchive: Bool
    /// Virtual time in seconds since the session began; it moves only when an action says so.
    public var clock: Double
    /// The device is locked.
    public var locked = false
    /// What covers the app while it is inactive on screen, if anything.
    public var interruption: InterruptionKind?
    /// `UIApplication.isProtectedDataAvailable` as the app last heard it.
    public var protectedDataAvailable = true
    /// Background tasks the app began and has not ended.
    public var backgroundTasks: [BackgroundTask] = []
    /// The id the next background task gets.
    public var nextTaskId = 1
    /// When the app began executing in the background (its background time counts from here).
    public var backgroundSince: Double?
    /// When the app will be suspended if it has no background task running.
    public var suspendAt: Double?
    /// When protected data becomes unavailable after a lock (quirk `protectedDataDelay`).
    public var protectedDataUnavailableAt: Double?
    /// The app was in the foreground when the device was locked (unlock brings it back).
    public var foregroundAtLock = false
    /// The user force-quit the app and has not opened it since: the system does not
    /// relaunch it in the background (LIFECYCLE.md §3, DOC).
    public var userForceQuit = false
    /// How the process last ended, if it has.
    public var lastTermination: Termination?
    /// Scene sessions (scene-based apps only), in creation order.
    public var scenes: [SceneSnapshot] = []
    /// The number the next scene session gets.
    public var nextSceneNumber = 1
    /// Activation counter for `SceneSnapshot.lastActivation`.
    public var activations = 0
    /// Sessions the user discarded while the app was not running, reported by
    /// `application(_:didDiscardSceneSessions:)` at the next launch (DOC).
    public var pendingDiscards: [String] = []
    /// Scenes that were in the foreground when the device was locked (they return on unlock).
    public var scenesAtLock: [String] = []
    /// Windows and their view controllers (they live as long as the process or the scene).
    public var windows: [WindowSnapshot] = []

    /// A freshly installed app: not running, nothing on disk, time zero.
    public init(app: AppState = .notRunning, restorationArchive: Bool = false, clock: Double = 0) {
        self.app = app
        self.restorationArchive = restorationArchive
        self.clock = clock
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
