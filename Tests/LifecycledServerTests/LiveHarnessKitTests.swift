import Foundation
import Testing

/// Issue #13 over real HTTP: batch, journal replay, reset, the served contract, query typos.
@Suite struct LiveHarnessKitTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    @Test func batchJournalAndReplay() throws {
        let id = try live.create(#"{"lifecycle":"scene","iosVersion":"17.0.1"}"#)
        let batch = try live.send(
            "POST", "/v1/sessions/\(id)/actions",
            #"[{"type":"launch"},{"type":"background"},{"type":"advanceTime","seconds":10}]"#)
        #expect(batch.status == 200)
        #expect((batch.json["steps"] as? [Any])?.count == 3)
        #expect((batch.json["state"] as? [String: Any])?["app"] as? String == "suspended")
        let log = try live.send("GET", "/v1/sessions/\(id)/callbacks").text
        let refused = try live.send("POST", "/v1/sessions/\(id)/actions", #"[{"type":"launch"},{"type":"launch"}]"#)
        #expect(refused.status == 409)
        #expect(refused.json["step"] as? Int == 1)
        #expect(try live.send("GET", "/v1/sessions/\(id)/callbacks").text == log)

        let journal = try live.send("GET", "/v1/sessions/\(id)/journal")
        #expect(journal.status == 200)
        #expect(journal.header("Content-Type") == "application/json")
        let text = journal.text
        let config = try #require(
            text.range(of: #"{"config":"#).flatMap { c in
                text.range(of: #","actions":"#).map { String(text[c.upperBound..<$0.lowerBound]) }
            })
        #expect(config.contains(#""iosVersion":"17.0""#))
        let actions = try #require(
            text.range(of: #","actions":"#).flatMap { a in
                text.range(of: #","complete":"#).map { String(text[a.upperBound..<$0.lowerBound]) }
            })
        let copy = try live.create(config)
        #expect(try live.send("POST", "/v1/sessions/\(copy)/actions", actions).status == 200)
        #expect(try live.send("GET", "/v1/sessions/\(copy)/callbacks").text == log)
    }

    @Test func resetContractAndQueryTypos() throws {
        let id = try live.create("{}")
        let yaml = try live.send("GET", "/openapi.yaml")
        #expect(yaml.status == 200)
        #expect(yaml.header("Content-Type") == "application/yaml")
        #expect(yaml.text.hasPrefix("openapi: 3.1.0\n"))
        let typo = try live.send("GET", "/v1/sessions/\(id)/callbacks?limt=5")
        #expect(typo.status == 400)
        #expect(typo.json["suggestion"] as? String == "limit")
        #expect(try live.send("DELETE", "/v1/sessions").status == 204)
        #expect(try live.send("GET", "/v1/sessions/\(id)").status == 404)
        #expect(live.service.sessionCount == 0)
    }
}
