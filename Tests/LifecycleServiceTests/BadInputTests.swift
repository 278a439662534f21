import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// The bad-input checks of issues #20-#22 (observers and observerOptions, explain's
/// fields, runBackgroundTask's identifier), wherever a request reads the field: each a
/// 400 problem+json naming it, after which nothing has changed.
@Suite struct BadInputTests {
    let client = ServiceClient()

    static let tasks =
        #"{"iosVersion":"17.0","backgroundModes":["fetch"],"backgroundTasks":[{"identifier":"com.example.refresh","kind":"appRefresh"}]}"#

    /// The observer fields the other cases do not cover, at session creation.
    @Test(arguments: [
        (#"{"observers":null}"#, "observers"),
        (#"{"observerOptions":{"flutter":[]}}"#, "observerOptions.flutter"),
        (#"{"observerOptions":{"flutter":{"hostController":7}}}"#, "observerOptions.flutter.hostController"),
        (
            #"{"observerOptions":{"flutter":{"hostController":"\#(String(repeating: "v", count: SessionConfig.maxNameLength + 1))"}}}"#,
            "observerOptions.flutter.hostController"
        ),
        (#"{"observerOptions":{"composeMultiplatform":"on"}}"#, "observerOptions.composeMultiplatform"),
        (#"{"observerOptions":{"composeMultiplatform":{"x":1}}}"#, "observerOptions.composeMultiplatform.x"),
        (
            #"{"observerOptions":{"composeMultiplatform":{"hostController":""}}}"#,
            "observerOptions.composeMultiplatform.hostController"
        ),
    ])
    func observerFieldsOfANewSession(_ body: String, _ field: String) {
        client.expectBadInput("POST", "/v1/sessions", body, field: field)
    }

    /// Every request that reads a config reads its observer fields, with the path to them.
    @Test func observerFieldsWhereverAConfigIsRead() {
        let bad = #"{"iosVersion":"17.0","observers":["flutter","fluter"]}"#
        let bounds = #""bounds":{"scenes":1,"tasks":0,"depth":0}"#
        let cases: [(String, String, String, String)] = [
            ("PUT", "/v1/sessions/\(UUID().uuidString.lowercased())", bad, "observers[1]"),
            ("POST", "/v1/simulate", #"{"session":\#(bad),"actions":[{"type":"launch"}]}"#, "session.observers[1]"),
            ("POST", "/v1/paths", #"{"config":\#(bad),"to":{"app":"background"}}"#, "config.observers[1]"),
            ("POST", "/v1/coverage", #"{"config":\#(bad),\#(bounds)}"#, "config.observers[1]"),
            (
                "POST", "/v1/diff", #"{"configs":[{"iosVersion":"17.0"},\#(bad)],"actions":[{"type":"launch"}]}"#,
                "configs[1].observers[1]"
            ),
            ("POST", "/v1/explain", #"{"config":\#(bad),"log":"viewDidLoad()"}"#, "config.observers[1]"),
        ]
        for (method, path, body, field) in cases {
            let r = client.expectBadInput(method, path, body, field: field)
            #expect(r.json["suggestion"] as? String == "flutter", "\(path): \(r.text)")
        }
    }

    /// A PUT of an existing session's id with a bad observer config leaves that session as it was.
    @Test func aBadObserverConfigDoesNotTouchAnExistingSession() throws {
        let id = UUID().uuidString.lowercased()
        let created = client.send("PUT", "/v1/sessions/\(id)", #"{"iosVersion":"17.0","observers":["flutter"]}"#)
        #expect(created.status == 201, "\(created.text)")
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        client.expectBadInput(
            "PUT", "/v1/sessions/\(id)", #"{"iosVersion":"17.0","observers":["flutter","flutter"]}"#,
            field: "observers[1]", session: id)
        client.expectBadInput(
            "PUT", "/v1/sessions/\(id)", #"{"iosVersion":"17.0","observerOptions":{"flutter":{"framework":"2"}}}"#,
            field: "observerOptions.flutter.framework", session: id)
    }

    /// Explain's own fields the other cases do not cover: an entry that is not an
    /// object, an empty method, a receiver that is not a string, too many entries.
    @Test func explainFields() {
        let many = Array(repeating: "viewDidLoad()", count: ExplainLog.maxEntries + 1)
        let manyCallbacks = many.map { #"{"method":"\#($0)"}"# }.joined(separator: ",")
        let cases: [(String, String)] = [
            (#"{"callbacks":["viewDidLoad()"]}"#, "callbacks[0]"),
            (#"{"callbacks":[{"method":""}]}"#, "callbacks[0].method"),
            (#"{"callbacks":[{"method":"viewDidLoad()","receiver":5}]}"#, "callbacks[0].receiver"),
            (#"{"callbacks":[\#(manyCallbacks)]}"#, "callbacks"),
            (#"{"log":"\#(many.joined(separator: "\\n"))"}"#, "log"),
        ]
        for (body, field) in cases {
            client.expectBadInput("POST", "/v1/explain", body, field: field)
        }
    }

    /// An identifier the config does not register is a 400 in every list of actions
    /// the config rules (issue #22), explain's `from` too; a malformed one likewise.
    @Test func runBackgroundTaskIdentifier() throws {
        let id = client.create(Self.tasks)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let long = String(repeating: "x", count: ActionLimits.maxNameLength + 1)
        for (body, field) in [
            (#"{"type":"runBackgroundTask","identifier":"com.example.other"}"#, "identifier"),
            (#"{"type":"runBackgroundTask","identifier":7}"#, "identifier"),
            (#"{"type":"runBackgroundTask","identifier":"\#(long)"}"#, "identifier"),
            (#"[{"type":"background"},{"type":"runBackgroundTask","identifier":"nope"}]"#, "actions[1].identifier"),
        ] {
            client.expectBadInput("POST", "/v1/sessions/\(id)/actions", body, field: field, session: id)
        }
        let r = client.expectBadInput(
            "POST", "/v1/explain",
            #"{"config":\#(Self.tasks),"from":[{"type":"runBackgroundTask","identifier":"nope"}],"log":"viewDidLoad()"}"#,
            field: "from[0].identifier")
        #expect(r.json["allowed"] as? [String] == ["com.example.refresh"])
        #expect(r.json["step"] as? Int == 0)
    }
}
