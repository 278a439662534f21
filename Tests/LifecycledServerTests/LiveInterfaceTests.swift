import Foundation
import Testing

/// Rotation, tabs and children over real HTTP (issue #12).
@Suite struct LiveInterfaceTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    private func act(_ id: String, _ body: String) throws -> RawResponse {
        try live.send("POST", "/v1/sessions/\(id)/actions", body)
    }

    @Test func rotationTabsAndChildren() throws {
        let id = try live.create(#"{"tabs":["home","search"]}"#)
        _ = try act(id, #"{"type":"launch"}"#)
        _ = try act(id, #"{"type":"addChild","name":"banner"}"#)
        let rotated = try act(id, #"{"type":"rotate","orientation":"landscapeRight"}"#)
        #expect(rotated.status == 200)
        // breadth §5.2: the trait transition, then the size transition root first, then its child.
        let names = rotated.callbacks.compactMap { c in
            (c["viewController"] as? String).map { "\($0).\(c["method"] ?? "")" }
        }
        #expect(
            Array(names.prefix(4)) == [
                "home.willTransition(to:with:)", "banner.willTransition(to:with:)",
                "home.viewWillTransition(to:with:)", "banner.viewWillTransition(to:with:)",
            ])
        let window = try #require(((rotated.json["state"] as? [String: Any])?["windows"] as? [[String: Any]])?.first)
        #expect(window["orientation"] as? String == "landscapeRight")
        let refused = try act(id, #"{"type":"rotate","orientation":"portraitUpsideDown"}"#)
        #expect(refused.status == 409)
        #expect((refused.json["needs"] as? String)?.contains("landscapeLeft") == true)
        let tab = try act(id, #"{"type":"selectTab","index":1}"#)
        #expect(tab.callbacks.last?["method"] as? String == "tabBarController(_:didSelect:)")
        let bad = try act(id, #"{"type":"selectTab","index":"one"}"#)
        #expect(bad.status == 400)
        #expect(bad.json["field"] as? String == "index")
    }
}
