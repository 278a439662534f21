import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Rotation, Dark Mode, tabs and children through the service: the JSON members,
/// the state they add, and bad input (a 400 naming the field, or a 409 saying what
/// to send; nothing changes either way).
@Suite struct InterfaceServiceTests {
    let client = ServiceClient()

    @Test(arguments: [
        (#"{"type":"rotate"}"#, "orientation"), (#"{"type":"rotate","orientation":"sideways"}"#, "orientation"),
        (#"{"type":"rotate","orientation":"portrait","sceneId":""}"#, "sceneId"),
        (#"{"type":"setAppearance"}"#, "style"), (#"{"type":"setAppearance","style":"auto"}"#, "style"),
        (#"{"type":"selectTab"}"#, "index"), (#"{"type":"selectTab","index":-1}"#, "index"),
        (#"{"type":"selectTab","index":1.5}"#, "index"), (#"{"type":"selectTab","index":9}"#, "index"),
        (#"{"type":"addChild"}"#, "name"), (#"{"type":"addChild","name":""}"#, "name"),
        (#"{"type":"removeChild","name":3}"#, "name"),
        (#"{"type":"rotate","orientation":"portrait","style":"dark"}"#, "style"),
    ])
    func badMembersNameTheField(_ body: String, _ field: String) {
        let id = client.create(#"{"tabs":["home","search"]}"#)
        client.act(id, #"{"type":"launch"}"#)
        let before = client.send("GET", "/v1/sessions/\(id)").text
        let r = client.act(id, body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        #expect(client.send("GET", "/v1/sessions/\(id)").text == before)
    }

    @Test(arguments: [
        (#"{"tabs":["a","b"],"rootViewController":"root"}"#, "tabs"), (#"{"tabs":[]}"#, "tabs"),
        (#"{"tabs":"home"}"#, "tabs"), (#"{"tabs":["a",3]}"#, "tabs[1]"), (#"{"tabs":["a","a"]}"#, "tabs[1]"),
        (#"{"tabs":["a","b","c","d","e","f"]}"#, "tabs"),
        (#"{"quirks":{"darkModeSnapshotToggle":"on"}}"#, "quirks.darkModeSnapshotToggle"),
        (#"{"quirks":{"offscreenChildrenGetSizeTransition":1}}"#, "quirks.offscreenChildrenGetSizeTransition"),
        (#"{"quirks":{"tabSwitchWillOrder":"sideways"}}"#, "quirks.tabSwitchWillOrder"),
    ])
    func badConfigsNameTheField(_ body: String, _ field: String) {
        let r = client.send("POST", "/v1/sessions", body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        #expect((r.json["detail"] as? String)?.isEmpty == false)
    }

    /// 409s that say what to send, and change nothing.
    @Test(arguments: [
        (
            #"{}"#, #"{"type":"rotate","orientation":"portraitUpsideDown"}"#,
            "send portrait, landscapeLeft or landscapeRight"
        ),
        (#"{"tabs":["home","search"]}"#, #"{"type":"selectTab","index":2}"#, "index from 0 to 1"),
        (#"{}"#, #"{"type":"selectTab","index":0}"#, "config tabs"),
        (#"{}"#, #"{"type":"removeChild","name":"banner"}"#, "addChild first"),
        (
            #"{"lifecycle":"app","iosVersion":"12.4"}"#, #"{"type":"setAppearance","style":"dark"}"#,
            "iosVersion 13.0 or later"
        ),
    ])
    func refusalsSayWhatToSend(_ config: String, _ action: String, _ needs: String) {
        let id = client.create(config)
        client.act(id, #"{"type":"launch"}"#)
        let before = client.send("GET", "/v1/sessions/\(id)").text
        let r = client.act(id, action)
        #expect(r.status == 409)
        #expect((r.json["needs"] as? String)?.contains(needs) == true, "\(r.text)")
        #expect(client.send("GET", "/v1/sessions/\(id)").text == before)
    }

    @Test func stateShowsOrientationTabsChildrenAndStyle() throws {
        let id = client.create(#"{"iosVersion":"26.0","tabs":["home","search"]}"#)
        client.act(id, #"{"type":"launch"}"#)
        client.act(id, #"{"type":"addChild","name":"banner"}"#)
        client.act(id, #"{"type":"setAppearance","style":"dark"}"#)
        let r = client.act(id, #"{"type":"rotate","orientation":"landscapeLeft"}"#)
        let calls = try #require(r.json["callbacks"] as? [[String: Any]])
        let scene = try #require(calls.first { $0["receiver"] as? String == "sceneDelegate" })
        #expect(scene["method"] as? String == "windowScene(_:didUpdateEffectiveGeometry:)")
        let state = try #require(r.json["state"] as? [String: Any])
        #expect(state["userInterfaceStyle"] as? String == "dark")
        let window = try #require((state["windows"] as? [[String: Any]])?.first)
        #expect(window["orientation"] as? String == "landscapeLeft")
        #expect(window["selectedTab"] as? Int == 0)
        let tabs = try #require(window["tabs"] as? [[String: Any]])
        #expect(tabs.map { $0["name"] as? String } == ["home", "search"])
        #expect(tabs.map { $0["loaded"] as? Bool } == [true, false])
        let root = try #require((window["stack"] as? [[String: Any]])?.first)
        #expect((root["children"] as? [[String: Any]])?.first?["name"] as? String == "banner")
        let tab = client.act(id, #"{"type":"selectTab","index":1}"#)
        let receivers = (tab.json["callbacks"] as? [[String: Any]])?.compactMap { $0["receiver"] as? String } ?? []
        #expect(receivers.first == "tabBarControllerDelegate" && receivers.last == "tabBarControllerDelegate")
        let session = client.send("GET", "/v1/sessions/\(id)").json
        let config = try #require(session["config"] as? [String: Any])
        #expect(config["tabs"] as? [String] == ["home", "search"])
        let quirks = try #require(config["quirks"] as? [String: Any])
        #expect(quirks["darkModeSnapshotToggle"] as? Bool == true)
        #expect(quirks["offscreenChildrenGetSizeTransition"] as? Bool == true)
        #expect(quirks["tabSwitchWillOrder"] as? String == "newFirstOnFirstVisit")
    }
}
