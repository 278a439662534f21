import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Random action sequences through the service: seq contiguous, a 409 changes
/// nothing, and the log equals the responses' callbacks concatenated.
@Suite struct RandomServiceSequenceTests {
    /// A random action of any kind (`ActionKind.allCases`, each with its own random
    /// members), as the JSON a client sends.
    static func randomAction(using g: inout some RandomNumberGenerator) -> (action: Action, json: String) {
        let kind = ActionKind.allCases.randomElement(using: &g) ?? .launch
        let action = kind.random(using: &g, in: AppSnapshot())
        var w = JSONWriter()
        w.write(action)
        return (action, String(decoding: w.bytes, as: UTF8.self))
    }

    @Test(arguments: [
        #"{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true,"backgroundModes":["fetch"]}"#,
        #"{"lifecycle":"app","iosVersion":"17.0","notificationCenterDelegate":true,"backgroundModes":["remote-notification","location"]}"#,
        #"{"ui":"swiftui","iosVersion":"18.0","device":"ipad","supportsMultipleScenes":true,"backgroundModes":["fetch","remote-notification"]}"#,
    ])
    func contract(_ config: String) throws {
        let client = ServiceClient()
        var generator = SystemRandomNumberGenerator()
        // The model beside the service, to ask which variants the session's state accepts.
        let sim = Simulator(config: try ConfigDecoding.decode(try JSONParser.parse(Array(config.utf8)), path: ""))
        // Two sessions in `make test`, five in `make test-long` (LIFECYCLED_PROPERTY_RUNS=full).
        let sessions = ProcessInfo.processInfo.environment["LIFECYCLED_PROPERTY_RUNS"] == "full" ? 5 : 2
        for _ in 0..<sessions {
            let id = client.create(config)
            var concatenated: [String] = []
            var mirror = AppSnapshot()
            for _ in 0..<200 {
                let (sent, action) = Self.randomAction(using: &generator)
                let before = client.send("GET", "/v1/sessions/\(id)").text
                let r = client.act(id, action)
                switch r.status {
                case 200:
                    let callbacks = try #require(r.json["callbacks"] as? [[String: Any]])
                    let seqs = callbacks.compactMap { $0["seq"] as? Int }
                    #expect(seqs == Array((concatenated.count + 1)..<(concatenated.count + 1 + seqs.count)))
                    concatenated += callbacks.map(Self.text)
                    mirror = try sim.apply(sent, to: mirror).state
                case 409:
                    #expect(
                        client.send("GET", "/v1/sessions/\(id)").text == before, "409 on \(action) changed the session")
                    // The kind is offered only when another of its variants is accepted
                    // (terminate by the other cause, the running task's id, …).
                    let offered = (r.json["allowedActions"] as? [String])?.contains(sent.kind.rawValue) == true
                    let another = sim.variants(of: sent.kind, in: mirror).contains {
                        $0.action != sent && (try? sim.apply($0.action, to: mirror)) != nil
                    }
                    #expect(!offered || another, "\(action) refused, yet \(sent.kind) is offered")
                case 422:
                    // A moveTo whose search reached the request's budget (issue #35; a debug
                    // build may take seconds for one on an iPad): it changes nothing either.
                    #expect(r.json["type"] as? String == "urn:lifecycled:problem:search-stopped", "\(r.text)")
                    #expect(
                        client.send("GET", "/v1/sessions/\(id)").text == before, "422 on \(action) changed the session")
                default:
                    Issue.record("\(action): \(r.status) \(r.text)")
                }
            }
            let log = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")])
            #expect((log.json["callbacks"] as? [[String: Any]])?.map(Self.text) == concatenated)
            #expect(log.json["total"] as? Int == concatenated.count)
        }
    }

    private static func text(_ object: [String: Any]) -> String {
        (try? JSONSerialization.data(withJSONObject: object, options: .sortedKeys)).map {
            String(decoding: $0, as: UTF8.self)
        } ?? ""
    }
}
