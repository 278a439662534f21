// An HTTPServer with a tiny echo handler of its own (not the lifecycle service),
// for the bridge tests.
import Dispatch
import Foundation
import MHDServer
import ServiceHTTP
import Synchronization

/// What the handler and the access log saw; shared with the server's closures.
/// PThreadLock rather than Mutex: the worker threads write these, and `make tsan` must see the lock.
final class BridgeRecorder: Sendable {
    /// Every access-log entry, in completion order.
    let accessLog = PThreadLock<[AccessLogEntry]>([])
    /// Paths of the requests the handler saw.
    let handled = PThreadLock<[String]>([])
    /// Signalled when `/slow` has entered the handler.
    let slowEntered = DispatchSemaphore(value: 0)

    /// The access log.
    @Sendable func record(_ entry: AccessLogEntry) {
        accessLog.withLock { $0.append(entry) }
    }
}

final class BridgeTestServer: Sendable {
    let server: HTTPServer
    let recorder: BridgeRecorder

    var port: UInt16 { server.port }

    /// Starts on 127.0.0.1, port 0; `configure` may change the other settings.
    /// `accessLog` false: no access log, as `--quiet` runs the service (the bridge then
    /// hands the handler only `readHeaders`, when they are set).
    init(
        maxBody: Int = 1 << 20, threads: Int = 2, accessLog: Bool = true,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) throws {
        let recorder = BridgeRecorder()
        self.recorder = recorder
        var configuration = ServerConfiguration(port: 0, threads: threads, maxBody: maxBody)
        configure(&configuration)
        server = HTTPServer(
            configuration: configuration,
            handler: { request in
                recorder.handled.withLock { $0.append(request.path) }
                return Self.respond(to: request, slowEntered: recorder.slowEntered)
            },
            problem: Self.problem,
            accessLog: accessLog ? recorder.record : nil)
        try server.start()
    }

    deinit { server.stop(graceSeconds: 0) }

    /// `/echo`: the body back. `/describe`: method, path and query as text lines.
    /// `/fields`: the query, then the headers the handler got, as text lines.
    /// `/slow`: waits 300 ms. `/busy`: waits 1.2 s. `/sleep`: waits 3 s. `/headers`: custom headers, some the bridge must drop.
    private static func respond(to request: ServiceRequest, slowEntered: DispatchSemaphore) -> ServiceResponse {
        switch request.path {
        case "/echo":
            return ServiceResponse(
                status: 200,
                headers: [
                    ("Content-Type", "application/octet-stream"),
                    ("X-Method", request.method),
                ], body: request.body)
        case "/describe":
            var lines = ["\(request.method) \(request.path)"]
            lines += request.query.map { "\($0.name)=\($0.value)" }
            return ServiceResponse(
                status: 200, headers: [("Content-Type", "text/plain")],
                body: Array(lines.joined(separator: "\n").utf8))
        case "/fields":
            let lines =
                request.query.map { "\($0.name)=\($0.value)" } + request.headers.map { "\($0.name): \($0.value)" }
            return ServiceResponse(status: 200, body: Array(lines.joined(separator: "\n").utf8))
        case "/slow":
            slowEntered.signal()
            usleep(300_000)
            return ServiceResponse(status: 200, body: Array("slow done".utf8))
        case "/sleep":
            slowEntered.signal()
            usleep(3_000_000)
            return ServiceResponse(status: 200, body: Array("slept".utf8))
        case "/busy":
            slowEntered.signal()
            usleep(1_200_000)
            return ServiceResponse(status: 200, body: Array("was busy".utf8))
        case "/headers":
            return ServiceResponse(
                status: 299,
                headers: [
                    ("X-One", "1"), ("content-length", "999"),
                    ("X-Evil", "a\r\nInjected: yes"), ("X-Two", "2"),
                ],
                body: Array("four".utf8))
        default:
            return ServiceResponse(status: 404, body: Array("no such path".utf8))
        }
    }

    static let problem: ProblemResponder = { status, detail in
        let escaped = detail.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return ServiceResponse(
            status: status, headers: [("Content-Type", "application/problem+json")],
            body: Array("{\"status\":\(status),\"detail\":\"\(escaped)\"}".utf8))
    }

    /// Waits (up to 10 s) until the access log holds `count` entries, and returns them.
    func accessLogEntries(atLeast count: Int) -> [AccessLogEntry] {
        for _ in 0..<1000 {
            let entries = recorder.accessLog.withLock { $0 }
            if entries.count >= count { return entries }
            usleep(10_000)
        }
        return recorder.accessLog.withLock { $0 }
    }
}

/// Runs `body(index)` on `count` threads at once and waits for all of them.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}

/// Deterministic pseudo-random bytes.
func patternBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed &+ 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
    }
}
