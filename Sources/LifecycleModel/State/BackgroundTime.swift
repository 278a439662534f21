/// The app's background execution (facts §5): its tasks, since when it runs
/// in the background and when it is suspended unless a task runs. Deadlines are
/// computed from these, never stored.
public struct BackgroundTime: Sendable, Equatable {
    /// Background tasks the app began and has not ended.
    public private(set) var tasks: [BackgroundTask] = []
    /// The id the next background task gets (ids are never reused in a session).
    private var nextTaskId = 1
    /// When the app began executing in the background (its background time counts from here).
    public private(set) var since: Double?
    /// When the app will be suspended if it has no background task running.
    public private(set) var suspendAt: Double?
    /// The running `BGContinuedProcessingTask`, if any (breadth §1.11): it keeps the
    /// app from being suspended until it completes.
    public internal(set) var continued: ContinuedProcessingTask?

    /// The app starts executing in the background at `clock`, suspended after
    /// `window` seconds unless a task runs.
    mutating func start(at clock: Double, window: Double) {
        since = clock
        suspendAt = clock + window
    }

    /// An app already in the background gets at least `window` more seconds.
    mutating func extend(at clock: Double, by window: Double) {
        suspendAt = max(suspendAt ?? clock, clock + window)
    }

    /// Back in the foreground, or suspended: no background time runs.
    mutating func stop() {
        since = nil
        suspendAt = nil
    }

    /// A new process starts with no task.
    mutating func clearTasks() {
        tasks = []
        continued = nil
    }

    /// The process ended: nothing runs.
    mutating func processEnded() {
        tasks = []
        continued = nil
        stop()
    }

    /// Begins a task at `clock`; returns its id.
    @discardableResult
    mutating func begin(name: String?, at clock: Double) -> Int {
        tasks.append(BackgroundTask(id: nextTaskId, name: name, began: clock))
        nextTaskId += 1
        return nextTaskId - 1
    }

    /// Ends the task `id`; false when no such task runs.
    mutating func end(id: Int) -> Bool {
        guard let index = tasks.firstIndex(where: { $0.id == id }) else { return false }
        tasks.remove(at: index)
        return true
    }

    /// Marks every task whose expiration handler has not run; returns them.
    mutating func expireAll() -> [BackgroundTask] {
        var expired: [BackgroundTask] = []
        for i in tasks.indices where !tasks[i].expirationHandlerCalled {
            tasks[i].expirationHandlerCalled = true
            expired.append(tasks[i])
        }
        return expired
    }

    /// When background time runs out, while a task runs in the background; nil
    /// otherwise (in the foreground UIKit reports no limit).
    public func deadline(app: AppState, limit: Double) -> Double? {
        guard app == .background, !tasks.isEmpty, let since else { return nil }
        return since + limit
    }

    /// When the app is suspended: in the background with no task running (a continued
    /// processing task included).
    public func suspension(app: AppState) -> Double? {
        app == .background && tasks.isEmpty && continued == nil ? suspendAt : nil
    }
}

/// A running `BGContinuedProcessingTask` (breadth §1.11): its identifier and when its
/// work completes.
public struct ContinuedProcessingTask: Sendable, Equatable {
    public var identifier: String
    /// Virtual time at which the app calls `setTaskCompleted(success: true)`.
    public var completesAt: Double
}
