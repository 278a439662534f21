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

    /// A freshly installed app: not running, nothing on disk, time zero.
    public init(app: AppState = .notRunning, restorationArchive: Bool = false, clock: Double = 0) {
        self.app = app
        self.restorationArchive = restorationArchive
        self.clock = clock
    }
}
