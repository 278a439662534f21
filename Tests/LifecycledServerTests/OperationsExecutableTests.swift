// Issue #15 through the executable: the new flags and environment variables, request
// headers reaching the service through the bridge, and the SIGTERM drain window.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Executable: operations") struct OperationsExecutableTests {
    @Test func helpListsTheOperationsFlags() throws {
        let outcome = try LifecycledProcess.run(["--help"])
        for text in ["--cors-origin", "--drain-seconds", "LIFECYCLED_CORS_ORIGINS", "LIFECYCLED_DRAIN_SECONDS"] {
            #expect(outcome.stdout.contains(text), "\(text) missing from --help")
        }
    }

    @Test(
        "bad operations flags exit 2",
        arguments: [
            (["--drain-seconds", "soon"], [:], "--drain-seconds"),
            (["--drain-seconds=-1"], [:], "--drain-seconds"),
            (["--cors-origin="], [:], "--cors-origin: empty origin"),
            (["--cors-origin"], [:], "--cors-origin: missing value"),
            ([], ["LIFECYCLED_DRAIN_SECONDS": "later"], "LIFECYCLED_DRAIN_SECONDS"),
        ] as [([String], [String: String], String)])
    func badFlags(arguments: [String], environment: [String: String], message: String) throws {
        let outcome = try LifecycledProcess.run(arguments, environment: environment)
        #expect(outcome.exitStatus == 2)
        #expect(outcome.stderr.contains(message))
    }

    /// With `--quiet` the bridge hands the service only the headers it reads (looked up,
    /// names in any case); with the access log, every header: the answers are the same.
    @Test(arguments: [["--quiet"], []])
    func headersReachTheServiceThroughTheBridge(logging: [String]) throws {
        let server = try LifecycledProcess(
            ["--port", "0", "--cors-origin", "https://a.example", "--cors-origin", "https://b.example"] + logging)
        let port = try server.waitUntilListening()
        let r = try RawHTTP.exchange(
            port: port,
            RawHTTP.request(
                "GET", "/healthz",
                headers: [
                    ("Accept", "*/*"), ("x-request-id", "bridge-1"), ("ORIGIN", "https://b.example"),
                ]))
        #expect(r.status == 200)
        #expect(r.header("X-Request-Id") == "bridge-1")
        #expect(r.header("Access-Control-Allow-Origin") == "https://b.example")
        let pre = try RawHTTP.exchange(
            port: port,
            RawHTTP.request(
                "OPTIONS", "/v1/simulate",
                headers: [
                    ("Origin", "https://a.example"), ("Access-Control-Request-Method", "POST"),
                ]))
        #expect(pre.status == 204)
        #expect(pre.header("Access-Control-Allow-Methods") == "POST")
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }

    @Test func environmentTurnsOnCORS() throws {
        let server = try LifecycledProcess(
            ["--port", "0", "--quiet"],
            environment: ["LIFECYCLED_CORS_ORIGINS": "https://a.example, https://c.example"])
        let port = try server.waitUntilListening()
        let r = try RawHTTP.exchange(
            port: port, RawHTTP.request("GET", "/healthz", headers: [("Origin", "https://c.example")]))
        #expect(r.header("Access-Control-Allow-Origin") == "https://c.example")
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }

    @Test func sigtermDrainsWithReadyz503BeforeStopping() throws {
        let server = try LifecycledProcess(["--port", "0", "--quiet", "--drain-seconds", "1"])
        let port = try server.waitUntilListening()
        #expect(try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/readyz")).status == 200)
        server.send(SIGTERM)
        // Poll until the 503 (the signal is handled asynchronously); 80 polls bound the wait.
        var ready = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/readyz"))
        for _ in 0..<80 where ready.status == 200 {
            usleep(10_000)
            ready = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/readyz"))
        }
        #expect(ready.status == 503)
        #expect(ready.header("Retry-After") == "1")
        // Still serving during the drain: the 503 was seen before the exit.
        #expect(try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz")).status == 200)
        #expect(try server.finish().exitStatus == 0)
    }
}
