// Issue #9 items 4 and 8 through the real executable: a standard error nobody
// reads never stalls the server, and SIGTERM enforces the grace period.
import Dispatch
import Foundation
import ServiceHTTP
import Testing

@Suite("Executable robustness") struct ExecutableRobustnessTests {
    @Test func anUnreadStderrPipeNeverStallsTheServer() throws {
        // Nobody reads standard error for a while: the pipe holds 64 KiB and the
        // log's buffer 256 KiB, about 13,000 access-log lines; 20,000 requests are more.
        let server = try LifecycledProcess(["--port", "0"])
        let port = try server.waitUntilListening()
        let connection = try RawConnection(port: port, timeout: 5)
        // No query padding: an unknown query argument is a 400 since issue #13, and the
        // access log writes the path without its query anyway.
        let path = "/healthz"
        for index in 0..<20_000 {
            try connection.send(RawHTTP.request("GET", path))
            let response = try connection.readResponse()
            guard response.status == 200 else {
                Issue.record("request \(index): \(response.status)")
                break
            }
        }
        server.drainStderr()  // the sink recovers
        usleep(300_000)
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)
        #expect(outcome.exitStatus == 0)
        // The lines that did not fit were counted and reported, once the sink took data again and at exit.
        let reports = outcome.stderrLines.filter { $0.contains("lines dropped") }
        #expect(!reports.isEmpty, "no drop report in \(outcome.stderrLines.suffix(3))")
        let total = try #require(outcome.stderrLines.last { $0.contains("lines dropped in all") })
        let count = Int(total.split(separator: " ").first { Int($0) != nil } ?? "") ?? 0
        let logged = outcome.stderrLines.filter { $0.contains(" GET \(path) 200 ") }.count
        #expect(count > 0)
        #expect(logged + count == 20_000, "\(logged) logged + \(count) dropped")
    }

    /// Out of file descriptors (`ulimit -n 64`, below what --max-connections asks), the
    /// server keeps the clients it cannot accept waiting in the backlog, says so once,
    /// and serves them when descriptors free up. The accepting loop handles EMFILE.
    @Test func clientsWaitWhileTheServerIsOutOfDescriptors() throws {
        let server = try LifecycledProcess(
            ["-c", "ulimit -n 64 && exec \"$0\" --port 0 --quiet", LifecycledBinary.path], executable: "/bin/sh")
        let port = try server.waitUntilListening()
        var connections: [RawConnection] = []
        for _ in 0..<80 { connections.append(try RawConnection(port: port, timeout: 5)) }
        for connection in connections { try connection.send(RawHTTP.request("GET", "/healthz")) }
        // About 50 are served (64 descriptors, less the server's own); the rest wait.
        var served = 0
        for connection in connections.prefix(40) where (try? connection.readResponse().status) == 200 { served += 1 }
        #expect(served == 40)
        connections.removeFirst(40)  // frees their descriptors
        for (index, connection) in connections.enumerated() {
            #expect((try? connection.readResponse().status) == 200, "waiting client \(index)")
        }
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)
        #expect(outcome.exitStatus == 0)
        let warnings = outcome.stderrLines.filter { $0.contains("cannot accept a connection (Too many open files)") }
        #expect(warnings.count >= 1, "\(outcome.stderrLines.suffix(3))")
    }

    @Test func sigtermWithAStuckStderrStillExits() throws {
        let server = try LifecycledProcess(["--port", "0"])
        let port = try server.waitUntilListening()
        let connection = try RawConnection(port: port, timeout: 5)
        for _ in 0..<4_000 {
            try connection.send(RawHTTP.request("GET", "/healthz"))
            _ = try connection.readResponse()
        }
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)  // the bound: a stuck exit fails here
        #expect(outcome.exitStatus == 0)
    }

    @Test func graceIsEnforcedAndTheCutIsReported() throws {
        let server = try LifecycledProcess(["--port", "0", "--grace", "1", "--quiet"])
        let port = try server.waitUntilListening()
        // A request in flight that will not finish: its body never comes.
        let stuck = try RawConnection(port: port, timeout: 5)
        try stuck.send(RawHTTP.request("POST", "/v1/sessions", headers: [("Content-Length", "100")]) + [0x7B])
        usleep(200_000)
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)
        #expect(outcome.exitStatus == 0)
        #expect(
            outcome.stderrLines.last?.contains("WARN shutdown: grace 1s over, 1 requests cut") == true,
            "\(outcome.stderrLines.last ?? "")")
        #expect(stuck.isClosedByPeer())
    }

    @Test func newConnectionFlagsAreInTheHelp() throws {
        let outcome = try LifecycledProcess.run(["--help"])
        for text in [
            "--max-connections N", "(default: 4000)", "--max-connections-per-ip N", "(default: 2000)",
            "--request-timeout TIME", "(default: 10)", "--grace TIME", "(default: 5)",
        ] {
            #expect(outcome.stdout.contains(text), "\(text) missing from --help")
        }
        let bad = try LifecycledProcess.run(["--request-timeout", "0"])
        #expect(bad.exitStatus == 2)
        #expect(bad.stderr.contains("--request-timeout"))
    }
}
