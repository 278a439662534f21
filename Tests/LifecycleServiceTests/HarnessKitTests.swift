import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Reset, `GET /openapi.yaml` and friendlier input (issue #13 items 6, 7, 8).
@Suite struct HarnessKitTests {
    let client = ServiceClient()

    // MARK: reset

    @Test func deleteOnTheCollectionForgetsEverySession() {
        let ids = (0..<5).map { _ in client.create() }
        #expect(client.service.sessionCount == 5)
        let deletedBefore = client.service.metrics.count(.sessionsDeleted)
        let r = client.send("DELETE", "/v1/sessions")
        #expect(r.status == 204)
        #expect(r.response.body.isEmpty)
        #expect(client.service.sessionCount == 0)
        #expect(client.service.metrics.count(.sessionsDeleted) == deletedBefore + 5)
        for id in ids { #expect(client.send("GET", "/v1/sessions/\(id)").status == 404) }
        #expect(client.send("GET", "/v1/sessions").json["sessions"] as? [Any] != nil)
        #expect((client.send("GET", "/v1/sessions").json["sessions"] as? [Any])?.isEmpty == true)
        #expect(client.send("DELETE", "/v1/sessions").status == 204)  // idempotent
        #expect(!client.create().isEmpty)  // and the store takes new ones
        #expect(client.service.sessionCount == 1)
        #expect(client.send("PATCH", "/v1/sessions").response.headerValue("Allow") == "GET, HEAD, POST, DELETE")
    }

    // MARK: GET /openapi.yaml

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bytes served are the repository's openapi.yaml (embedded by Package.swift's
    /// `.embedInCode` through the link Sources/LifecycleService/Contract/openapi.yaml).
    @Test func servesTheRepositorysContract() throws {
        let onDisk = try [UInt8](Data(contentsOf: Self.repository.appendingPathComponent("openapi.yaml")))
        let r = client.send("GET", "/openapi.yaml")
        #expect(r.status == 200)
        #expect(r.contentType == "application/yaml")
        #expect(r.response.body == onDisk, "GET /openapi.yaml is not the repository's openapi.yaml")
        #expect(r.text.hasPrefix("openapi: 3.1.0\n"))
        #expect(r.text.contains("\n  /openapi.yaml:\n"))  // it describes itself
        #expect(client.send("POST", "/openapi.yaml").status == 405)
    }

    // MARK: iosVersion forms

    @Test(arguments: [
        ("17", "17.0"), ("17.0.1", "17.0"), ("13.2.3", "13.2"), ("11", "11.0"), ("26", "26.0"), ("15.4", "15.4"),
    ])
    func iosVersionFormsAreNormalised(_ sent: String, _ echoed: String) {
        let r = client.send("POST", "/v1/sessions", #"{"iosVersion":"\#(sent)"}"#)
        #expect(r.status == 201, "\(r.text)")
        #expect((r.json["config"] as? [String: Any])?["iosVersion"] as? String == echoed)
        let id = r.json["id"] as? String ?? ""
        // the same config
        #expect(client.send("PUT", "/v1/sessions/\(id)", #"{"iosVersion":"\#(echoed)"}"#).status == 200)
    }

    // MARK: did you mean

    @Test(arguments: [
        ("POST", "/v1/sessions", #"{"lifcycle":"app"}"#, "lifcycle", "lifecycle"),
        ("POST", "/v1/sessions", #"{"iosversion":"17.0"}"#, "iosversion", "iosVersion"),
        ("POST", "/v1/sessions", #"{"lifecycle":"scen"}"#, "lifecycle", "scene"),
        ("POST", "/v1/sessions", #"{"device":"iphon"}"#, "device", "iphone"),
        ("POST", "/v1/sessions", #"{"backgroundModes":["fech"]}"#, "backgroundModes[0]", "fetch"),
        (
            "POST", "/v1/sessions", #"{"quirks":{"orientationQueris":true}}"#, "quirks.orientationQueris",
            "orientationQueries"
        ),
        ("POST", "/v1/simulate", #"{"action":[]}"#, "action", "actions"),
        ("POST", "/v1/simulate", #"{"actions":[{"type":"lanch"}]}"#, "actions[0].type", "launch"),
        ("POST", "/v1/simulate", #"{"actions":[{"type":"back"}]}"#, "actions[0].type", "background"),
        ("POST", "/v1/simulate", #"{"actions":[{"type":"terminate","by":"usr"}]}"#, "actions[0].by", "user"),
        ("POST", "/v1/simulate", #"{"actions":[{"type":"openURL","ulr":"a:b"}]}"#, "actions[0].ulr", "url"),
    ])
    func typosGetADidYouMean(_ method: String, _ path: String, _ body: String, _ field: String, _ suggestion: String) {
        let r = client.send(method, path, body)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == field, "\(r.text)")
        #expect(r.json["suggestion"] as? String == suggestion, "\(r.text)")
        #expect((r.json["detail"] as? String)?.hasSuffix("did you mean \(suggestion)?") == true, "\(r.text)")
    }

    /// The words people try for an action type point to the real one, with one line of why.
    @Test(arguments: [
        ("goHome", "background", "going Home"), ("home", "background", "going Home"),
        ("foreground", "launch", "tapping the icon"), ("resume", "launch", "interruptionEnded with outcome resume"),
        ("KILL", "terminate", "by user"), ("deepLink", "openURL", "openUniversalLink"),
        ("pushNotification", "receiveNotification", "tapNotification"), ("darkMode", "setAppearance", "dark"),
    ])
    func wordsPeopleTryPointToTheRealAction(_ word: String, _ type: String, _ why: String) {
        let r = client.send("POST", "/v1/simulate", #"{"actions":[{"type":"\#(word)"}]}"#)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == "actions[0].type", "\(r.text)")
        #expect(r.json["suggestion"] as? String == type, "\(r.text)")
        let detail = r.json["detail"] as? String ?? ""
        #expect(detail.contains("did you mean \(type)? ("), "\(r.text)")
        #expect(detail.contains(why), "\(r.text)")
    }

    @Test func theGuessTablePointsToRealActionsAndShadowsNone() {
        let types = Set(ActionKind.allCases.map { $0.rawValue.lowercased() })
        #expect(ActionTypeGuesses.table.count >= 40)
        for (word, guess) in ActionTypeGuesses.table {
            #expect(!types.contains(word), "\(word) is an action type")
            #expect(!guess.why.isEmpty)
        }
        // A typo still gets the typo's suggestion.
        #expect(ActionTypeGuesses.guess("lanch") == nil)
    }

    @Test(arguments: [#"{"colour":"red"}"#, #"{"device":"tv"}"#, #"{"x":1}"#, #"{"lifecycle":"banana"}"#])
    func farOffNamesGetNoSuggestion(_ body: String) {
        let r = client.send("POST", "/v1/sessions", body)
        #expect(r.status == 400)
        #expect(r.json["suggestion"] == nil, "\(r.text)")
    }

    @Test func suggestionRules() {
        #expect(Suggestion.closest(to: "lifcycle", among: ConfigDecoding.fields) == "lifecycle")
        #expect(Suggestion.closest(to: "LIFECYCLE", among: ConfigDecoding.fields) == "lifecycle")
        #expect(Suggestion.closest(to: "rootView", among: ConfigDecoding.fields) == "rootViewController")  // prefix
        #expect(Suggestion.closest(to: "a", among: ["ab", "b"]) == nil)  // shorter than its distance
        #expect(Suggestion.closest(to: "open", among: ActionKind.allCases.map(\.rawValue)) == nil)  // prefix of several
        #expect(Suggestion.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 5) == 3)
        #expect(Suggestion.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 2) == 3)
    }

    // MARK: unknown query arguments

    @Test(arguments: [
        ("GET", "/healthz", "x", [String]()), ("GET", "/v1/sessions", "limt", ["after", "limit"]),
        ("POST", "/v1/sessions", "limit", []), ("GET", "/metrics", "debug", []),
        ("POST", "/v1/simulate", "fromat", ["format"]), ("GET", "/openapi.yaml", "v", []),
        ("DELETE", "/v1/sessions", "all", []),
    ])
    func unknownQueryArgumentsAre400s(_ method: String, _ path: String, _ name: String, _ allowed: [String]) {
        let before = client.service.sessionCount
        let r = client.send(method, path, method == "POST" ? "{}" : nil, query: [(name, "1")])
        #expect(r.status == 400, "\(r.text)")
        #expect(r.json["field"] as? String == name)
        #expect((r.json["allowed"] as? [String] ?? []) == allowed)
        #expect((r.json["detail"] as? String)?.contains("unknown query argument \"\(name)\"") == true)
        #expect(client.service.sessionCount == before)
    }

    @Test func aQueryTypoOnAnActionChangesNothing() {
        let id = client.create()
        let r = client.send("POST", "/v1/sessions/\(id)/actions", #"{"type":"launch"}"#, query: [("dryRun", "1")])
        #expect(r.status == 400)
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
        let cb = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limt", "5")])
        #expect(cb.json["suggestion"] as? String == "limit")
        #expect(
            client.send(
                "GET", "/v1/sessions/\(id)/callbacks", query: [("after", "0"), ("limit", "5"), ("format", "text")]
            ).status == 200)
        #expect(
            client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("format", "mermiad")]).json["suggestion"]
                as? String == "mermaid")
    }

    // MARK: step numbering

    @Test func simulateCountsStepsFromZeroInFieldAndMessage() {
        let bad = client.send(
            "POST", "/v1/simulate", #"{"actions":[{"type":"launch"},{"type":"background"},{"type":"openURL"}]}"#)
        #expect(bad.json["step"] as? Int == 2)
        #expect(bad.json["field"] as? String == "actions[2].url")
        #expect((bad.json["detail"] as? String)?.hasPrefix("step 2: actions[2].url is required") == true, "\(bad.text)")
        let refused = client.send(
            "POST", "/v1/simulate", #"{"actions":[{"type":"launch"},{"type":"background"},{"type":"unlock"}]}"#)
        #expect(refused.status == 409)
        #expect(refused.json["step"] as? Int == 2)
        #expect((refused.json["detail"] as? String)?.hasPrefix("step 2: unlock") == true, "\(refused.text)")
    }
}
