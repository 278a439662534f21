import LifecycleModel
import Testing

@testable import LifecycleService

/// Every action kind's JSON: what the service writes, it reads back the same.
@Suite struct ActionJSONTests {
    private static func json(_ action: Action) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.write(action)
        return w.bytes
    }

    @Test(arguments: ActionKind.allCases)
    func encodedActionsDecodeToThemselves(_ kind: ActionKind) throws {
        var g = SystemRandomNumberGenerator()
        let actions = kind.examples.map(\.action) + (0..<20).map { _ in kind.random(using: &g, in: AppSnapshot()) }
        for action in actions {
            let bytes = Self.json(action)
            let decoded = try ActionDecoding.decode(JSONParser.parse(bytes))
            #expect(decoded == action, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Issue #9: an empty name is refused by beginBackgroundTask as by push, naming the field.
    @Test func emptyNamesAreRefusedByBothActions() {
        let client = ServiceClient()
        let id = client.create(#"{"lifecycle":"app"}"#)
        for body in [#"{"type":"beginBackgroundTask","name":""}"#, #"{"type":"push","name":""}"#] {
            let r = client.act(id, body)
            #expect(r.status == 400, "\(body)")
            #expect(r.json["field"] as? String == "name", "\(body)")
        }
    }

    /// Issue #9: `"actions":{}` is not missing; it is not an array.
    @Test func simulateActionsMustBeAnArray() {
        let r = ServiceClient().send("POST", "/v1/simulate", #"{"actions":{}}"#)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == "actions")
        #expect((r.json["detail"] as? String)?.hasPrefix("actions must be an array") == true)
    }
}
