import Foundation
import Testing

/// Issue #20 over real HTTP: a scene app's launch, Home and return seen as
/// notifications and by React Native, and a bad channel's problem+json.
@Suite struct LiveObserverTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    @Test func observersOverHTTP() throws {
        let id = try live.create(#"{"iosVersion":"17.0","observers":["notifications","reactNative"]}"#)
        var seen: [String] = []
        for action in [#"{"type":"launch"}"#, #"{"type":"background"}"#, #"{"type":"launch"}"#] {
            let r = try live.send("POST", "/v1/sessions/\(id)/actions", action)
            #expect(r.status == 200)
            seen += r.callbacks.compactMap { c in
                switch c["receiver"] as? String {
                case "notificationCenter": c["method"] as? String
                case "reactNative": "change " + ((c["args"] as? [String: Any])?["state"] as? String ?? "?")
                default: nil
                }
            }
        }
        // React Native hears nothing at launch, then Home and the return.
        #expect(seen.filter { $0.hasPrefix("change") } == ["change inactive", "change background", "change active"])
        #expect(
            seen.filter { $0.hasPrefix("UIApplication.did") } == [
                "UIApplication.didFinishLaunchingNotification", "UIApplication.didBecomeActiveNotification",
                "UIApplication.didEnterBackgroundNotification", "UIApplication.didBecomeActiveNotification",
            ])
    }

    @Test func unknownChannelOverHTTP() throws {
        let r = try live.send("POST", "/v1/sessions", #"{"observers":["notifications","swiftUI"]}"#)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == "observers[1]")
        #expect((r.json["allowed"] as? [String])?.contains("composeMultiplatform") == true)
    }
}
