/// The app's process and what only a running process has (issue #22 item 5; facts
/// §3, §5, §6; breadth §1.1, §4.4): its state, what covers it, its windows and what
/// it registered at launch. `AppSnapshot.process` holds it. A process ends by being
/// replaced with a fresh one (`AppSnapshot.processEnded`), so nothing here is reset
/// by hand, and a part added here ends with the process.
///
/// Not running (`app == .notRunning`), the other members keep their empty values:
/// `AppSnapshot`'s accessors assert that no rule gives a process that is not running
/// windows, an interruption or registered work. (Why not an optional process:
/// docs/architecture.md, "Performance mechanics".)
///
/// A prewarm paused before `UIApplicationMain` (breadth §3.2) is not running here, as
/// it is not to UIKit; `AppSnapshot.prewarm` records it.
public struct AppProcess: Sendable, Equatable {
    /// `UIApplication.applicationState`, with `suspended` and `notRunning`.
    public internal(set) var app: AppState = .notRunning
    /// What covers the app while it is inactive on screen, if anything; it ends when
    /// the app leaves `inactive` (`AppSnapshot.enter`).
    public internal(set) var interruption: InterruptionKind?
    /// Windows and their view controllers (they live as long as the process or the scene).
    public internal(set) var windows: [WindowSnapshot] = []
    /// The BGTask identifiers this process registered in didFinishLaunching
    /// (breadth §1.1); empty when the config lists none.
    public internal(set) var registeredBackgroundTasks: [PermittedBackgroundTask] = []
    /// The app registered for remote notifications at this launch and its device
    /// token has not arrived yet (breadth §4.4).
    var pushTokenPending = false

    /// Not running: nothing.
    init() {}

    /// A process that has just started in `app`.
    init(app: AppState) {
        self.app = app
    }

    /// A process runs.
    var isRunning: Bool { app != .notRunning }

    /// Not running and holding nothing, as a process that is not running must (compared
    /// whole, so a member added later is covered; read by debug assertions only).
    var isEmpty: Bool { self == AppProcess() }
}
