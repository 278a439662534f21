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
    /// What one request that searches may spend (Searches/).
    public var search: SearchLimits
    /// Threads that run searches, off the HTTP workers (`--search-threads`).
    public var searchThreads: Int
    /// Searches that may wait for a thread; one more is a 503 with `Retry-After` (`--search-queue`).
    public var searchQueue: Int

    public init(
        maxSessions: Int = 100_000, sessionTTL: Double = 3600, maxLog: Int = 10_000,
        maxLogBytes: Int = 8 << 20, maxMemory: Int = 1 << 30, maxResponse: Int = 16 << 20,
        search: SearchLimits = SearchLimits(), searchThreads: Int = 2, searchQueue: Int = 4
    ) {
        self.maxSessions = maxSessions
        self.sessionTTL = sessionTTL
        self.maxLog = maxLog
        self.maxLogBytes = maxLogBytes
        self.maxMemory = maxMemory
        self.maxResponse = maxResponse
        self.search = search
        self.searchThreads = searchThreads
        self.searchQueue = searchQueue
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
    /// Where searches run when the bridge can wait for them (`respond(to:)`).
    let searches: SearchPool
    /// Told of each search stopped by a bound or by its client leaving (`logSearchStops`).
    let searchLog = PThreadLock<(@Sendable (SearchStopEvent) -> Void)?>(nil)

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
        self.searches = SearchPool(threads: limits.searchThreads, queueLimit: limits.searchQueue)
    }

    /// Sessions currently held.
    public var sessionCount: Int { store.sessionCount }

    /// Answers one complete request, with its `X-Request-Id` (and CORS headers when
    /// enabled), and counts it in the metrics. A request that searches runs here, on the
    /// calling thread, within its budget (steps and CPU deadline; its client is never
    /// gone): for tests and in-process use. The bridge calls `respond(to:)`.
    public func handle(_ request: ServiceRequest) -> ServiceResponse {
        let incoming = Incoming(request, self)
        var response: ServiceResponse
        switch dispatch(request, incoming) {
        case .ready(let answer): response = answer
        case .search(let job): response = run(job, request, incoming, clientGone: { false })
        }
        finish(&response, request, incoming)
        return response
    }

    /// `handle` for the bridge: a request that searches is answered later, from a search
    /// thread (`SearchPool`), so that the HTTP worker goes on with cheap requests; when
    /// every search thread is busy and the queue is full, it is answered at once with a 503
    /// and `Retry-After`.
    public func respond(to request: ServiceRequest) -> Handling {
        let incoming = Incoming(request, self)
        var response: ServiceResponse
        switch dispatch(request, incoming) {
        case .ready(let answer):
            response = answer
        case .search(let job):
            guard searches.reserve() else {
                metrics.record(.searchesRefused)
                let busy = Problem.searchesBusy(threads: searches.threads, queue: searches.queueLimit)
                response = busy.with("requestId", .string(incoming.requestID)).response
                break
            }
            return .later { [self] link in
                searches.submit { [self] in
                    var response = run(job, request, incoming, clientGone: { link.clientGone })
                    finish(&response, request, incoming)
                    link.send(response)
                }
            }
        }
        finish(&response, request, incoming)
        return .respond(response)
    }

    /// What `handle` knows of a request besides the request itself: when it came, its
    /// id, its resource. (Not the request: a copy of it retained each of its parts.)
    struct Incoming: Sendable {
        /// Always the real monotonic clock: the injectable one is for session expiry.
        let started: UInt64
        let requestID: String
        let route: Route?

        init(_ request: ServiceRequest, _ service: Service) {
            started = MonotonicClock.nanoseconds()
            requestID = service.requestIDs.id(for: request)
            route = Route(path: request.path)
        }
    }

    /// The answer, or the search that makes it; problems as responses.
    @inline(__always)
    private func dispatch(_ request: ServiceRequest, _ incoming: Incoming) -> Routed {
        if let preflight = preflightResponse(request, incoming.route) { return .ready(preflight) }
        do throws(Problem) {
            let response: ServiceResponse
            switch try route(request, incoming.route) {
            case .ready(let routed): response = routed
            case .search(let job): return .search(job)
            }
            // Only answers that change nothing are measured here: a write's 413 after the
            // fact would report a change that happened as failed (actions measure their own).
            guard response.bodyCount <= limits.maxResponse || !Self.changesNothing(request.method, incoming.route)
            else { throw Problem.responseTooLarge(limits.maxResponse, hint: "ask for less (a smaller limit=)") }
            return .ready(response)
        } catch {
            return .ready(error.with("requestId", .string(incoming.requestID)).response)
        }
    }

    /// Runs a search's work within a fresh `SearchContext` on this thread.
    private func run(
        _ job: SearchJob, _ request: ServiceRequest, _ incoming: Incoming,
        clientGone: @escaping @Sendable () -> Bool
    ) -> ServiceResponse {
        metrics.searchStarted()
        defer { metrics.searchEnded() }
        job.prepare?()
        let context = SearchContext(
            requestID: incoming.requestID, route: RouteTemplate(incoming.route), limits: limits.search,
            clientGone: clientGone,
            stopped: { [self] stop, context in searchStopped(stop, context, request) })
        do throws(Problem) {
            // A client gone while its search waited for a thread: nothing to do for it.
            if let stop = context.interruption() {
                searchStopped(stop, context, request)
                throw Problem.searchStopped(stop, hint: "")
            }
            let response = try job.work(context)
            guard response.bodyCount <= limits.maxResponse || !Self.changesNothing(request.method, incoming.route)
            else { throw Problem.responseTooLarge(limits.maxResponse, hint: "ask for less") }
            return response
        } catch {
            return error.with("requestId", .string(incoming.requestID)).response
        }
    }

    /// Adds `X-Request-Id` and the CORS headers, and counts the request.
    @inline(__always)
    private func finish(_ response: inout ServiceResponse, _ request: ServiceRequest, _ incoming: Incoming) {
        response.addHeader("X-Request-Id", incoming.requestID)
        addCORSHeaders(request, to: &response)
        metrics.recordRequest(
            RouteTemplate(incoming.route), status: response.status,
            nanoseconds: MonotonicClock.nanoseconds() &- incoming.started)
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

    private func route(_ request: ServiceRequest, _ route: Route?) throws(Problem) -> Routed {
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
        case (.health, _): return .ready(json(200, #"{"status":"ok"}"#))
        case (.readiness, _): return .ready(try readiness())
        case (.metrics, _): return .ready(metricsResponse())
        case (.sessions, "POST"): return .ready(try createSession(request))
        case (.sessions, "DELETE"): return .ready(resetSessions())
        case (.sessions, _): return .ready(try listSessions(request))
        case (.session(let id), "DELETE"): return .ready(try deleteSession(id))
        case (.session(let id), "PUT"): return .ready(try putSession(id, request))
        case (.session(let id), _): return .ready(try getSession(id))
        case (.actions(let id), _): return try postAction(id, request)
        case (.callbacks(let id), _): return .ready(try getCallbacks(id, request))
        case (.journal(let id), _): return .ready(try getJournal(id))
        case (.openapi, _): return .ready(openAPIDocument())
        case (.simulate, _): return try simulate(request)
        case (.diff, _): return .search(SearchJob { [self] search throws(Problem) in try diff(request, search) })
        case (.paths, _): return .search(SearchJob { [self] search throws(Problem) in try paths(request, search) })
        case (.coverage, _):
            return .search(SearchJob { [self] search throws(Problem) in try coverage(request, search) })
        case (.explain, _):
            return .search(
                SearchJob(
                    // The catalog of methods a text log is read against is built by the first
                    // log a process reads (a second of CPU in a debug build): once, not per request.
                    prepare: { _ = TextLog.parse("viewDidLoad()") },
                    work: { [self] search throws(Problem) in try explain(request, search) }))
        case (.playground, _): return .ready(playground())
        case (.unknownSession, _): throw Problem(kind: .notFound, detail: "no resource at \(request.path)")
        }
    }

    /// Runs `body` on a live session under its lock; 404 if it is gone.
    func withSession<Result>(
        _ id: UUID, _ body: (inout Session) throws(Problem) -> Result
    ) throws(Problem) -> Result {
        guard let box = store.find(id) else { throw Problem.sessionNotFound(id) }
        return try withSession(box, body)
    }

    /// Runs `body` on the session of `box` under its lock; 404 if it was deleted.
    func withSession<Result>(
        _ box: SessionBox, _ body: (inout Session) throws(Problem) -> Result
    ) throws(Problem) -> Result {
        try box.session.withLock { (session: inout Session) throws(Problem) -> Result in
            guard !session.isDeleted else { throw Problem.sessionNotFound(box.id) }
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
        ServiceResponse(status: status, contentType: "application/json", headers: headers, lending: w.lend())
    }

    func json(_ status: Int, _ text: String) -> ServiceResponse {
        ServiceResponse(status: status, contentType: "application/json", body: Array(text.utf8))
    }
}
