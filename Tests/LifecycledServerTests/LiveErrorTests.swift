import Foundation
import LifecycleService
import Testing

/// Every error status of the service over a real socket: problem+json, and nothing changes.
@Suite struct LiveErrorTests {
    let live: LiveService
    init() throws { live = try LiveService(limits: ServiceLimits(maxSessions: 3), maxBody: 4096) }

    private func expectProblem(
        _ r: RawResponse, _ status: Int, _ type: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.status == status, sourceLocation: sourceLocation)
        #expect(r.header("Content-Type") == "application/problem+json", sourceLocation: sourceLocation)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:\(type)", sourceLocation: sourceLocation)
        #expect(r.json["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(!(r.json["detail"] as? String ?? "").isEmpty, sourceLocation: sourceLocation)
    }

    @Test func statusesOverTheWire() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"11.0"}"#)
        let actions = "/v1/sessions/\(id)/actions"
        expectProblem(try live.send("GET", "/nope"), 404, "not-found")
        expectProblem(try live.send("GET", "/v1/sessions/\(UUID().uuidString)"), 404, "session-not-found")
        let wrong = try live.send("PUT", actions, "{}")
        expectProblem(wrong, 405, "method-not-allowed")
        #expect(wrong.header("Allow") == "POST")
        expectProblem(try live.send("POST", actions, #"{"type":"launch""#), 400, "invalid-json")  // truncated
        expectProblem(try live.send("POST", actions, #"{"type":"launch",}"#), 400, "invalid-json")  // malformed
        expectProblem(try live.send("POST", actions, #"{"type":["launch"]}"#), 400, "invalid-field")  // wrong type
        let unknown = try live.send("POST", actions, #"{"type":"launch","when":"now"}"#)  // unknown field
        expectProblem(unknown, 400, "invalid-field")
        #expect(unknown.json["field"] as? String == "when")
        expectProblem(try live.send("POST", actions, #"{"type":"background"}"#), 409, "action-not-allowed")
        let tooBig = try live.send(
            "POST", actions, #"{"type":"openURL","url":"a:\#(String(repeating: "b", count: 5000))"}"#)
        expectProblem(tooBig, 413, "payload-too-large")
        // None of that touched the session.
        let session = try live.send("GET", "/v1/sessions/\(id)")
        #expect(session.json["callbackCount"] as? Int == 0)
        #expect((session.json["state"] as? [String: Any])?["app"] as? String == "notRunning")

        _ = try live.create(#"{"lifecycle":"app"}"#)
        _ = try live.create(#"{"lifecycle":"app"}"#)
        let full = try live.send("POST", "/v1/sessions", #"{"lifecycle":"app"}"#)
        expectProblem(full, 503, "session-limit-reached")
        #expect(full.header("Retry-After") == "1")
    }

    @Test func garbageOnTheSocketChangesNothingAndTheServerGoesOn() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"11.0"}"#)
        var generator = SystemRandomNumberGenerator()
        for i in 0..<30 {
            let c = try RawConnection(port: live.port, timeout: 2)
            let junk: [UInt8] =
                switch i % 3 {
                case 0:
                    (0..<Int.random(in: 1...2048, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    }
                // then close
                case 1: Array("POST /v1/sessions/\(id)/actions HTTP/1.1\r\nContent-Length: 40\r\n\r\n{\"type\":".utf8)
                // a TLS hello
                default: Array("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}".utf8)
                }
            try? c.send(junk)
            c.close()
        }
        #expect(try live.send("GET", "/healthz").status == 200)
        #expect(try live.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
        #expect(try live.send("POST", "/v1/sessions/\(id)/actions", #"{"type":"launch"}"#).status == 200)
    }
}
