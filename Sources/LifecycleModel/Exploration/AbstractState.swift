/// What the searches (paths, coverage, `moveTo`) tell states apart by: a finite
/// summary of an `AppSnapshot` that leaves out the clock, ids, names and counters.
///
/// Two snapshots with the same abstract state get the same answer from the model for
/// almost every plain action; the searches still apply every step to a real snapshot,
/// so an action is only ever listed where the model accepted it.
public struct AbstractState: Hashable, Sendable {
    /// The device lock as the app sees it.
    public enum Lock: String, Sendable, CaseIterable {
        case unlocked
        /// Locked, protected data still available (the quirk's delay runs).
        case locked
        /// Locked and protected data has become unavailable.
        case lockedDataUnavailable
    }

    /// `UIApplication.applicationState` (with `suspended` and `notRunning`).
    public var app: AppState
    /// Each scene session's state, in creation order (empty in a sceneless app).
    public var scenes: [SceneState]
    /// The scene the user saw last (index into `scenes`), the one an icon tap or a
    /// link brings back; nil without scenes.
    public var frontScene: Int?
    public var lock: Lock
    /// What covers the app, if anything.
    public var interruption: InterruptionKind?
    /// Background tasks running.
    public var tasks: Int
    /// Of those, how many have had their expiration handler called.
    public var expiredTasks: Int
    /// Per window, the stack size of its root navigation context and of each modal
    /// presentation over it: `[1]` is the root alone, `[2]` one push, `[1, 1]` one
    /// presentation.
    public var windows: [[Int]]
    /// The user force-quit the app (the system does not relaunch it in the background).
    public var userForceQuit: Bool
    /// A state-restoration archive is on disk.
    public var restorationArchive: Bool
    /// Controllers pushed over the root in that archive (the next launch restores them).
    public var restorationStackDepth: Int
    /// A continued processing task runs (breadth §1.11).
    public var continuedTask: Bool
    /// Discarded scene sessions wait to be reported at the next launch.
    public var pendingDiscards: Bool

    // Closures, not key paths, in the maps below: a key path was projected at run time,
    // a tenth of a coverage search (every step makes an abstract state).
    public init(_ s: AppSnapshot) {
        app = s.app
        scenes = s.scenes.map { $0.state }
        frontScene = s.scenes.indices.max { s.scenes[$0].lastActivation < s.scenes[$1].lastActivation }
        switch s.lock {
        case .unlocked: lock = .unlocked
        case .locked(.unavailable, _): lock = .lockedDataUnavailable
        case .locked(.closing, _): lock = .locked
        }
        interruption = s.interruption
        tasks = s.backgroundTasks.count
        expiredTasks = s.backgroundTasks.reduce(0) { $0 + ($1.expirationHandlerCalled ? 1 : 0) }
        windows = s.windows.map { $0.contexts.map { $0.stack.count } }
        userForceQuit = s.userForceQuit
        restorationArchive = s.restorationArchive
        restorationStackDepth = s.restorationStack.count
        continuedTask = s.background.continued != nil
        pendingDiscards = !s.pendingDiscards.isEmpty
    }

    /// View controllers above the windows' roots, all windows together: pushes plus
    /// presented controllers.
    public var navigationDepth: Int {
        windows.reduce(0) { $0 + $1.reduce(0, +) - 1 }
    }
}

/// The limits a search stays within: an action whose result exceeds one is not a
/// transition of the search (the state space of the model itself is infinite:
/// pushes, tasks and scenes have no end).
public struct ExplorationBounds: Sendable, Equatable {
    /// Scene sessions at once.
    public var scenes: Int
    /// Background tasks running at once.
    public var tasks: Int
    /// View controllers above the windows' roots, all windows together (pushed or presented).
    public var depth: Int

    /// scenes ≤ 2, tasks ≤ 1, depth ≤ 2.
    public static let standard = ExplorationBounds(scenes: 2, tasks: 1, depth: 2)
    /// The largest bounds a request may ask for (so one search stays well under a second).
    public static let maximum = ExplorationBounds(scenes: 3, tasks: 2, depth: 3)

    public init(scenes: Int, tasks: Int, depth: Int) {
        self.scenes = scenes
        self.tasks = tasks
        self.depth = depth
    }

    public func contains(_ s: AbstractState) -> Bool {
        s.scenes.count <= scenes && s.tasks <= tasks && s.navigationDepth <= depth
    }

    /// These bounds, widened to hold `s` (a search from a state beyond them can
    /// still move back inside).
    public func widened(toHold s: AbstractState) -> ExplorationBounds {
        ExplorationBounds(
            scenes: max(scenes, s.scenes.count), tasks: max(tasks, s.tasks), depth: max(depth, s.navigationDepth))
    }
}
