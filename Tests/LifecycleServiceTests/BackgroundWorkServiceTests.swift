import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// Issue #11 through the service: config fields, version normalisation, the new
/// actions' JSON, and their 400s and 409s (which change nothing).
@Suite struct BackgroundWorkServiceTests {
    let client = ServiceClient()

    /// contract v1.1: "17" and "17.0.1" are accepted and echoed as "MAJOR.MINOR";
    /// sdkVersion defaults to iosVersion.
    @Test(arguments: [("17", "17.0"), ("17.0.1", "17.0"), ("27.1", "27.1"), ("11.0.3", "11.0")])
    func versionsAreNormalised(_ sent: String, _ echoed: String) {
        let lifecycle = sent.hasPrefix("11") ? "app" : "scene"
        let r = client.send("POST", "/v1/sessions", #"{"lifecycle":"\#(lifecycle)","iosVersion":"\#(sent)"}"#)
        #expect(r.status == 201, "\(r.text)")
        let config = r.json["config"] as? [String: Any]
        #expect(config?["iosVersion"] as? String == echoed)
        #expect(config?["sdkVersion"] as? String == echoed)
    }

    @Test(arguments: [
        (#"{"lifecycle":"scene","iosVersion":"26.0","sdkVersion":"27.0"}"#, "sdkVersion"),
        (#"{"iosVersion":"17.0","sdkVersion":"18"}"#, "sdkVersion"),
        (#"{"iosVersion":"17.0","sdkVersion":"26.0"}"#, "sdkVersion"),
        (#"{"iosVersion":"27.0","sdkVersion":"17.0"}"#, "sdkVersion"),
        (#"{"sdkVersion":"9.0"}"#, "sdkVersion"),
        (#"{"lifecycle":"app","iosVersion":"27.0"}"#, "lifecycle"),
        (#"{"lifecycle":"app","iosVersion":"27.0","sdkVersion":"27.0"}"#, "lifecycle"),
        (
            #"{"lifecycle":"app","iosVersion":"12.4","backgroundTasks":[{"identifier":"a","kind":"appRefresh"}]}"#,
            "backgroundTasks"
        ),
        (#"{"backgroundTasks":[{"identifier":"a","kind":"nightly"}]}"#, "backgroundTasks[0].kind"),
        (#"{"backgroundTasks":[{"identifier":"a"}]}"#, "backgroundTasks[0].kind"),
        (#"{"backgroundTasks":[{"identifier":"","kind":"appRefresh"}]}"#, "backgroundTasks[0].identifier"),
        (#"{"backgroundTasks":{"identifier":"a"}}"#, "backgroundTasks"),
        (#"{"registersForRemoteNotifications":"yes"}"#, "registersForRemoteNotifications"),
        (#"{"quirks":{"prewarmStopsAt":"atMain"}}"#, "quirks.prewarmStopsAt"),
        (#"{"quirks":{"pushTokenDelivery":"late"}}"#, "quirks.pushTokenDelivery"),
        (#"{"quirks":{"bgTaskConnectsScene":"no"}}"#, "quirks.bgTaskConnectsScene"),
        (#"{"quirks":{"lastWindowCloseTerminates":0}}"#, "quirks.lastWindowCloseTerminates"),
        (#"{"quirks":{"backgroundTaskExpirationLead":31}}"#, "quirks.backgroundTaskExpirationLead"),
    ])
    func badConfigsNameTheField(_ body: String, _ field: String) {
        let before = client.service.sessionCount
        let r = client.send("POST", "/v1/sessions", body)
        #expect(r.status == 400, "\(body)")
        #expect(r.json["field"] as? String == field, "\(body): \(r.text)")
        #expect(client.service.sessionCount == before)
    }

    /// breadth §9.1: the 400 for a sceneless iOS 27 SDK app says why and how to simulate an older binary.
    @Test func scenelessIOS27SaysWhyAndWhatToSend() {
        let r = client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"27.0"}"#)
        let detail = r.json["detail"] as? String ?? ""
        #expect(detail.contains("scene life cycle") && detail.contains("sdkVersion"))
        #expect(
            client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"27.0","sdkVersion":"26.0"}"#).status
                == 201)
    }

    @Test(arguments: [
        (#"{"type":"runBackgroundTask","identifier":""}"#, "identifier"),
        (#"{"type":"runBackgroundTask","seconds":-1}"#, "seconds"),
        (#"{"type":"runBackgroundTask","seconds":"2"}"#, "seconds"),
        // Issue #38: a count of seconds, not a negative one or a string.
        (#"{"type":"runBackgroundTask","seconds":5,"deviceUsedAfter":-1}"#, "deviceUsedAfter"),
        (#"{"type":"runBackgroundTask","seconds":5,"deviceUsedAfter":"1"}"#, "deviceUsedAfter"),
        (#"{"type":"backgroundURLSessionEvents"}"#, "identifier"),
        (#"{"type":"backgroundURLSessionEvents","identifier":7}"#, "identifier"),
        (#"{"type":"prewarm","now":true}"#, "now"),
    ])
    func badActionFieldsNameTheField(_ body: String, _ field: String) {
        let id = client.create(Self.config)
        client.expectBadInput("POST", "/v1/sessions/\(id)/actions", body, field: field, session: id)
    }

    static let config =
        #"{"iosVersion":"27.0","backgroundModes":["fetch"],"registersForRemoteNotifications":true,"backgroundTasks":[{"identifier":"com.example.refresh","kind":"appRefresh"}]}"#

    /// The refusals of the model are 409s saying what to send, and change nothing.
    @Test func refusalsAre409sThatChangeNothing() {
        let id = client.create(Self.config)
        let old = client.create(#"{"iosVersion":"14.0"}"#)
        let prewarm = client.act(old, #"{"type":"prewarm"}"#)
        #expect(prewarm.status == 409)
        #expect((prewarm.json["needs"] as? String)?.contains("iosVersion 15.0") == true)
        // Issue #38: an iOS 18 app may list a continued processing task; it never starts.
        let continued = client.create(
            #"{"iosVersion":"18.0","backgroundTasks":[{"identifier":"com.example.export","kind":"continuedProcessing"}]}"#
        )
        #expect(client.act(continued, #"{"type":"launch"}"#).status == 200)
        let start = client.act(continued, #"{"type":"startContinuedProcessingTask"}"#)
        #expect(start.status == 409, "\(start.text)")
        #expect((start.json["needs"] as? String)?.contains("iosVersion 26.0") == true)
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
    }

    /// Issue #22: an identifier the config does not register is a bad member, not a
    /// state: a 400 naming `identifier` and listing the registered ones, wherever an
    /// action is sent (one action, a batch, simulate, paths' `from`); nothing changes.
    @Test func anUnregisteredIdentifierIsA400NamingIt() throws {
        let id = client.create(Self.config)
        let unknown = client.act(id, #"{"type":"runBackgroundTask","identifier":"com.example.other"}"#)
        #expect(unknown.status == 400, "\(unknown.text)")
        #expect(unknown.json["field"] as? String == "identifier")
        #expect(unknown.json["allowed"] as? [String] == ["com.example.refresh"])
        let detail = unknown.json["detail"] as? String ?? ""
        #expect(detail.contains("\"com.example.refresh\"") && detail.contains("\"com.example.other\""), "\(detail)")
        // The first registered one, unnamed, still runs: allowedActions lists the kind.
        let allowed = client.send("GET", "/v1/sessions/\(id)").json["allowedActions"] as? [String] ?? []
        #expect(allowed.contains("runBackgroundTask"))
        let batch = client.act(
            id, #"[{"type":"launch"},{"type":"runBackgroundTask","identifier":"com.example.other","seconds":1}]"#)
        #expect(batch.status == 400 && batch.json["field"] as? String == "actions[1].identifier", "\(batch.text)")
        #expect(batch.json["step"] as? Int == 1)
        #expect(client.send("GET", "/v1/sessions/\(id)").json["callbackCount"] as? Int == 0)
        let simulate = client.send(
            "POST", "/v1/simulate",
            #"{"session":\#(Self.config),"actions":[{"type":"runBackgroundTask","identifier":"nope"}]}"#)
        #expect(simulate.status == 400 && simulate.json["field"] as? String == "actions[0].identifier")
        let paths = client.send(
            "POST", "/v1/paths",
            #"{"config":\#(Self.config),"from":[{"type":"runBackgroundTask","identifier":"nope"}],"to":{"app":"active"}}"#
        )
        #expect(paths.status == 400 && paths.json["field"] as? String == "from[0].identifier", "\(paths.text)")
        // A config that registers none says so.
        let none = client.create(#"{"iosVersion":"17.0","backgroundModes":["fetch"]}"#)
        let noTasks = client.act(none, #"{"type":"runBackgroundTask","identifier":"com.example.refresh"}"#)
        #expect(noTasks.status == 400 && noTasks.json["field"] as? String == "identifier")
        #expect((noTasks.json["detail"] as? String)?.contains("registers none") == true, "\(noTasks.text)")
    }

    /// The new actions round-trip and report the new state fields.
    @Test func backgroundTaskLaunchOverTheService() {
        let id = client.create(Self.config)
        let r = client.act(id, #"{"type":"runBackgroundTask","identifier":"com.example.refresh","seconds":2}"#)
        #expect(r.status == 200, "\(r.text)")
        #expect((r.json["action"] as? [String: Any])?["seconds"] as? Int == 2)
        #expect(r.json.calls.contains("launchHandler [background]"))
        let state = r.json["state"] as? [String: Any]
        #expect(state?["registeredBackgroundTasks"] as? [String] == ["com.example.refresh"])
        #expect(state?["prewarm"] is NSNull)
        let allowed = client.send("GET", "/v1/sessions/\(id)").json["allowedActions"] as? [String] ?? []
        #expect(allowed.contains("runBackgroundTask") && allowed.contains("backgroundURLSessionEvents"))
    }

    @Test func prewarmedLaunchOverTheService() {
        let id = client.create(#"{"iosVersion":"27.0","quirks":{"prewarmStopsAt":"afterDidFinish"}}"#)
        let pre = client.act(id, #"{"type":"prewarm"}"#)
        #expect(pre.status == 200, "\(pre.text)")
        let state = pre.json["state"] as? [String: Any]
        #expect((state?["prewarm"] as? [String: Any])?["paused"] as? Bool == true)
        let launch = client.act(id, #"{"type":"launch"}"#)
        #expect(!launch.json.calls.contains { $0.hasPrefix("application(_:didFinishLaunchingWithOptions:)") })
        #expect(launch.json.calls.contains("sceneDidBecomeActive(_:) [active]"))
        #expect(launch.json.calls.contains("scene(_:willConnectTo:options:) [background]"))
    }
}
