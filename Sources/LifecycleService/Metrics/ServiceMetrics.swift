import LifecycleModel
import Synchronization

/// The service's counters, rendered by `GET /metrics` in the Prometheus text format.
///
/// Every counter on the request path is a sharded relaxed atomic (`CounterBlock`):
/// recording a request costs a few uncontended atomic adds and no lock.
public final class ServiceMetrics: Sendable {
    /// Statuses counted on their own; any other goes under `otherStatus`.
    static let statuses = [200, 201, 204, 400, 404, 405, 409, 413, 422, 499, 500, 503]
    static let otherStatusIndex = statuses.count
    /// Upper bounds (seconds) of the latency histogram's buckets; +Inf is implied.
    static let latencyBuckets: [Double] = [
        0.000_05, 0.0001, 0.000_25, 0.0005, 0.001, 0.0025, 0.005,
        0.01, 0.025, 0.05, 0.1, 0.25, 1,
    ]
    static let routes = RouteTemplate.allCases
    static let actionKinds = ActionKind.allCases

    /// Access-log lines the executable could not write (its buffer was full); the
    /// access log adds to it, `/metrics` reports it as `lifecycled_log_lines_dropped_total`.
    public let logLinesDropped = Atomic<Int>(0)

    /// The version reported by `lifecycled_build_info`.
    let version: String

    /// requests[route][status]
    let requests: CounterBlock
    /// latency[route][bucket] (bucket == latencyBuckets.count: above the last bound),
    /// then per route the sum of durations in nanoseconds.
    let latency: CounterBlock
    /// actions[kind][0 applied, 1 refused]
    let actions: CounterBlock
    /// created, deleted, callbacks logged, callbacks dropped
    let events: CounterBlock

    enum Event: Int, CaseIterable {
        case sessionsCreated, sessionsDeleted, callbacksLogged, callbacksDropped
        /// Searches started, refused for want of a thread (503), stopped by each bound, and
        /// stopped because their client left.
        case searchesStarted, searchesRefused, searchesStoppedBySteps, searchesStoppedByDeadline, searchesCancelled
    }

    /// Searches running now (on the search threads, or in `Service.handle`).
    let searchesRunning = Atomic<Int>(0)

    enum Outcome: Int {
        case applied = 0
        case refused = 1
    }

    init(version: String) {
        self.version = version
        let statusCount = Self.statuses.count + 1
        requests = CounterBlock(width: Self.routes.count * statusCount)
        latency = CounterBlock(width: Self.routes.count * (Self.latencyBuckets.count + 2))
        actions = CounterBlock(width: Self.actionKinds.count * 2)
        events = CounterBlock(width: Event.allCases.count)
    }

    private var latencyRowWidth: Int { Self.latencyBuckets.count + 2 }

    /// Counts one answered request and its duration.
    func recordRequest(_ route: RouteTemplate, status: Int, nanoseconds: UInt64) {
        let statusIndex = Self.statuses.firstIndex(of: status) ?? Self.otherStatusIndex
        requests.add(route.rawValue * (Self.statuses.count + 1) + statusIndex)
        let seconds = Double(nanoseconds) / 1e9
        let bucket = Self.latencyBuckets.firstIndex { seconds <= $0 } ?? Self.latencyBuckets.count
        let row = route.rawValue * latencyRowWidth
        latency.add(row + bucket)
        latency.add(row + latencyRowWidth - 1, Int(clamping: nanoseconds))
    }

    func record(_ event: Event, _ amount: Int = 1) {
        if amount != 0 { events.add(event.rawValue, amount) }
    }

    func searchStarted() {
        record(.searchesStarted)
        searchesRunning.add(1, ordering: .relaxed)
    }

    func searchEnded() {
        searchesRunning.subtract(1, ordering: .relaxed)
    }

    func recordSearchStop(_ stop: SearchStop) {
        switch stop {
        case .steps: record(.searchesStoppedBySteps)
        case .deadline: record(.searchesStoppedByDeadline)
        case .cancelled: record(.searchesCancelled)
        }
    }

    func recordAction(_ kind: ActionKind, _ outcome: Outcome) {
        actions.add(Self.actionIndex(kind) * 2 + outcome.rawValue)
    }

    /// `kind`'s index in `actionKinds` (which is `ActionKind.allCases`).
    static func actionIndex(_ kind: ActionKind) -> Int { kind.index }

    /// Reads the counters of one kind (for tests and the exposition).
    func count(_ event: Event) -> Int { events.value(event.rawValue) }

    func requestCount(_ route: RouteTemplate, status: Int) -> Int {
        let statusIndex = Self.statuses.firstIndex(of: status) ?? Self.otherStatusIndex
        return requests.value(route.rawValue * (Self.statuses.count + 1) + statusIndex)
    }

    func actionCount(_ kind: ActionKind, _ outcome: Outcome) -> Int {
        actions.value(Self.actionIndex(kind) * 2 + outcome.rawValue)
    }

    /// Requests on `route` counted by the latency histogram.
    func latencyCount(_ route: RouteTemplate) -> Int {
        let row = route.rawValue * latencyRowWidth
        return (0...Self.latencyBuckets.count).reduce(0) { $0 + latency.value(row + $1) }
    }
}
