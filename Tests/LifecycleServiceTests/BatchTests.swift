import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// `POST …/actions` with an array (issue #13 item 3): in order, all or nothing.
@Suite struct BatchTests {
    let client = ServiceClient()

    /// What a client can observe of a session: its summary, whole log and journal.
    func snapshot(_ id: String) -> [String] {
        [
            client.send("GET", "/v1/sessions/\(id)").text,
            client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")]).text,
            client.send("GET", "/v1/sessions/\(id)/journal").text,
        ]
    }

    @Test func aBatchEqualsItsActionsOneByOne() throws {
        let actions = [
            #"{"type":"launch"}"#, #"{"type":"background"}"#, #"{"type":"advanceTime","seconds":10}"#,
            #"{"type":"openURL","url":"myapp://x"}"#,
        ]
        let single = client.create()
        let results = actions.map { client.act(single, $0) }
        #expect(results.allSatisfy { $0.status == 200 })
        let batched = client.create()
        let r = client.act(batched, "[\(actions.joined(separator: ","))]")
        #expect(r.status == 200, "\(r.text)")
        let steps = try #require(r.json["steps"] as? [[String: Any]])
        #expect(steps.count == actions.count)
        for (step, one) in zip(steps, results) {
            #expect(Self.canonical(step) == Self.canonical(one.json))
        }
        #expect(Self.canonical(r.json["state"]) == Self.canonical(results.last?.json["state"]))
        // Same log, same journal, same state: only the ids differ.
        #expect(
            snapshot(batched).map { $0.replacingOccurrences(of: batched, with: "ID") }
                == snapshot(single).map { $0.replacingOccurrences(of: single, with: "ID") })
    }

    static func canonical(_ value: Any?) -> String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: .sortedKeys) else {
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aRefusedStepChangesNothing() throws {
        let id = client.create()
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let before = snapshot(id)
        let r = client.act(id, #"[{"type":"background"},{"type":"launch"},{"type":"launch"},{"type":"lock"}]"#)
        #expect(r.status == 409)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:action-not-allowed")
        #expect(r.json["step"] as? Int == 2)
        #expect(
            (r.json["detail"] as? String)?.hasPrefix("step 2: launch is not possible while the app is active") == true)
        #expect(r.json["state"] as? String == "active")  // the state the step met, not the session's
        #expect((r.json["allowedActions"] as? [String])?.contains("background") == true)
        #expect(snapshot(id) == before)
        // The seq counter did not move either: the next action numbers on from before.
        let count = client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int ?? -1
        let next = client.act(id, #"{"type":"background"}"#)
        #expect((next.json["callbacks"] as? [[String: Any]])?.first?["seq"] as? Int == count + 1)
    }

    @Test(arguments: [
        (#"[{"type":"background"},{"type":"openURL"}]"#, "actions[1].url", 1),
        (#"[{"type":"lanch"}]"#, "actions[0].type", 0),
        (#"[{"type":"background"},3]"#, "actions[1]", 1),
        (#"[{"type":"background","x":1}]"#, "actions[0].x", 0),
    ])
    func aBadStepIsA400NamingIt(_ body: String, _ field: String, _ step: Int) {
        let id = client.create()
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let before = snapshot(id)
        let r = client.act(id, body)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == field, "\(r.text)")
        #expect(r.json["step"] as? Int == step)
        #expect((r.json["detail"] as? String)?.hasPrefix("step \(step): ") == true)
        #expect(snapshot(id) == before)
    }

    @Test func emptyAndOverlongBatchesAre400s() {
        let id = client.create()
        let empty = client.act(id, "[]")
        #expect(empty.status == 400)
        #expect(empty.json["field"] as? String == "(body)")
        let many = Array(repeating: #"{"type":"memoryWarning"}"#, count: Service.maxBatchActions + 1).joined(
            separator: ",")
        let tooMany = client.act(id, "[\(many)]")
        #expect(tooMany.status == 400)
        #expect((tooMany.json["detail"] as? String)?.contains("at most 1000") == true)
        let most = Array(repeating: #"{"type":"memoryWarning"}"#, count: Service.maxBatchActions).joined(separator: ",")
        #expect(client.act(id, "[\(most)]").status == 200)
        // not running: no callbacks
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
    }

    @Test func aBatchOnAMissingSessionIs404() {
        let r = client.act("6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42", #"[{"type":"launch"}]"#)
        #expect(r.status == 404)
    }

    @Test func metricsCountOnlyCommittedActions() {
        let id = client.create()
        let metrics = client.service.metrics
        let launched = metrics.actionCount(.launch, .applied)
        #expect(client.act(id, #"[{"type":"launch"},{"type":"launch"}]"#).status == 409)
        #expect(metrics.actionCount(.launch, .applied) == launched)
        #expect(metrics.actionCount(.launch, .refused) == 1)
        #expect(client.act(id, #"[{"type":"launch"},{"type":"background"}]"#).status == 200)
        #expect(metrics.actionCount(.launch, .applied) == launched + 1)
    }
}
