import LifecycleModel
import ServiceHTTP

/// What a resource makes of a request: the answer, or the search that makes it.
enum Routed {
    case ready(ServiceResponse)
    /// Boxed: the answer, every cheap request's, then passes through as it lies.
    indirect case search(SearchJob)
}

/// A request's work that searches (explain, paths, coverage, diff, and runs with a
/// `moveTo`): run on a search thread within a `SearchContext`.
struct SearchJob: Sendable {
    /// Run before the request's budget starts: work done once per process, not the
    /// request's own (explain's method catalog, built by the first log read).
    var prepare: (@Sendable () -> Void)? = nil
    let work: @Sendable (SearchContext) throws(Problem) -> ServiceResponse
}

/// One search stopped by a bound or by its client leaving, for the log.
public struct SearchStopEvent: Sendable, Equatable {
    public var requestID: String
    public var method: String
    /// The route template, e.g. `/v1/paths`.
    public var route: String
    /// `steps`, `deadline` or `cancelled` (`SearchStop.bound`).
    public var bound: String
    /// The steps or milliseconds of the bound; nil for `cancelled`.
    public var limit: Int?
    /// CPU time the request had spent when it stopped.
    public var cpuMilliseconds: Double
}

extension Service {
    /// Has `body` told of each search stopped by a bound or by its client leaving, from
    /// the thread that ran it (the executable writes one log line each).
    public func logSearchStops(_ body: @escaping @Sendable (SearchStopEvent) -> Void) {
        searchLog.withLock { $0 = body }
    }

    /// A search of `context`'s request stopped: counted, and logged once.
    func searchStopped(_ stop: SearchStop, _ context: SearchContext, _ request: ServiceRequest) {
        metrics.recordSearchStop(stop)
        let limit: Int? =
            switch stop {
            case .steps(let n): n
            case .deadline(let ms): ms
            case .cancelled: nil
            }
        searchLog.withLock { $0 }?(
            SearchStopEvent(
                requestID: context.requestID, method: request.method, route: context.route.label, bound: stop.bound,
                limit: limit, cpuMilliseconds: Double(context.cpuNanoseconds / 1000) / 1000))
    }
}

extension Problem {
    /// A search stopped at a bound: 422 naming it (`bound`, `limit`) and how to ask for
    /// less (`hint`); for a client that left, the 499 nobody reads.
    static func searchStopped(_ stop: SearchStop, hint: String) -> Problem {
        let less = hint.isEmpty ? "" : "; ask for less: \(hint)"
        switch stop {
        case .steps(let n):
            return Problem(
                kind: .searchStopped,
                detail:
                    "the search tried its budget of \(n) steps (an action tried on a state is a step; --search-steps) before it had an answer\(less)"
            )
            .with("bound", .string(stop.bound)).with("limit", .number(String(n)))
        case .deadline(let ms):
            return Problem(
                kind: .searchStopped,
                detail:
                    "the search used its \(ms) ms of CPU time (--search-deadline) before it had an answer\(less)"
            )
            .with("bound", .string(stop.bound)).with("limit", .number(String(ms)))
        case .cancelled:
            return Problem(kind: .clientClosedRequest, detail: "the client closed the connection; its search stopped")
                .with("bound", .string(stop.bound))
        }
    }

    /// 503: every search thread is busy and the queue is full.
    static func searchesBusy(threads: Int, queue: Int) -> Problem {
        Problem(
            kind: .searchesBusy,
            detail:
                "all \(threads) search threads are busy and \(queue) searches wait (--search-threads, --search-queue); retry after \(Service.retryAfterSeconds) s"
        )
        .withHeader("Retry-After", "\(Service.retryAfterSeconds)")
    }
}
