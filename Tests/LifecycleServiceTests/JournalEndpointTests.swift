import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// `GET …/journal` (issue #13 item 4): every accepted action, replayable exactly.
@Suite struct JournalEndpointTests {
    let client = ServiceClient()

    func log(_ id: String) -> String {
        client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")]).text
    }

    func state(_ id: String) -> String {
        // The session summary minus its id.
        client.send("GET", "/v1/sessions/\(id)").text.replacingOccurrences(of: id, with: "ID")
    }

    @Test(arguments: [
        #"{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true,"backgroundModes":["fetch"]}"#,
        #"{"lifecycle":"scene","iosVersion":"17.0","device":"ipad","supportsMultipleScenes":true,"backgroundModes":["remote-notification","location"]}"#,
        #"{"iosVersion":"13.2","quirks":{"protectedDataDelay":3}}"#,
        #"{"ui":"swiftui","iosVersion":"17"}"#,
    ])
    func replayingTheJournalReproducesTheSession(_ config: String) throws {
        var generator = SystemRandomNumberGenerator()
        let id = client.create(config)
        var accepted = 0
        for _ in 0..<300 {
            let r = client.act(id, RandomServiceSequenceTests.randomAction(using: &generator).json)
            if r.status == 200 { accepted += 1 }
        }
        let journal = client.send("GET", "/v1/sessions/\(id)/journal")
        #expect(journal.status == 200)
        #expect(journal.contentType == "application/json")
        let actions = try #require(journal.json["actions"] as? [[String: Any]])
        #expect(actions.count == accepted)
        #expect(journal.json["complete"] as? Bool == true)
        // Replayed from the journal's own bytes: re-encoding through Foundation would
        // reorder payload members, which the callbacks echo.
        let parts = try #require(Self.split(journal.text))
        #expect(parts.actions.count == accepted)

        // One by one.
        let replay = client.create(parts.config)
        #expect(!replay.isEmpty)
        for action in parts.actions {
            #expect(client.act(replay, action).status == 200)
        }
        #expect(log(replay) == log(id))
        #expect(state(replay) == state(id))

        // As one batch.
        let batched = client.create(parts.config)
        if !parts.actions.isEmpty {
            #expect(client.act(batched, "[\(parts.actions.joined(separator: ","))]").status == 200)
        }
        #expect(log(batched) == log(id))
        #expect(state(batched) == state(id))
        // The replay's journal is the original's.
        #expect(client.send("GET", "/v1/sessions/\(batched)/journal").text == journal.text)
    }

    /// The journal's `config` text and each action's text, as the server wrote them.
    static func split(_ text: String) -> (config: String, actions: [String])? {
        guard let c = text.range(of: #"{"config":"#), let a = text.range(of: #","actions":["#),
            let end = text.range(of: #"],"complete":"#, options: .backwards)
        else { return nil }
        let config = String(text[c.upperBound..<a.lowerBound])
        var actions: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var current = ""
        for ch in text[a.upperBound..<end.lowerBound] {
            if depth == 0 && ch == "," { continue }
            current.append(ch)
            if inString {
                if escaped {
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == "\"" {
                    inString = false
                }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth == 0 {
                    actions.append(current)
                    current = ""
                }
            default: break
            }
        }
        return (config, actions)
    }

    @Test func aNewSessionHasAnEmptyJournalAndRefusalsAreLeftOut() {
        let id = client.create()
        let empty = client.send("GET", "/v1/sessions/\(id)/journal")
        let config = client.send("GET", "/v1/sessions/\(id)").text
        // The journal's config is the session's resolved config, byte for byte.
        let configText = config[
            config.range(of: #""config":"#)!.upperBound..<config.range(of: #","state":"#)!.lowerBound]
        #expect(empty.text == #"{"config":\#(configText),"actions":[],"complete":true}"#)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 409)
        #expect(client.act(id, #"{"type":"openURL","url":"myapp://a?b=1"}"#).status == 200)
        let actions = client.send("GET", "/v1/sessions/\(id)/journal").json["actions"] as? [[String: Any]]
        #expect(actions?.count == 2)
        #expect(actions?.last?["url"] as? String == "myapp://a?b=1")
    }

    @Test func aLargePayloadIsJournaledAndReplayedExactly() throws {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"11.0","notificationCenterDelegate":true}"#)
        let payload = #"{"aps":{"alert":"\#(String(repeating: "x", count: 2000))"},"z":1,"a":[1,2]}"#
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        #expect(client.act(id, #"{"type":"background"}"#).status == 200)
        #expect(client.act(id, #"{"type":"tapNotification","payload":\#(payload)}"#).status == 200)
        let journal = client.send("GET", "/v1/sessions/\(id)/journal").text
        #expect(journal.contains(#"{"type":"tapNotification","payload":\#(payload)}"#))
        let parts = try #require(Self.split(journal))
        let copy = client.create(parts.config)
        #expect(client.act(copy, "[\(parts.actions.joined(separator: ","))]").status == 200)
        #expect(log(copy) == log(id))
        #expect(client.send("GET", "/v1/sessions/\(copy)/journal").text == journal)
    }

    /// With --data-dir, a batch is journaled on disk too: a restart restores it.
    @Test func aBatchSurvivesARestartWithDataDir() throws {
        let dir = NSTemporaryDirectory() + "lifecycled-batch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let id = first.create()
        #expect(first.act(id, #"[{"type":"launch"},{"type":"background"},{"type":"launch"}]"#).status == 200)
        #expect(first.act(id, #"[{"type":"background"},{"type":"background"}]"#).status == 409)  // not journaled
        let second = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let (restored, problems) = second.service.restoreSessions()
        #expect(restored == 1 && problems.isEmpty, "\(problems)")
        #expect(
            second.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")]).text
                == first.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")]).text)
        #expect(
            second.send("GET", "/v1/sessions/\(id)/journal").text
                == first.send("GET", "/v1/sessions/\(id)/journal").text)
    }

    @Test func aFullJournalStopsAndSaysSo() {
        var journal = ActionJournal(byteCapacity: 64)
        for _ in 0..<10 { journal.record(.memoryWarning) }
        #expect(journal.count == 2)  // {"type":"memoryWarning"} is 24 bytes, with its comma 25
        #expect(!journal.isComplete)
        #expect(journal.bytes <= 64)
        #expect(
            String(decoding: journal.encodedActions, as: UTF8.self)
                == #"{"type":"memoryWarning"},{"type":"memoryWarning"}"#)
    }

    @Test func journalOfAMissingSessionIs404AndItTakesOnlyGET() {
        #expect(client.send("GET", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42/journal").status == 404)
        let r = client.send("POST", "/v1/sessions/\(client.create())/journal", "{}")
        #expect(r.status == 405)
        #expect(r.response.headerValue("Allow") == "GET, HEAD")
    }
}
