import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Issue #20 through the service: the config fields `observers` and
/// `observerOptions`, the observer quirks, their 400s (which change nothing), the
/// items in every endpoint that takes a config, and the bytes of sessions without them.
@Suite struct ObserverServiceTests {
    let client = ServiceClient()

    private func methods(_ callbacks: [[String: Any]], _ receiver: String) -> [String] {
        callbacks.filter { $0["receiver"] as? String == receiver }.compactMap { $0["method"] as? String }
    }

    private func callbacks(_ r: ServiceClient.Reply) -> [[String: Any]] {
        r.json["callbacks"] as? [[String: Any]] ?? []
    }

    @Test func aSessionWithObserversEchoesItsConfigAndQuirksAndReportsItems() throws {
        let r = client.send(
            "POST", "/v1/sessions",
            #"{"iosVersion":"17.0","observers":["notifications","flutter"],"observerOptions":{"flutter":{"framework":"before3.13"}}}"#
        )
        #expect(r.status == 201, "\(r.text)")
        let config = try #require(r.json["config"] as? [String: Any])
        #expect(config["observers"] as? [String] == ["notifications", "flutter"])
        let flutter = (config["observerOptions"] as? [String: Any])?["flutter"] as? [String: Any]
        #expect(flutter?["framework"] as? String == "before3.13")
        #expect(flutter?["resumedTiming"] as? String == "deferred")
        #expect(flutter?["hostController"] as? String == "root")
        let quirks = try #require(config["quirks"] as? [String: Any])
        #expect(quirks["sceneNotificationOrder"] as? String == "afterDelegate")
        #expect(quirks["appForegroundNotificationInScene"] as? String == "afterSceneActivation")
        #expect(quirks["notificationCenterPullReactivates"] as? Bool == false)
        #expect(quirks["willEnterForegroundNotificationOrder"] == nil)  // scene apps have no such delegate call

        let id = try #require(r.json["id"] as? String)
        let launch = client.send("POST", "/v1/sessions/\(id)/actions", #"{"type":"launch"}"#)
        let items = callbacks(launch)
        #expect(methods(items, "notificationCenter").last == "UIApplication.didBecomeActiveNotification")
        let connect = try #require(items.first { $0["method"] as? String == "UIScene.willConnectNotification" })
        #expect(connect["sceneId"] as? String == "scene-1" && connect["sceneState"] as? String == "unattached")
        // Before 3.13 every message reaches the observers as is, repeats included (the
        // scene's appearance and the app's willEnterForeground; viewDidAppear and the
        // deferred didBecomeActive), and there are no listener callbacks.
        let flutterItems = items.filter { $0["receiver"] as? String == "flutter" }
        #expect(
            flutterItems.compactMap { ($0["args"] as? [String: Any])?["state"] as? String } == [
                "inactive", "inactive", "resumed", "resumed",
            ])
        #expect(methods(items, "flutter").allSatisfy { $0 == "didChangeAppLifecycleState" })
        // seq runs over delegates and observers alike.
        let seqs = items.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...items.count))
        // The state JSON has nothing of the observers.
        let state = try #require(launch.json["state"] as? [String: Any])
        #expect(state["observers"] == nil)
    }

    /// Without observers every answer is byte for byte what it was: the config and the
    /// quirks carry nothing new, and an action's bytes are those of a session created
    /// without the fields.
    @Test func withoutObserversTheBytesAreUnchanged() throws {
        let plain = client.send("POST", "/v1/sessions", #"{"iosVersion":"17.0"}"#)
        let empty = client.send("POST", "/v1/sessions", #"{"iosVersion":"17.0","observers":[]}"#)
        #expect(!plain.text.contains("observer") && !plain.text.contains("NotificationOrder"))
        let a = try #require(plain.json["id"] as? String)
        let b = try #require(empty.json["id"] as? String)
        #expect(plain.text.replacingOccurrences(of: a, with: b) == empty.text)
        for action in [#"{"type":"launch"}"#, #"{"type":"background"}"#, #"{"type":"launch"}"#] {
            let x = client.send("POST", "/v1/sessions/\(a)/actions", action)
            let y = client.send("POST", "/v1/sessions/\(b)/actions", action)
            #expect(x.text == y.text)
        }
    }

    @Test(arguments: [
        (#"{"observers":"flutter"}"#, "observers"),
        (#"{"observers":["flutter","fluter"]}"#, "observers[1]"),
        (#"{"observers":["notifications",3]}"#, "observers[1]"),
        (#"{"observers":["maui","maui"]}"#, "observers[1]"),
        (#"{"observerOptions":[]}"#, "observerOptions"),
        (#"{"observerOptions":{"reactNative":{}}}"#, "observerOptions.reactNative"),
        (#"{"observerOptions":{"flutter":{"framework":"3.10"}}}"#, "observerOptions.flutter.framework"),
        (#"{"observerOptions":{"flutter":{"resumedTiming":1}}}"#, "observerOptions.flutter.resumedTiming"),
        (#"{"observerOptions":{"flutter":{"hostController":""}}}"#, "observerOptions.flutter.hostController"),
        (#"{"observerOptions":{"flutter":{"engine":"x"}}}"#, "observerOptions.flutter.engine"),
        (
            #"{"observerOptions":{"composeMultiplatform":{"source":"app"}}}"#,
            "observerOptions.composeMultiplatform.source"
        ),
        // Issue #35: options of a framework that is not observed would change nothing.
        (#"{"observerOptions":{"flutter":{"framework":"since3.13"}}}"#, "observerOptions.flutter"),
        (
            #"{"observers":["flutter"],"observerOptions":{"composeMultiplatform":{}}}"#,
            "observerOptions.composeMultiplatform"
        ),
        (#"{"quirks":{"sceneNotificationOrder":"first"}}"#, "quirks.sceneNotificationOrder"),
        (#"{"quirks":{"willEnterForegroundNotificationOrder":true}}"#, "quirks.willEnterForegroundNotificationOrder"),
        (#"{"quirks":{"appForegroundNotificationInScene":"x"}}"#, "quirks.appForegroundNotificationInScene"),
        (#"{"quirks":{"scenePhaseAfterNotifications":"yes"}}"#, "quirks.scenePhaseAfterNotifications"),
        (#"{"quirks":{"sceneNotificationsInSceneless":"always"}}"#, "quirks.sceneNotificationsInSceneless"),
        (#"{"quirks":{"notificationCenterPullReactivates":1}}"#, "quirks.notificationCenterPullReactivates"),
        (#"{"quirks":{"prewarmStopsAt":"throughViewDidAppear"}}"#, "quirks.prewarmStopsAt"),
    ])
    func badObserverFieldsNameTheFieldAndChangeNothing(_ body: String, _ field: String) {
        client.expectBadInput("POST", "/v1/sessions", body, field: field)
    }

    @Test func optionsOfAnUnobservedFrameworkSayWhatToSend() {
        let r = client.send(
            "POST", "/v1/sessions", #"{"observers":["flutter"],"observerOptions":{"composeMultiplatform":{}}}"#)
        #expect(r.status == 400)
        #expect(r.json["allowed"] as? [String] == ["flutter"])
        #expect((r.json["detail"] as? String)?.contains(#"add "composeMultiplatform" to observers"#) == true)
        let both = client.send(
            "POST", "/v1/sessions",
            #"{"observers":["flutter","composeMultiplatform"],"observerOptions":{"composeMultiplatform":{}}}"#)
        #expect(both.status == 201, "\(both.text)")
    }

    @Test func anUnknownChannelListsTheAllowedOnesAndSuggestsOne() {
        let r = client.send("POST", "/v1/sessions", #"{"observers":["reactnative"]}"#)
        #expect(r.json["allowed"] as? [String] == ObserverChannel.allCases.map(\.rawValue))
        #expect(r.json["suggestion"] as? String == "reactNative")
    }

    @Test func simulateAndBatchReportTheItems() throws {
        let body =
            #"{"session":{"lifecycle":"app","iosVersion":"12.0","observers":["reactNative"]},"actions":[{"type":"launch"},{"type":"background"},{"type":"launch"}]}"#
        let r = client.send("POST", "/v1/simulate", body)
        #expect(r.status == 200, "\(r.text)")
        let all = (r.json["steps"] as? [[String: Any]] ?? []).flatMap { $0["callbacks"] as? [[String: Any]] ?? [] }
        let states = all.filter { $0["receiver"] as? String == "reactNative" }.compactMap {
            ($0["args"] as? [String: Any])?["state"] as? String
        }
        #expect(states == ["inactive", "background", "active"])

        let id = try #require(
            client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"12.0","observers":["cordova"]}"#)
                .json[
                    "id"] as? String)
        let batch = client.send(
            "POST", "/v1/sessions/\(id)/actions", #"[{"type":"launch"},{"type":"background"},{"type":"launch"}]"#)
        #expect(batch.status == 200, "\(batch.text)")
        #expect(batch.text.contains(#""receiver":"cordova","method":"resume""#))
    }

    /// Two frameworks' views of the same actions, side by side.
    @Test func diffOfTwoFrameworksViews() {
        let body =
            #"{"configs":[{"iosVersion":"17.0","observers":["flutter"]},{"iosVersion":"17.0","observers":["reactNative"]}],"actions":[{"type":"launch"},{"type":"background"}]}"#
        let r = client.send("POST", "/v1/diff", body)
        #expect(r.status == 200, "\(r.text)")
        #expect(r.text.contains(#""receiver":"flutter""#) && r.text.contains(#""receiver":"reactNative""#))
        let text = client.send("POST", "/v1/diff", body, query: [("format", "text")])
        #expect(text.status == 200 && text.text.contains("flutter") && text.text.contains("reactNative"))
    }

    @Test func pathsMoveToAndJournalReplayKeepTheObservers() throws {
        let paths = client.send(
            "POST", "/v1/paths", #"{"config":{"iosVersion":"17.0","observers":["maui"]},"to":{"app":"background"}}"#)
        #expect(paths.status == 200, "\(paths.text)")

        let created = client.send("POST", "/v1/sessions", #"{"iosVersion":"17.0","observers":["notifications"]}"#)
        let id = try #require(created.json["id"] as? String)
        let moved = client.send("POST", "/v1/sessions/\(id)/actions", #"{"type":"moveTo","app":"background"}"#)
        #expect(moved.status == 200, "\(moved.text)")
        #expect(
            methods(callbacks(moved), "notificationCenter").contains("UIApplication.didEnterBackgroundNotification"))

        // Coverage explores the same states with or without observers (they are not part of a state).
        let bounds = #""bounds":{"scenes":1,"tasks":0,"depth":0}"#
        let plain = client.send("POST", "/v1/coverage", #"{"config":{"iosVersion":"17.0"},\#(bounds)}"#)
        let observed = client.send(
            "POST", "/v1/coverage", #"{"config":{"iosVersion":"17.0","observers":["notifications"]},\#(bounds)}"#)
        #expect(observed.status == 200, "\(observed.text)")
        #expect(observed.json["states"] as? Int == plain.json["states"] as? Int)
        #expect(observed.json["transitions"] as? Int == plain.json["transitions"] as? Int)

        let journal = client.send("GET", "/v1/sessions/\(id)/journal")
        #expect(journal.status == 200)
        #expect(journal.text.contains(#""observers":["notifications"]"#))
    }

    @Test func tracesShowTheObserverLifelines() {
        let body =
            #"{"session":{"iosVersion":"17.0","observers":["notifications","composeMultiplatform"]},"actions":[{"type":"launch"}]}"#
        for format in ["text", "mermaid", "plantuml"] {
            let r = client.send("POST", "/v1/simulate", body, query: [("format", format)])
            #expect(r.status == 200, "\(format): \(r.text)")
            #expect(r.text.contains("notificationCenter") && r.text.contains("ON_RESUME"), "\(format): \(r.text)")
        }
    }
}
