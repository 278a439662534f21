// Issue #15 item 2 through the executable: `--log-format text|json` (and
// LIFECYCLED_LOG_FORMAT). Every access-log line carries the time, method, path with
// query, status, duration, session id and the request id of the response it
// belongs to; startup and shutdown lines come in the same format; dropped lines
// reach /metrics.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Executable: log format") struct LogFormatExecutableTests {
    /// What one request got back, to match against its log line.
    struct Exchange {
        var method: String
        /// Path and query, as sent.
        var target: String
        var status: Int
        var requestID: String
        /// The session the line must name, if any.
        var sessionID: String?
    }

    /// Requests of every kind: with and without a client `X-Request-Id` (one that
    /// needs escaping in JSON), with a query, creating a session (its id only in
    /// `Location`), acting on it, a problem from the service and one from the bridge.
    static func sendRequests(port: UInt16) throws -> [Exchange] {
        var exchanges: [Exchange] = []
        func send(
            _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil,
            session: String? = nil
        ) throws -> RawResponse {
            let response = try RawHTTP.exchange(
                port: port,
                RawHTTP.request(
                    method, target, headers: headers,
                    body: body.map { Array($0.utf8) }))
            let requestID = try #require(response.header("X-Request-Id"), "no X-Request-Id on \(method) \(target)")
            exchanges.append(
                Exchange(
                    method: method, target: target, status: response.status,
                    requestID: requestID, sessionID: session))
            return response
        }
        let probe = try send("GET", "/healthz", headers: [("X-Request-Id", "log-probe-1")])
        #expect(probe.header("X-Request-Id") == "log-probe-1")
        _ = try send("GET", "/healthz?probe=1&verbose")
        let created = try send("POST", "/v1/sessions", body: #"{"lifecycle":"app","iosVersion":"17.0"}"#)
        #expect(created.status == 201)
        let location = try #require(created.header("Location"))
        let id = String(location.dropFirst("/v1/sessions/".count))
        exchanges[exchanges.count - 1].sessionID = id
        _ = try send(
            "POST", "/v1/sessions/\(id)/actions", headers: [("X-Request-Id", #"quote"and\backslash"#)],
            body: #"{"type":"launch"}"#, session: id)
        _ = try send("GET", "/v1/sessions/\(id)/callbacks?since=2", session: id)
        let missing = try send(
            "GET", "/v1/sessions/00000000-0000-4000-8000-000000000000",
            session: "00000000-0000-4000-8000-000000000000")
        #expect(missing.status == 404)
        #expect(missing.text.contains(#""requestId":"\#(missing.header("X-Request-Id") ?? "")""#))
        // The bridge refuses this body before the service reads the request: it still gets an id.
        let tooLarge = try send(
            "POST", "/v1/simulate", headers: [("Content-Length", "5000")], body: String(repeating: " ", count: 5000))
        #expect(tooLarge.status == 413)
        return exchanges
    }

    @Test func everyJSONLineParsesAndCarriesTheResponsesRequestID() throws {
        let server = try LifecycledProcess(
            ["--port", "0", "--max-body", "1k"],
            environment: ["LIFECYCLED_LOG_FORMAT": "json"])
        let port = try server.waitUntilListening()
        let before = Date()
        let exchanges = try Self.sendRequests(port: port)
        server.send(SIGTERM)
        let outcome = try server.finish()
        let after = Date()
        #expect(outcome.exitStatus == 0)

        let lines = outcome.stderrLines
        var objects: [[String: Any]] = []
        for line in lines {
            let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let object = parsed as? [String: Any] else {
                Issue.record("not a JSON object: \(line)")
                continue
            }
            objects.append(object)
            // Every line: an RFC 3339 UTC time with milliseconds, within the run; a level; an event.
            let time = object["time"] as? String ?? ""
            #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "time \(time)")
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: time) {
                #expect(date >= before.addingTimeInterval(-5) && date <= after.addingTimeInterval(1), "\(time)")
            } else {
                Issue.record("unparsable time \(time)")
            }
            #expect(["info", "warn", "error"].contains(object["level"] as? String ?? ""), "\(line)")
            #expect(object["event"] is String, "\(line)")
        }
        #expect(objects.count == lines.count)

        // Startup first, shutdown last, both with a message.
        let start = try #require(objects.first)
        #expect(start["event"] as? String == "start")
        #expect(start["msg"] as? String == "listening on http://127.0.0.1:\(port)")
        #expect(start["logFormat"] as? String == "json")
        #expect(start["maxBody"] as? Int == 1024)
        #expect(objects.contains { $0["event"] as? String == "stopping" && $0["signal"] as? String == "SIGTERM" })
        let shutdown = try #require(objects.last)
        #expect(shutdown["event"] as? String == "shutdown")
        #expect(shutdown["requestsCut"] as? Int == 0)
        #expect(shutdown["sessions"] as? Int == 1)
        #expect(shutdown["logLinesDropped"] as? Int == 0)

        // One access line per response, found by its request id, with that request's fields.
        let requests = objects.filter { $0["event"] as? String == "request" }
        #expect(requests.count == exchanges.count)
        for exchange in exchanges {
            let matching = requests.filter { $0["requestId"] as? String == exchange.requestID }
            #expect(matching.count == 1, "\(matching.count) lines for request id \(exchange.requestID)")
            guard let line = matching.first else { continue }
            #expect(line["method"] as? String == exchange.method)
            #expect(line["path"] as? String == exchange.target)
            #expect(line["status"] as? Int == exchange.status)
            #expect(line["sessionId"] as? String == exchange.sessionID, "\(exchange.target)")
            let duration = line["durationMs"] as? Double ?? -1
            #expect(duration >= 0 && duration < 10_000)
        }
    }

    @Test func textLinesHaveTheSameFields() throws {
        // The flag overrides the environment.
        let server = try LifecycledProcess(
            ["--port", "0", "--max-body", "1k", "--log-format", "text"],
            environment: ["LIFECYCLED_LOG_FORMAT": "json"])
        let port = try server.waitUntilListening()
        let exchanges = try Self.sendRequests(port: port)
        server.send(SIGINT)
        let outcome = try server.finish()
        #expect(outcome.exitStatus == 0)
        let lines = outcome.stderrLines.map(String.init)
        for line in lines {
            #expect(
                line.prefixMatch(of: #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO|WARN|ERROR) /#) != nil, "\(line)")
        }
        #expect(
            lines.first?.contains(" INFO start: listening on http://127.0.0.1:\(port) version=") == true,
            "\(lines.first ?? "")")
        #expect(lines.first?.contains(" maxBody=1024 ") == true)
        #expect(lines.contains { $0.contains(" INFO stopping: SIGINT: no longer accepting") })
        #expect(
            lines.last?.contains(" INFO shutdown: stopped: every request finished sessions=1 ") == true,
            "\(lines.last ?? "")")

        let access = #/\S+ (?:INFO|WARN) (\S+) (\S+) (\d{3}) \d+\.\d{3}ms(?: session=(\S+))? request=(\S+)/#
        let parsed = lines.compactMap { $0.wholeMatch(of: access) }
        #expect(parsed.count == exchanges.count)
        for exchange in exchanges {
            let matching = parsed.filter { String($0.output.5) == exchange.requestID }
            #expect(matching.count == 1, "\(matching.count) lines for request id \(exchange.requestID)")
            guard let line = matching.first?.output else { continue }
            #expect(String(line.1) == exchange.method)
            #expect(String(line.2) == exchange.target)
            #expect(Int(line.3) == exchange.status)
            #expect(line.4.map(String.init) == exchange.sessionID, "\(exchange.target)")
        }
    }

    @Test func droppedLinesAreCountedInTheMetrics() throws {
        // Nobody reads standard error: the pipe (64 KiB) and the buffer (256 KiB)
        // fill with these ~1 KiB lines after some 330 requests; 1,500 are more.
        let server = try LifecycledProcess(["--port", "0", "--log-format", "json"])
        let port = try server.waitUntilListening()
        let connection = try RawConnection(port: port, timeout: 5)
        let target = "/healthz?" + String(repeating: "q", count: 1000)
        for _ in 0..<1_500 {
            try connection.send(RawHTTP.request("GET", target))
            _ = try connection.readResponse()
        }
        try connection.send(RawHTTP.request("GET", "/metrics"))
        let metrics = try connection.readResponse().text
        let sample = metrics.split(separator: "\n").first { $0.hasPrefix("lifecycled_log_lines_dropped_total ") }
        let counted = Int(sample?.split(separator: " ").last ?? "") ?? -1
        #expect(counted > 0, "\(sample ?? "no sample")")
        connection.close()
        server.drainStderr()
        usleep(300_000)
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)
        #expect(outcome.exitStatus == 0)
        let objects = outcome.stderrLines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == outcome.stderrLines.count, "every line is JSON, the drop reports too")
        let total = try #require(
            objects.last { $0["event"] as? String == "log.dropped" && $0["total"] as? Bool == true })
        let dropped = total["linesDropped"] as? Int ?? -1
        // The /metrics request's own line may have been dropped after the scrape.
        #expect(dropped == counted || dropped == counted + 1, "\(dropped) dropped in all, \(counted) in /metrics")
        let logged = objects.filter { $0["event"] as? String == "request" }.count
        #expect(logged + dropped == 1_501, "\(logged) logged + \(dropped) dropped")
    }

    @Test func quietKeepsWarningsInTheChosenFormat() throws {
        let server = try LifecycledProcess(["--port", "0", "--quiet", "--log-format", "json", "--grace", "0.5"])
        let port = try server.waitUntilListening()
        _ = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/healthz"))
        let stuck = try RawConnection(port: port, timeout: 5)
        try stuck.send(RawHTTP.request("POST", "/v1/sessions", headers: [("Content-Length", "100")]) + [0x7B])
        usleep(200_000)
        server.send(SIGTERM)
        let outcome = try server.finish(timeout: 10)
        #expect(outcome.exitStatus == 0)
        // No access log, no start or stopping line: warnings only (libmicrohttpd may
        // report the cut connection), the shutdown one last.
        let objects = try outcome.stderrLines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.allSatisfy { $0["level"] as? String == "warn" }, "\(outcome.stderrLines)")
        let object = try #require(objects.last)
        #expect(object["level"] as? String == "warn")
        #expect(object["event"] as? String == "shutdown")
        #expect(object["msg"] as? String == "grace 0.5s over, 1 requests cut")
        #expect(object["requestsCut"] as? Int == 1)
    }

    @Test(
        "a bad log format is a usage error",
        arguments: [
            (["--log-format", "xml"], [:], #"--log-format: "xml" is not a log format (send text or json)"#),
            (["--log-format"], [:], "--log-format: missing value"),
            ([], ["LIFECYCLED_LOG_FORMAT": "JSON"], "LIFECYCLED_LOG_FORMAT"),
        ] as [([String], [String: String], String)])
    func badFormat(arguments: [String], environment: [String: String], message: String) throws {
        let outcome = try LifecycledProcess.run(arguments, environment: environment)
        #expect(outcome.exitStatus == 2)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.contains(message))
    }

    @Test func helpListsTheFlagAndItsVariable() throws {
        let outcome = try LifecycledProcess.run(["--help"])
        for text in ["--log-format FORMAT", "(default: text)", "LIFECYCLED_LOG_FORMAT"] {
            #expect(outcome.stdout.contains(text), "\(text) missing from --help")
        }
    }
}
