import Foundation
import Testing

/// Scene-based sessions and view controllers over real HTTP.
@Suite struct LiveSceneAndViewControllerTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    private func act(_ id: String, _ body: String) throws -> RawResponse {
        try live.send("POST", "/v1/sessions/\(id)/actions", body)
    }

    @Test func emptyConfigIsASceneBasedIOS17Session() throws {
        let r = try live.send("POST", "/v1/sessions", "{}")
        #expect(r.status == 201)
        #expect((r.json["config"] as? [String: Any])?["lifecycle"] as? String == "scene")
        let id = try #require(r.json["id"] as? String)
        let launch = try act(id, #"{"type":"openURL","url":"myapp://item/7"}"#)
        let connect = try #require(
            launch.callbacks.first { $0["method"] as? String == "scene(_:willConnectTo:options:)" })
        #expect(connect["sceneId"] as? String == "scene-1")
        #expect(connect["sceneState"] as? String == "unattached")
        let options = (connect["args"] as? [String: Any])?["options"] as? [String: Any]
        #expect(((options?["urlContexts"] as? [[String: Any]])?.first)?["url"] as? String == "myapp://item/7")
        #expect(!launch.callbacks.contains { $0["method"] as? String == "scene(_:openURLContexts:)" })
        let scenes = (launch.json["state"] as? [String: Any])?["scenes"] as? [[String: Any]]
        #expect(scenes?.first?["state"] as? String == "foregroundActive")
    }

    @Test func iPadScenesAndNavigation() throws {
        let id = try live.create(#"{"device":"ipad","supportsMultipleScenes":true}"#)
        _ = try act(id, #"{"type":"launch"}"#)
        let second = try act(id, #"{"type":"openScene","by":"system"}"#)
        #expect(second.callbacks.first?["method"] as? String == "application(_:configurationForConnecting:options:)")
        let pushed = try act(id, #"{"type":"push","name":"detail","sceneId":"scene-1"}"#)
        #expect(
            pushed.callbacks.filter { $0["receiver"] as? String == "viewController" }.first?["viewController"]
                as? String == "detail")
        #expect(pushed.callbacks.allSatisfy { $0["sceneId"] as? String == "scene-1" })
        let windows = try #require((pushed.json["state"] as? [String: Any])?["windows"] as? [[String: Any]])
        #expect(windows.count == 2)
        let stack = (windows.first?["stack"] as? [[String: Any]])?.map {
            "\($0["name"] ?? "")=\($0["appearance"] ?? "")"
        }
        #expect(stack == ["root=disappeared", "detail=appeared"])
        #expect(try act(id, #"{"type":"pop","sceneId":"scene-2"}"#).status == 409)  // scene-2 is in the background
        let closed = try act(id, #"{"type":"closeScene","sceneId":"scene-2"}"#)
        #expect(closed.callbacks.last?["method"] as? String == "application(_:didDiscardSceneSessions:)")
    }

    @Test func sceneAndControllerValidation() throws {
        let app = try live.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        let r = try act(app, #"{"type":"openScene","by":"user"}"#)
        #expect(r.status == 409)
        #expect((r.json["needs"] as? String)?.contains("scene") == true)
        for (body, field) in [
            (#"{"type":"openScene"}"#, "by"), (#"{"type":"push"}"#, "name"),
            (#"{"type":"present","name":"x","style":"popover"}"#, "style"),
            (#"{"type":"closeScene","sceneId":7}"#, "sceneId"),
        ] {
            let bad = try act(app, body)
            #expect(bad.status == 400, "\(body)")
            #expect(bad.json["field"] as? String == field, "\(body)")
        }
        let old = try live.send("POST", "/v1/sessions", #"{"lifecycle":"scene","iosVersion":"12.4"}"#)
        #expect(old.status == 400)
        #expect(old.json["field"] as? String == "lifecycle")
    }
}
