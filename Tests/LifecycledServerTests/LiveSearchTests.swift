// Issue #35 through the executable: a departed client's search stops (the CPU the server
// spends after the disconnect stays within milliseconds), searches beyond the pool and
// its queue get an immediate 503 with Retry-After, and cheap requests are answered
// meanwhile.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct LiveSearchTests {
    static let ipad = #"{"lifecycle":"scene","iosVersion":"17.0","device":"ipad","supportsMultipleScenes":true}"#
    /// Seconds of CPU in a debug build: the iPad's coverage at the largest bounds.
    static let longSearch = RawHTTP.request(
        "POST", "/v1/coverage", body: Array(#"{"config":\#(ipad),"bounds":{"scenes":1,"tasks":2,"depth":3}}"#.utf8))

    /// User and system CPU time of process `pid` so far, in clock ticks (/proc/PID/stat).
    static func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return -1 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    static func metric(_ port: UInt16, _ name: String) -> Int? {
        guard let text = try? RawHTTP.exchange(port: port, RawHTTP.request("GET", "/metrics")).text else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// Polls `/metrics` (every 20 ms, for at most 20 s) until `name` reads `value`.
    static func wait(_ port: UInt16, _ name: String, _ value: Int) -> Bool {
        for _ in 0..<1000 {
            if metric(port, name) == value { return true }
            usleep(20_000)
        }
        return false
    }

    /// Seconds to minutes of CPU in a debug build: a log naming 12 view controllers, with
    /// `maxActions` 256.
    static let longExplain = RawHTTP.request(
        "POST", "/v1/explain",
        body: Array(
            #"{"maxActions":256,"log":"\#((0..<12).map { "-[VC\($0) viewDidLoad]\\n-[VC\($0) viewWillAppear:]\\n-[VC\($0) viewDidAppear:]" }.joined(separator: "\\n"))"}"#
                .utf8))

    @Test(arguments: ["/v1/coverage", "/v1/explain"])
    func aDepartedClientsSearchStopsWithinMilliseconds(_ route: String) throws {
        let server = try LifecycledProcess(["--port", "0", "--search-deadline", "10m", "--search-steps", "1000000000"])
        server.drainStderr()
        let port = try server.waitUntilListening()
        let pid = server.process.processIdentifier
        if route == "/v1/explain" {
            // The first text log a process reads builds its catalog of methods once (not a
            // search step): read one first, so that what is measured is the search. That takes
            // a second of CPU in a debug build, and many while the other suites share the two
            // cores: wait for it as long as for the searches below.
            let warm = RawHTTP.request("POST", "/v1/explain", body: Array(#"{"log":"viewDidLoad"}"#.utf8))
            #expect(try RawHTTP.exchange(port: port, warm, timeout: 60).status == 200)
        }
        let client = try RawConnection(port: port)
        try client.send(route == "/v1/explain" ? Self.longExplain : Self.longSearch)
        #expect(Self.wait(port, "lifecycled_searches_running", 1))
        let before = Self.cpuTicks(pid)
        client.close()
        #expect(Self.wait(port, "lifecycled_searches_running", 0))
        let spent = Self.cpuTicks(pid) - before
        let tick = Int(sysconf(Int32(_SC_CLK_TCK)))
        // Within milliseconds: the search asks every 64 steps; the /metrics polls cost a little too.
        #expect(spent * 1000 / tick <= 50, "\(spent) ticks of CPU after the client left")
        #expect(Self.metric(port, "lifecycled_searches_cancelled_total") == 1)
        server.send(SIGTERM)
        let outcome = try server.finish()
        #expect(
            outcome.stderr.contains("search: POST \(route) stopped: its client closed the connection"),
            "\(outcome.stderr)")
    }

    @Test func searchesBeyondThePoolAreRefusedAtOnceAndCheapRequestsGoOn() throws {
        let server = try LifecycledProcess([
            "--port", "0", "--quiet", "--search-threads", "1", "--search-queue", "0", "--search-deadline", "10m",
        ])
        let port = try server.waitUntilListening()
        let id = try #require(
            try RawHTTP.exchange(port: port, RawHTTP.request("POST", "/v1/sessions", body: Array("{}".utf8))).json["id"]
                as? String)
        let searching = try RawConnection(port: port)
        try searching.send(Self.longSearch)
        #expect(Self.wait(port, "lifecycled_searches_running", 1))
        let refused = try RawHTTP.exchange(
            port: port, RawHTTP.request("POST", "/v1/paths", body: Array(#"{"to":{"app":"suspended"}}"#.utf8)))
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "1")
        #expect(refused.text.contains("urn:lifecycled:problem:searches-busy"))
        for request in [
            RawHTTP.request("GET", "/readyz"), RawHTTP.request("GET", "/healthz"),
            RawHTTP.request("POST", "/v1/sessions/\(id)/actions", body: Array(#"{"type":"launch"}"#.utf8)),
            RawHTTP.request("GET", "/v1/sessions/\(id)"),
        ] {
            #expect(try RawHTTP.exchange(port: port, request).status == 200)
        }
        #expect(Self.metric(port, "lifecycled_searches_running") == 1)
        #expect(Self.metric(port, "lifecycled_searches_refused_total") == 1)
        searching.close()
        #expect(Self.wait(port, "lifecycled_searches_running", 0))
        server.send(SIGTERM)
        #expect(try server.finish().exitStatus == 0)
    }
}
