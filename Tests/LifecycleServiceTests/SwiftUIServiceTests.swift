import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Config `ui` through the service (issue #12 item 5): refusals that say what to
/// send and change nothing, the resolved quirks, and a session's receivers.
@Suite struct SwiftUIServiceTests {
    let client = ServiceClient()

    @Test(arguments: [
        (#"{"ui":"swiftui","iosVersion":"13.0"}"#, "ui", "iosVersion 14.0 or later"),
        (#"{"ui":"swiftui","iosVersion":"13.7","lifecycle":"scene"}"#, "ui", "iosVersion 14.0 or later"),
        (#"{"ui":"swiftui","iosVersion":"12.4"}"#, "ui", "iosVersion 14.0 or later"),
        (#"{"ui":"swiftui","lifecycle":"app"}"#, "lifecycle", "send lifecycle \"scene\" (or leave it out)"),
        (#"{"ui":"SwiftUI"}"#, "ui", "uikit"),
        (#"{"ui":true}"#, "ui", "uikit"),
        (#"{"ui":"swiftui","quirks":{"swiftUIAdaptorInit":"never"}}"#, "quirks.swiftUIAdaptorInit", "afterAppInit"),
        (
            #"{"ui":"swiftui","quirks":{"swiftUIScenePhaseTiming":1}}"#, "quirks.swiftUIScenePhaseTiming",
            "afterSceneCallback"
        ),
        (
            #"{"ui":"swiftui","quirks":{"swiftUIColdUniversalLinkDelivered":"yes"}}"#,
            "quirks.swiftUIColdUniversalLinkDelivered", "true or false"
        ),
    ])
    func badSwiftUIConfigsSayWhatToSendAndChangeNothing(_ body: String, _ field: String, _ hint: String) {
        let before = client.service.sessionCount
        let r = client.send("POST", "/v1/sessions", body)
        #expect(r.status == 400, "\(body)")
        #expect(r.contentType == "application/problem+json")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        let says =
            (r.json["detail"] as? String ?? "") + " " + ((r.json["allowed"] as? [String]) ?? []).joined(separator: " ")
        #expect(says.contains(hint), "\(body): \(r.text)")
        #expect(client.service.sessionCount == before)
    }

    @Test func theSimulateEndpointRefusesSwiftUIOnIOS13Too() {
        let r = client.send(
            "POST", "/v1/simulate", #"{"session":{"ui":"swiftui","iosVersion":"13.0"},"actions":[{"type":"launch"}]}"#)
        #expect(r.status == 400)
        #expect(r.json["field"] as? String == "session.ui")
    }

    @Test func theConfigReportsUIAndTheSwiftUIQuirks() throws {
        let id = client.create(
            #"{"ui":"swiftui","iosVersion":"14.0","quirks":{"swiftUIScenePhaseTiming":"beforeSceneCallback"}}"#)
        let session = client.send("GET", "/v1/sessions/\(id)").json
        let config = try #require(session["config"] as? [String: Any])
        #expect(config["ui"] as? String == "swiftui")
        #expect(config["lifecycle"] as? String == "scene")
        let quirks = try #require(config["quirks"] as? [String: Any])
        #expect(quirks["swiftUIAdaptorInit"] as? String == "afterAppInit")
        #expect(quirks["swiftUIScenePhaseTiming"] as? String == "beforeSceneCallback")
        #expect(quirks["swiftUIColdUniversalLinkDelivered"] as? Bool == true)
        let uikit = client.send("GET", "/v1/sessions/\(client.create("{}"))").json["config"] as? [String: Any]
        #expect(uikit?["ui"] as? String == "uikit")
        #expect((uikit?["quirks"] as? [String: Any])?["swiftUIAdaptorInit"] == nil)
    }

    @Test func aSwiftUISessionReportsItsReceivers() throws {
        let id = client.create(#"{"ui":"swiftui"}"#)
        let launch = client.act(id, #"{"type":"launch"}"#)
        #expect(launch.status == 200)
        let callbacks = try #require(launch.json["callbacks"] as? [[String: Any]])
        #expect(
            callbacks.map { "\($0["receiver"] ?? "") \($0["method"] ?? "")" } == [
                "app App.init()", "appDelegateAdaptor init()",
                "appDelegateAdaptor application(_:willFinishLaunchingWithOptions:)",
                "appDelegateAdaptor application(_:didFinishLaunchingWithOptions:)",
                "appDelegateAdaptor application(_:configurationForConnecting:options:)",
                "view onAppear(perform:)", "scene onChange(of: scenePhase)", "app onChange(of: scenePhase)",
            ])
        #expect(callbacks[5]["viewController"] as? String == "root")
        #expect(callbacks[6]["sceneId"] as? String == "scene-1")
        #expect(callbacks[7]["args"] as? [String: String] == ["from": "inactive", "to": "active"])
        // A refused action changes nothing in a SwiftUI session either.
        let before = client.send("GET", "/v1/sessions/\(id)").text
        #expect(client.act(id, #"{"type":"pop"}"#).status == 409)
        #expect(client.send("GET", "/v1/sessions/\(id)").text == before)
    }

    @Test func theTraceFormatsShowEachPhaseChangeWithItsPhases() {
        let body = #"{"session":{"ui":"swiftui"},"actions":[{"type":"launch"},{"type":"background"}]}"#
        let text = client.send("POST", "/v1/simulate", body, query: [("format", "text")]).text
        #expect(text.contains("onChange(of: scenePhase) inactive→active"))
        #expect(text.contains("view root"))
        let mermaid = client.send("POST", "/v1/simulate", body, query: [("format", "mermaid")]).text
        #expect(mermaid.contains("appDelegateAdaptor"))
        #expect(mermaid.contains("onChange(of: scenePhase) active→inactive"))
        #expect(!mermaid.contains("sceneDelegate"))
    }
}
