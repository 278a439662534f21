import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Bad input of every kind: a 400 that names the field, and nothing changes.
@Suite struct ValidationTests {
    let client = ServiceClient()

    @Test(arguments: [
        ("{", "invalid-json"), ("{\"type\":", "invalid-json"), ("[1,2", "invalid-json"), ("nul", "invalid-json"),
        ("{\"type\":\"launch\"} x", "invalid-json"), ("{'type':'launch'}", "invalid-json"),
        ("{\"type\":\"launch\",\"type\":\"background\"}", "invalid-json"), ("\u{1}", "invalid-json"),
        ("{\"type\":\"la\\x\"}", "invalid-json"), ("{\"a\":01}", "invalid-json"), ("{\"a\":1.}", "invalid-json"),
        (String(repeating: "[", count: 100_000), "invalid-json"), ("", "invalid-json"),
        ("[]", "invalid-field"), ("\"launch\"", "invalid-field"), ("null", "invalid-field"), ("42", "invalid-field"),
    ])
    func malformedActionBodies(_ body: String, _ kind: String) {
        let id = client.create()
        let r = client.act(id, body)
        #expect(r.status == 400)
        #expect(r.contentType == "application/problem+json")
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:\(kind)")
        #expect((r.json["detail"] as? String)?.contains("type") == true)  // says what to send
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
    }

    @Test func invalidUTF8IsRejected() {
        let id = client.create()
        let bytes: [UInt8] = Array(#"{"type":"openURL","url":"a:"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        let r = ServiceClient.Reply(
            response: client.service.handle(.init(method: "POST", path: "/v1/sessions/\(id)/actions", body: bytes)))
        #expect(r.status == 400)
        #expect((r.json["detail"] as? String)?.contains("UTF-8") == true)
    }

    @Test(arguments: [
        (#"{"type":"fly"}"#, "type"), (#"{"type":3}"#, "type"), (#"{}"#, "type"), (#"{"kind":"launch"}"#, "type"),
        (#"{"type":"launch","url":"x:y"}"#, "url"),
        (#"{"type":"openURL"}"#, "url"), (#"{"type":"openURL","url":5}"#, "url"),
        (#"{"type":"openURL","url":"nocolon"}"#, "url"),
        (#"{"type":"openURL","url":"https://example.com"}"#, "url"), (#"{"type":"openURL","url":"my app://x"}"#, "url"),
        (#"{"type":"openUniversalLink","url":"myapp://x"}"#, "url"), (#"{"type":"openUniversalLink"}"#, "url"),
        (#"{"type":"tapNotification"}"#, "payload"), (#"{"type":"tapNotification","payload":"hi"}"#, "payload"),
        (#"{"type":"terminate"}"#, "by"), (#"{"type":"terminate","by":"cat"}"#, "by"),
        (#"{"type":"terminate","by":null}"#, "by"),
        (#"{"type":"interruptionBegan"}"#, "kind"), (#"{"type":"interruptionEnded","outcome":"later"}"#, "outcome"),
        (#"{"type":"lock","when":1}"#, "when"), (#"{"type":"receiveNotification","payload":[]}"#, "payload"),
        (#"{"type":"quickAction"}"#, "shortcutType"), (#"{"type":"quickAction","shortcutType":""}"#, "shortcutType"),
        (#"{"type":"beginBackgroundTask","name":3}"#, "name"), (#"{"type":"endBackgroundTask"}"#, "id"),
        (#"{"type":"endBackgroundTask","id":1.5}"#, "id"), (#"{"type":"endBackgroundTask","id":0}"#, "id"),
        (#"{"type":"advanceTime","seconds":"5"}"#, "seconds"), (#"{"type":"advanceTime","seconds":1e9}"#, "seconds"),
        (#"{"type":"push","name":""}"#, "name"),
        (#"{"type":"push","name":"\#(String(repeating: "v", count: 101))"}"#, "name"),
        (#"{"type":"activateScene","sceneId":""}"#, "sceneId"), (#"{"type":"pop","sceneId":null}"#, "sceneId"),
    ])
    func badActionFieldsNameTheField(_ body: String, _ field: String) {
        let id = client.create()
        let r = client.act(id, body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:invalid-field")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
    }

    @Test func unknownActionTypeListsTheAllowedOnes() {
        let r = client.act(client.create(), #"{"type":"fly"}"#)
        #expect(r.json["allowed"] as? [String] == ActionKind.allCases.map(\.rawValue))
        #expect((r.json["allowed"] as? [String])?.contains("advanceTime") == true)
    }

    @Test(arguments: [
        (#"{"lifecycle":"app","iosVersion":"10.0"}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":"19.0"}"#, "iosVersion"),
        // "11" and "11.0.3" are accepted since contract v1.1 (normalised to "11.0"): see BackgroundWorkServiceTests.
        (#"{"lifecycle":"app","iosVersion":"11.0.3.1"}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":"11."}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":"10"}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":"11.0."}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":11.0}"#, "iosVersion"),
        (#"{"lifecycle":"app","iosVersion":" 11.0"}"#, "iosVersion"),
        (#"{"lifecycle":"web"}"#, "lifecycle"), (#"{"lifecycle":"scene","iosVersion":"12.0"}"#, "lifecycle"),
        (
            #"{"lifecycle":"scene","iosVersion":"17.0","quirks":{"warmHandlerPosition":"never"}}"#,
            "quirks.warmHandlerPosition"
        ),
        (#"{"lifecycle":"app","device":"watch"}"#, "device"),
        (#"{"lifecycle":"app","stateRestoration":"yes"}"#, "stateRestoration"),
        (#"{"lifecycle":"app","backgroundModes":"fetch"}"#, "backgroundModes"),
        (#"{"lifecycle":"app","backgroundModes":["voip"]}"#, "backgroundModes[0]"),
        (#"{"lifecycle":"app","supportsMultipleScenes":true}"#, "supportsMultipleScenes"),
        (#"{"lifecycle":"app","rootViewController":""}"#, "rootViewController"),
        (#"{"lifecycle":"app","rootViewController":7}"#, "rootViewController"),
        (#"{"lifecycle":"app","quirks":{"nope":true}}"#, "quirks.nope"),
        (#"{"lifecycle":"app","quirks":[]}"#, "quirks"),
        (#"{"lifecycle":"app","quirks":{"switcherKillSequence":"x"}}"#, "quirks.switcherKillSequence"),
        (#"{"lifecycle":"app","colour":"red"}"#, "colour"), (#"[]"#, "(body)"),
        (
            #"{"lifecycle":"app","quirks":{"didEnterBackgroundOnBackgroundLaunch":1}}"#,
            "quirks.didEnterBackgroundOnBackgroundLaunch"
        ),
        (#"{"lifecycle":"app","quirks":{"protectedDataDelay":"10"}}"#, "quirks.protectedDataDelay"),
        // Issue #38's quirks.
        (#"{"quirks":{"snapshotLayoutPass":"yes"}}"#, "quirks.snapshotLayoutPass"),
        (#"{"quirks":{"firstDisplayLayoutPasses":3}}"#, "quirks.firstDisplayLayoutPasses"),
        (#"{"quirks":{"firstDisplayLayoutPasses":1.5}}"#, "quirks.firstDisplayLayoutPasses"),
        (#"{"quirks":{"quickKillSecondScene":0}}"#, "quirks.quickKillSecondScene"),
        (#"{"quirks":{"rootDidAppearBeforeDidBecomeActive":null}}"#, "quirks.rootDidAppearBeforeDidBecomeActive"),
        (#"{"quirks":{"navigationWillAppearFirst":"true"}}"#, "quirks.navigationWillAppearFirst"),
        (
            #"{"observerOptions":{"composeMultiplatform":{"initialActive":"x"}},"observers":["composeMultiplatform"]}"#,
            "observerOptions.composeMultiplatform.initialActive"
        ),
    ])
    func badConfigsNameTheField(_ body: String, _ field: String) {
        let before = client.service.sessionCount
        let r = client.send("POST", "/v1/sessions", body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        #expect(client.service.sessionCount == before)
    }

    @Test func iosVersionErrorSaysWhatToSend() {
        let r = client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"10.3"}"#)
        #expect((r.json["detail"] as? String)?.contains("\"11.0\"") == true)
    }

    @Test(arguments: ["11.0", "12.4", "13.0", "13.2", "16.7", "18.6", "26.0", "26.1"])
    func supportedVersions(_ version: String) {
        #expect(client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"\#(version)"}"#).status == 201)
    }

    @Test(arguments: [("after", "-1"), ("after", "x"), ("limit", "0"), ("limit", "100000"), ("limit", "")])
    func badQueryArgumentsAre400(_ name: String, _ value: String) {
        let id = client.create()
        for path in ["/v1/sessions/\(id)/callbacks", "/v1/sessions"] {
            let r = client.send("GET", path, query: [(name, value)])
            #expect(r.status == 400, "\(path)?\(name)=\(value)")
            #expect(r.json["field"] as? String == name)
        }
    }
}
