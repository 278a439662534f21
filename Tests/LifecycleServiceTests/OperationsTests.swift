import Foundation
import ServiceHTTP
import Synchronization
import Testing

@testable import LifecycleService

extension ServiceClient {
    @discardableResult
    func send(_ method: String, _ path: String, _ body: String? = nil, headers: [(name: String, value: String)])
        -> Reply
    {
        Reply(
            response: service.handle(
                ServiceRequest(method: method, path: path, body: Array((body ?? "").utf8), headers: headers)))
    }
}

/// One sample's value from a Prometheus exposition, nil if absent.
private func sample(_ text: String, _ name: String, _ labels: String = "") -> Int? {
    let key = labels.isEmpty ? name + " " : name + "{" + labels + "} "
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return nil }
    return Int(line.dropFirst(key.count))
}

/// `/metrics`: the counters move with what the service did.
@Suite struct MetricsTests {
    let client = ServiceClient(
        Service(limits: ServiceLimits(maxLog: 3), settings: ServiceSettings(version: "9.9.9-test")))

    @Test func countsSessionsActionsCallbacksAndRequests() throws {
        let a = client.create()
        let b = client.create()
        #expect(client.act(a, #"{"type":"launch"}"#).status == 200)
        #expect(client.act(a, #"{"type":"launch"}"#).status == 409)
        #expect(client.act(a, #"{"type":"background"}"#).status == 200)
        #expect(client.send("DELETE", "/v1/sessions/\(b)").status == 204)
        #expect(client.send("GET", "/v1/sessions/\(b)").status == 404)
        let m = client.send("GET", "/metrics")
        #expect(m.status == 200)
        #expect(m.contentType == "text/plain; version=0.0.4; charset=utf-8")
        let text = m.text
        #expect(sample(text, "lifecycled_build_info", #"version="9.9.9-test""#) == 1)
        #expect(sample(text, "lifecycled_sessions_live") == 1)
        #expect(sample(text, "lifecycled_sessions_created_total") == 2)
        #expect(sample(text, "lifecycled_sessions_deleted_total") == 1)
        #expect(sample(text, "lifecycled_sessions_expired_total") == 0)
        #expect(sample(text, "lifecycled_actions_total", #"type="launch",outcome="applied""#) == 1)
        #expect(sample(text, "lifecycled_actions_total", #"type="launch",outcome="refused""#) == 1)
        #expect(sample(text, "lifecycled_actions_total", #"type="background",outcome="applied""#) == 1)
        // --max-log 3 keeps the newest 3 callbacks of the session.
        let logged = try #require(sample(text, "lifecycled_callbacks_logged_total"))
        let total = client.send("GET", "/v1/sessions/\(a)/callbacks").json["total"] as? Int
        #expect(logged == total)
        #expect(sample(text, "lifecycled_callbacks_dropped_total") == logged - 3)
        #expect(sample(text, "lifecycled_http_requests_total", #"route="/v1/sessions",status="201""#) == 2)
        #expect(sample(text, "lifecycled_http_requests_total", #"route="/v1/sessions/{id}/actions",status="200""#) == 2)
        #expect(sample(text, "lifecycled_http_requests_total", #"route="/v1/sessions/{id}/actions",status="409""#) == 1)
        #expect(sample(text, "lifecycled_http_requests_total", #"route="/v1/sessions/{id}",status="404""#) == 1)
        #expect(
            sample(text, "lifecycled_http_request_duration_seconds_count", #"route="/v1/sessions/{id}/actions""#) == 3)
        #expect(
            sample(
                text, "lifecycled_http_request_duration_seconds_bucket", #"route="/v1/sessions/{id}/actions",le="+Inf""#
            ) == 3)
        #expect(sample(text, "lifecycled_log_lines_dropped_total") == 0)
        // The scrape itself is counted after it is rendered.
        #expect(
            sample(
                client.send("GET", "/metrics").text, "lifecycled_http_requests_total", #"route="/metrics",status="200""#
            ) == 1)
    }

    @Test func logLinesDroppedIsSettableByTheExecutable() {
        client.service.metrics.logLinesDropped.wrappingAdd(7, ordering: .relaxed)
        #expect(sample(client.send("GET", "/metrics").text, "lifecycled_log_lines_dropped_total") == 7)
    }

    @Test func expiredSessionsAreCounted() {
        let now = ManualClock()
        let service = Service(limits: ServiceLimits(sessionTTL: 10), clock: { now.read() })
        let c = ServiceClient(service)
        _ = c.create()
        _ = c.create()
        now.advance(seconds: 11)
        service.sweepExpiredSessions()
        let text = c.send("GET", "/metrics").text
        #expect(sample(text, "lifecycled_sessions_expired_total") == 2)
        #expect(sample(text, "lifecycled_sessions_live") == 0)
    }

    @Test func countersSumOverThreads() async {
        let service = Service()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<250 { _ = service.handle(ServiceRequest(method: "GET", path: "/healthz")) }
                }
            }
        }
        #expect(service.metrics.requestCount(.health, status: 200) == 2000)
        #expect(service.metrics.latencyCount(.health) == 2000)
    }

    @Test func unknownPathsAreOneLabel() {
        client.send("GET", "/nope/\(UUID())")
        client.send("GET", "/v1/sessions/not-a-uuid")
        #expect(client.service.metrics.requestCount(.other, status: 404) == 1)
        #expect(client.service.metrics.requestCount(.session, status: 404) == 1)
    }
}

final class ManualClock: Sendable {
    private let nanos = Mutex<UInt64>(1_000_000_000)
    func read() -> UInt64 { nanos.withLock { $0 } }
    func advance(seconds: Double) { nanos.withLock { $0 += UInt64(seconds * 1e9) } }
}

/// `X-Request-Id`: echoed or generated, on every response and in problem bodies.
@Suite struct RequestIDTests {
    let client = ServiceClient()

    @Test func clientIdIsEchoedAndPutInProblems() {
        let r = client.send("GET", "/v1/sessions/\(UUID())", headers: [("x-request-id", "trace-42")])
        #expect(r.status == 404)
        #expect(r.response.headerValue("X-Request-Id") == "trace-42")
        #expect(r.json["requestId"] as? String == "trace-42")
    }

    @Test func generatedWhenAbsentOrUnusable() {
        let a = client.send("GET", "/healthz")
        let b = client.send("GET", "/healthz", headers: [("X-Request-Id", "has space")])
        let c = client.send("GET", "/healthz", headers: [("X-Request-Id", String(repeating: "x", count: 201))])
        let ids = [a, b, c].compactMap { $0.response.headerValue("X-Request-Id") }
        #expect(ids.count == 3)
        #expect(Set(ids).count == 3)
        #expect(!ids.contains("has space"))
        let p = client.send("POST", "/v1/sessions", "{")
        #expect(p.status == 400)
        #expect(p.json["requestId"] as? String == p.response.headerValue("X-Request-Id"))
    }

    @Test func bridgeProblemsCarryAnId() {
        let r = client.service.problem(status: 413, detail: "too big")
        let body = (try? JSONSerialization.jsonObject(with: Data(r.body))) as? [String: Any]
        #expect(r.headerValue("X-Request-Id") != nil)
        #expect(body?["requestId"] as? String == r.headerValue("X-Request-Id"))
    }
}

/// `GET /readyz` and `beginDraining()`.
@Suite struct ReadinessTests {
    @Test func readyUntilDraining() {
        let service = Service(settings: ServiceSettings(drainRetryAfterSeconds: 3))
        let c = ServiceClient(service)
        let ready = c.send("GET", "/readyz")
        #expect(ready.status == 200)
        #expect(ready.json["status"] as? String == "ready")
        service.beginDraining()
        let draining = c.send("GET", "/readyz")
        #expect(draining.status == 503)
        #expect(draining.contentType == "application/problem+json")
        #expect(draining.response.headerValue("Retry-After") == "3")
        #expect(draining.json["type"] as? String == "urn:lifecycled:problem:not-ready")
        // Still serving meanwhile.
        #expect(c.send("GET", "/healthz").status == 200)
        #expect(c.send("POST", "/v1/sessions", "{}").status == 201)
    }
}

/// `--cors-origin`: preflight and headers; off by default.
@Suite struct CORSTests {
    @Test func offByDefaultOptionsIs405() {
        let c = ServiceClient()
        let r = c.send(
            "OPTIONS", "/v1/sessions",
            headers: [("Origin", "https://a.example"), ("Access-Control-Request-Method", "POST")])
        #expect(r.status == 405)
        #expect(r.response.headerValue("Allow") == "GET, HEAD, POST, DELETE")
        #expect(r.response.headerValue("Access-Control-Allow-Origin") == nil)
        #expect(
            c.send("GET", "/healthz", headers: [("Origin", "https://a.example")]).response.headerValue("Vary") == nil)
    }

    @Test func preflightAndSimpleRequestsFromAllowedOrigin() {
        let c = ServiceClient(Service(settings: ServiceSettings(corsOrigins: ["https://a.example"])))
        let pre = c.send(
            "OPTIONS", "/v1/sessions/\(UUID())",
            headers: [("Origin", "https://a.example"), ("Access-Control-Request-Method", "PUT")])
        #expect(pre.status == 204)
        #expect(pre.response.headerValue("Access-Control-Allow-Origin") == "https://a.example")
        #expect(pre.response.headerValue("Access-Control-Allow-Methods") == "GET, HEAD, PUT, DELETE")
        #expect(pre.response.headerValue("Access-Control-Allow-Headers") == "Content-Type, X-Request-Id")
        #expect(pre.response.headerValue("Access-Control-Max-Age") == "600")
        #expect(pre.response.headerValue("Vary") == "Origin")
        #expect(pre.response.headers.filter { $0.name == "Access-Control-Allow-Origin" }.count == 1)
        let post = c.send("POST", "/v1/sessions", "{}", headers: [("Origin", "https://a.example")])
        #expect(post.status == 201)
        #expect(post.response.headerValue("Access-Control-Allow-Origin") == "https://a.example")
        #expect(post.response.headerValue("Access-Control-Expose-Headers") == "Location, X-Request-Id, Retry-After")
        // Another origin: no allow header, and its preflight is an ordinary 405.
        let other = c.send("GET", "/healthz", headers: [("Origin", "https://evil.example")])
        #expect(other.response.headerValue("Access-Control-Allow-Origin") == nil)
        #expect(other.response.headerValue("Vary") == "Origin")
        #expect(
            c.send(
                "OPTIONS", "/healthz",
                headers: [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")]
            ).status == 405)
    }

    @Test func starAllowsAnyOrigin() {
        let c = ServiceClient(Service(settings: ServiceSettings(corsOrigins: ["*"])))
        let r = c.send("GET", "/healthz", headers: [("Origin", "http://localhost:3000")])
        #expect(r.response.headerValue("Access-Control-Allow-Origin") == "*")
    }
}

/// `PUT /v1/sessions/{id}`: idempotent create with the client's UUID.
@Suite struct PutSessionTests {
    let client = ServiceClient()

    @Test func createsThenConfirmsThenRefusesAnotherConfig() {
        let id = UUID().uuidString  // upper case: the canonical lower case is answered
        let first = client.send("PUT", "/v1/sessions/\(id)", #"{"lifecycle":"app","iosVersion":"11.0"}"#)
        #expect(first.status == 201)
        #expect(first.json["id"] as? String == id.lowercased())
        #expect(first.response.headerValue("Location") == "/v1/sessions/\(id.lowercased())")
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let logged = client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int
        #expect((logged ?? 0) > 0)
        // Same config (defaults spelled out or not): 200, and the session is untouched.
        let again = client.send(
            "PUT", "/v1/sessions/\(id.lowercased())", #"{"iosVersion":"11.0","lifecycle":"app","device":"iphone"}"#)
        #expect(again.status == 200)
        #expect(again.json["callbackCount"] as? Int == logged)
        let other = client.send("PUT", "/v1/sessions/\(id)", #"{"lifecycle":"app","iosVersion":"12.0"}"#)
        #expect(other.status == 409)
        #expect(other.json["type"] as? String == "urn:lifecycled:problem:session-exists")
        #expect(client.service.sessionCount == 1)
        #expect(client.service.metrics.count(.sessionsCreated) == 1)
        // Deleted: the id can be used again.
        #expect(client.send("DELETE", "/v1/sessions/\(id)").status == 204)
        #expect(client.send("PUT", "/v1/sessions/\(id)", #"{"lifecycle":"app","iosVersion":"12.0"}"#).status == 201)
    }

    @Test func badIdOrConfigIs400AndCreatesNothing() {
        let bad = client.send("PUT", "/v1/sessions/not-a-uuid", "{}")
        #expect(bad.status == 400)
        #expect(bad.json["field"] as? String == "id")
        let badConfig = client.send("PUT", "/v1/sessions/\(UUID())", #"{"lifecycle":"tv"}"#)
        #expect(badConfig.status == 400)
        #expect(client.service.sessionCount == 0)
    }

    @Test func respectsTheSessionLimit() {
        let c = ServiceClient(Service(limits: ServiceLimits(maxSessions: 1)))
        #expect(c.send("PUT", "/v1/sessions/\(UUID())").status == 201)
        let full = c.send("PUT", "/v1/sessions/\(UUID())")
        #expect(full.status == 503)
        #expect(full.response.headerValue("Retry-After") == "1")
    }

    @Test func racingPutsMakeOneSession() async {
        let service = Service()
        let id = UUID()
        let statuses = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    service.handle(ServiceRequest(method: "PUT", path: "/v1/sessions/\(id)", body: Array("{}".utf8)))
                        .status
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 200 }.count == 15)
        #expect(service.sessionCount == 1)
    }

    @Test func expiredIdIsCreatedAgain() {
        let now = ManualClock()
        let c = ServiceClient(Service(limits: ServiceLimits(sessionTTL: 5), clock: { now.read() }))
        let id = UUID()
        #expect(c.send("PUT", "/v1/sessions/\(id)").status == 201)
        now.advance(seconds: 6)
        #expect(c.send("PUT", "/v1/sessions/\(id)").status == 201)
        #expect(c.service.sessionCount == 1)
        #expect(sample(c.send("GET", "/metrics").text, "lifecycled_sessions_expired_total") == 1)
    }
}
