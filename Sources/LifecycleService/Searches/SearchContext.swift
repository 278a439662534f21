import LifecycleModel
import ServiceHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one request that searches may spend, and what ends it early: the `SearchBudget`
/// its searches run within. Made on the thread that runs the request, when it starts.
///
/// - Steps: every search of the request draws on one count (`meter()`; pass the same
///   meter to each search in turn, or `budget(after:)` for a search that makes its own).
/// - CPU deadline: the CPU time of the request's thread since it started
///   (`CLOCK_THREAD_CPUTIME_ID`, clock_gettime(2), [LINUX-MAN]): the request's own work,
///   however busy the machine, and nothing while it waited in the queue.
/// - Cancellation: its client closed the connection.
///
/// Each stop is counted in the metrics and logged once, with the request's id.
final class SearchContext: Sendable {
    let requestID: String
    let route: RouteTemplate
    /// The steps and CPU time one request may spend.
    let limits: SearchLimits
    private let cpuStart: UInt64
    private let clientGone: @Sendable () -> Bool
    private let stopped: @Sendable (SearchStop, SearchContext) -> Void

    init(
        requestID: String, route: RouteTemplate, limits: SearchLimits,
        clientGone: @escaping @Sendable () -> Bool, stopped: @escaping @Sendable (SearchStop, SearchContext) -> Void
    ) {
        self.requestID = requestID
        self.route = route
        self.limits = limits
        self.clientGone = clientGone
        self.stopped = stopped
        cpuStart = ThreadCPUClock.nanoseconds()
    }

    /// CPU time the request's thread has spent since the request started.
    var cpuNanoseconds: UInt64 { ThreadCPUClock.nanoseconds() &- cpuStart }

    /// The request's budget: all its steps, its deadline, its client.
    func meter() -> SearchMeter { SearchMeter(budget()) }

    /// The budget left after `meter`'s steps (all of it without one): for a search that
    /// makes its own meter, such as explain's after its `from` actions.
    func budget(after meter: SearchMeter? = nil) -> SearchBudget {
        budget(spent: meter?.steps ?? 0)
    }

    /// The budget left after `steps` steps spent already.
    func budget(spent steps: Int) -> SearchBudget {
        SearchBudget(
            maxSteps: max(0, limits.steps - steps),
            interruption: { [self] in interruption() },
            onStop: { [self] stop in stopped(stop, self) })
    }

    /// Why the request must stop now, if it must.
    func interruption() -> SearchStop? {
        if clientGone() { return .cancelled }
        if cpuNanoseconds > limits.deadlineNanoseconds { return .deadline(milliseconds: limits.deadlineMilliseconds) }
        return nil
    }
}

/// What one searching request may spend (`--search-steps`, `--search-deadline`).
public struct SearchLimits: Sendable, Equatable {
    /// Steps (actions tried on states) at most, all the request's searches together.
    public var steps: Int
    /// CPU time at most, in seconds.
    public var deadline: Double

    public init(steps: Int = 1_000_000, deadline: Double = 2) {
        self.steps = steps
        self.deadline = deadline
    }

    var deadlineNanoseconds: UInt64 { UInt64(max(0, min(deadline, 86_400)) * 1e9) }
    var deadlineMilliseconds: Int { Int((max(0, min(deadline, 86_400)) * 1000).rounded()) }
}

/// The CPU time of the calling thread.
enum ThreadCPUClock {
    static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: now.tv_nsec)
    }
}
