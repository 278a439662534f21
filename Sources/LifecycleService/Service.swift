import Foundation
import LifecycleModel
import ServiceHTTP
import Synchronization

/// Limits the service enforces; the executable's flags set them.
public struct ServiceLimits: Sendable {
    /// Sessions held at once; creating one more answers 503 with `Retry-After`.
    public var maxSessions: Int
    /// Seconds a session may sit idle before it is forgotten.
    public var sessionTTL: Double
    /// Callbacks kept per session; older ones are dropped (and counted).
    public var maxLog: Int
    /// Bytes of encoded callbacks kept per session; older ones are dropped (and counted).
    public var maxLogBytes: Int
    /// Bytes held for clients at once: session logs, request bodies being received,
    /// responses not yet sent. Over it, large requests and new sessions or actions
    /// are answered 503 with `Retry-After`.
    public var maxMemory: Int
    /// Largest response body; a larger one is answered 413 (split the request).
    public var maxResponse: Int

    public init(
        maxSessions: Int = 100_000, sessionTTL: Double = 3600, maxLog: Int = 10_000,
        maxLogBytes: Int = 8 << 20, maxMemory: Int = 1 << 30, maxResponse: Int = 16 << 20
    ) {
        self.maxSessions = maxSessions
        self.sessionTTL = sessionTTL
        self.maxLog = maxLog
        self.maxLogBytes = maxLogBytes
        self.maxMemory = maxMemory
        self.maxResponse = maxResponse
    }
}

/// The whole HTTP service without sockets: give it a request, get the response.
///
/// Safe to call from many threads at once: sessions live in a sharded store and each
/// session has its own lock, held only while one action runs.
public final class Service: Sendable {
    public let limits: ServiceLimits
    /// Version, CORS origins and readiness details; the executable's flags set them.
    public let settings: ServiceSettings
    /// Counters for `GET /metrics`; the executable adds to `metrics.logLinesDropped`.
    public let metrics: ServiceMetrics
    let store: SessionStore
    let requestIDs: RequestIDGenerator
    /// Set by `beginDraining()`: `/readyz` answers 503 from then on.
    let draining = Atomic<Bool>(false)
    /// The bytes held for clients; the bridge counts bodies and unsent responses in it too.
    public let memory: MemoryBudget

    /// Every request header the service reads (`ServiceRequest.headerValue`): a request's
    /// other headers change nothing, so a bridge may hand over only these
    /// (`ServerConfiguration.readHeaders`). A header read anywhere must be listed here.
    public static let readHeaders = ["X-Request-Id", "Origin", "Access-Control-Request-Method"]

    /// - Parameter clock: monotonic nanoseconds, for session expiry (tests pass their own).
    public convenience init(
        limits: ServiceLimits = ServiceLimits(), settings: ServiceSettings = ServiceSettings(),
        clock: @escaping @Sendable () -> UInt64 = Service.sessionClock
    ) {
        self.init(limits: limits, settings: settings, journal: nil, clock: clock)
    }

    /// A service whose sessions are journaled in `dataDirectory` (`--data-dir`); call
    /// `restoreSessions()` before serving.
    public convenience init(
        limits: ServiceLimits = ServiceLimits(), settings: ServiceSettings = ServiceSettings(),
        dataDirectory: String, fsync: FsyncPolicy,
        clock: @escaping @Sendable () -> UInt64 = Service.sessionClock
    ) throws(JournalError) {
        self.init(
            limits: limits, settings: settings,
            journal: try SessionJournal(directory: dataDirectory, fsync: fsync), clock: clock)
    }

    init(
        limits: ServiceLimits, settings: ServiceSettings, journal: SessionJournal?,
        clock: @escaping @Sendable () -> UInt64
    ) {
        self.limits = limits
        self.settings = settings
        self.metrics = ServiceMetrics(version: settings.version)
        // The bridge answers this 503 itself: built per request, with its own request id.
        let ids = RequestIDGenerator()
        let maxMemory = limits.maxMemory
        self.requestIDs = ids
        self.memory = MemoryBudget(
            limit: maxMemory, refuse: { Problem.memoryFull(maxMemory).answer(requestID: ids.generate()) })
        self.store = SessionStore(limits: limits, memory: memory, journal: journal, clock: clock)
    }

    /// Sessions currently held.
    public var sessionCount: Int { store.sessionCount }

    /// Answers one complete request, with its `X-Request-Id` (and CORS headers when
    /// enabled), and counts it in the metrics.
    public func handle(_ request: ServiceRequest) -> ServiceResponse {
        // Always the real monotonic clock: the injectable one is for session expiry.
        let started = MonotonicClock.nanoseconds()
        let requestID = requestIDs.id(for: request)
        let route = Route(path: request.path)
        var response: ServiceResponse
        if let preflight = preflightResponse(request, route) {
            response = preflight
        } else {
            do throws(Problem) {
                let routed = try self.route(request, route)
                // Only answers that change nothing are measured here: a write's 413 after the
                // fact would report a change that happened as failed (actions measure their own).
                guard routed.bodyCount <= limits.maxResponse || !Self.changesNothing(request.method, route) else {
                    throw Problem.responseTooLarge(limits.maxResponse, hint: "ask for less (a smaller limit=)")
                }
                response = routed
            } catch {
                response = error.with("requestId", .string(requestID)).response
            }
        }
        response.headers.append(("X-Request-Id", requestID))
        addCORSHeaders(request, to: &response)
        metrics.recordRequest(
            RouteTemplate(route), status: response.status,
            nanoseconds: MonotonicClock.nanoseconds() &- started)
        return response
    }

    /// GET/HEAD, and POST /v1/simulate (it keeps no state).
    static func changesNothing(_ method: String, _ route: Route?) -> Bool {
        if method == "GET" || method == "HEAD" { return true }
        if case .simulate = route { return true }
        return false
    }

    /// An `application/problem+json` response, for errors the bridge answers itself
    /// (it carries a fresh request id: the request's own was not read).
    public func problem(status: Int, detail: String) -> ServiceResponse {
        Problem(kind: ProblemKind.forStatus(status), detail: detail).answer(requestID: requestIDs.generate())
    }

    /// Forgets sessions idle for longer than the TTL; the executable calls it periodically.
    public func sweepExpiredSessions() {
        store.sweep()
    }

    private func route(_ request: ServiceRequest, _ route: Route?) throws(Problem) -> ServiceResponse {
        guard let route else {
            throw Problem(
                kind: .notFound,
                detail:
                    "no resource at \(request.path); the API has / (the playground), /healthz, /readyz, /metrics, /v1/sessions, /v1/sessions/{id}, /v1/sessions/{id}/actions, /v1/sessions/{id}/callbacks, /v1/sessions/{id}/journal, /v1/simulate, /v1/diff, /v1/paths, /v1/coverage, /v1/explain and /openapi.yaml"
            )
        }
        if case .unknownSession(let text) = route {
            // PUT names the id to create: a malformed one is the client's mistake, not a missing session.
            if request.method == "PUT", request.path.hasSuffix("/\(text)") { throw Problem.invalidSessionID(text) }
            throw Problem.sessionNotFound(text)
        }
        let method = request.method == "HEAD" ? "GET" : request.method
        guard route.methods.contains(request.method) else {
            let allow = route.methods.joined(separator: ", ")
            throw Problem(
                kind: .methodNotAllowed, detail: "\(request.method) is not allowed on \(request.path); use \(allow)"
            )
            .withHeader("Allow", allow)
        }
        if !request.query.isEmpty {
            let known = route.queryNames(method: method)
            if let unknown = request.query.first(where: { !known.contains($0.name) }) {
                throw Problem.unknownQuery(unknown.name, request, known: known)
            }
        }
        switch (route, method) {
        case (.health, _): return json(200, #"{"status":"ok"}"#)
        case (.readiness, _): return try readiness()
        case (.metrics, _): return metricsResponse()
        case (.sessions, "POST"): return try createSession(request)
        case (.sessions, "DELETE"): return resetSessions()
        case (.sessions, _): return try listSessions(request)
        case (.session(let id), "DELETE"): return try deleteSession(id)
        case (.session(let id), "PUT"): return try putSession(id, request)
        case (.session(let id), _): return try getSession(id)
        case (.actions(let id), _): return try postAction(id, request)
        case (.callbacks(let id), _): return try getCallbacks(id, request)
        case (.journal(let id), _): return try getJournal(id)
        case (.openapi, _): return openAPIDocument()
        case (.simulate, _): return try simulate(request)
        case (.diff, _): return try diff(request)
        case (.paths, _): return try paths(request)
        case (.coverage, _): return try coverage(request)
        case (.explain, _): return try explain(request)
        case (.playground, _): return playground()
        case (.unknownSession, _): throw Problem(kind: .notFound, detail: "no resource at \(request.path)")
        }
    }

    /// Runs `body` on a live session under its lock; 404 if it is gone.
    func withSession<Result>(
        _ id: UUID, _ body: (inout Session) throws(Problem) -> Result
    ) throws(Problem) -> Result {
        guard let box = store.find(id) else { throw Problem.sessionNotFound(id) }
        return try box.session.withLock { (session: inout Session) throws(Problem) -> Result in
            guard !session.isDeleted else { throw Problem.sessionNotFound(id) }
            return try body(&session)
        }
    }

    /// An integer query argument within `range`, or its default when absent.
    func queryInt(_ request: ServiceRequest, _ name: String, default value: Int, range: ClosedRange<Int>)
        throws(Problem) -> Int
    {
        guard let text = request.queryValue(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            let bounds =
                range.upperBound == Int.max
                ? "\(range.lowerBound) or more" : "\(range.lowerBound) to \(range.upperBound)"
            let shown =
                text.unicodeScalars.count > 40
                ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
            throw Problem.invalidField(name, "query argument \(name) must be an integer, \(bounds) (got \"\(shown)\")")
        }
        return n
    }

    /// Seconds a client should wait before retrying a full store.
    static let retryAfterSeconds = 1

    func json(_ status: Int, _ w: JSONWriter, headers: [(name: String, value: String)] = []) -> ServiceResponse {
        ServiceResponse(status: status, headers: Self.headers("application/json", headers), lending: w.lend())
    }

    func json(_ status: Int, _ text: String) -> ServiceResponse {
        ServiceResponse(status: status, headers: Self.headers("application/json"), body: Array(text.utf8))
    }

    /// `Content-Type` and `extra`, with room for what `handle` adds (`X-Request-Id`, and
    /// with CORS on three more): an array of one would be copied into a larger one by
    /// that append.
    static func headers(_ contentType: String, _ extra: [(name: String, value: String)] = [])
        -> [(name: String, value: String)]
    {
        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(extra.count + 5)
        headers.append(("Content-Type", contentType))
        if !extra.isEmpty { headers.append(contentsOf: extra) }
        return headers
    }
}
