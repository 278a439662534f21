import ServiceHTTP

extension Service {
    /// Makes `/readyz` answer 503 from now on, so that a balancer stops sending new
    /// requests; the executable calls it on SIGTERM, waits `--drain-seconds`, then stops
    /// the server. Requests keep being served meanwhile.
    public func beginDraining() {
        draining.store(true, ordering: .relaxed)
    }

    /// True once `beginDraining()` was called.
    public var isDraining: Bool { draining.load(ordering: .relaxed) }

    /// `GET /readyz`: 200 while serving, 503 with `Retry-After` while draining.
    func readiness() throws(Problem) -> ServiceResponse {
        guard !isDraining else {
            throw Problem(
                kind: .notReady,
                detail: "the server is draining before it stops (SIGTERM); send new requests to another instance"
            )
            .withHeader("Retry-After", "\(settings.drainRetryAfterSeconds)")
        }
        return json(200, #"{"status":"ready"}"#)
    }

    /// `GET /metrics`: the Prometheus text exposition.
    func metricsResponse() -> ServiceResponse {
        let text = metrics.exposition(
            liveSessions: store.sessionCount,
            expiredSessions: store.expiredCount.load(ordering: .relaxed), searchesQueued: searches.waiting)
        return ServiceResponse(
            status: 200, headers: [("Content-Type", ServiceMetrics.contentType)], body: Array(text.utf8))
    }
}
