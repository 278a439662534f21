import Foundation
import Testing

/// A sample of facts §3, §5 and §6 facts over real HTTP.
@Suite struct LiveAppLifecycleTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    private func act(_ id: String, _ body: String) throws -> RawResponse {
        try live.send("POST", "/v1/sessions/\(id)/actions", body)
    }

    private func calls(_ r: RawResponse) -> [String] {
        r.callbacks.map { "\($0["method"] as? String ?? "?") [\($0["appState"] as? String ?? "?")]" }
    }

    @Test func interruptionOverHTTP() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        _ = try act(id, #"{"type":"launch"}"#)
        let began = try act(id, #"{"type":"interruptionBegan","kind":"controlCenter"}"#)
        #expect(calls(began) == ["applicationWillResignActive(_:) [active]"])
        #expect((began.json["state"] as? [String: Any])?["interruption"] as? String == "controlCenter")
        #expect(
            calls(try act(id, #"{"type":"interruptionEnded","outcome":"resume"}"#)) == [
                "applicationDidBecomeActive(_:) [active]"
            ])
    }

    @Test func backgroundTaskExpiryOverHTTP() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"12.0"}"#)
        _ = try act(id, #"{"type":"launch"}"#)
        let begun = try act(id, #"{"type":"beginBackgroundTask","name":"upload"}"#)
        let tasks = (begun.json["state"] as? [String: Any])?["backgroundTasks"] as? [[String: Any]]
        #expect(tasks?.first?["id"] as? Int == 1)
        let bg = try act(id, #"{"type":"background"}"#)
        #expect((bg.json["state"] as? [String: Any])?["backgroundTimeRemaining"] as? Int == 180)
        let warned = try act(id, #"{"type":"advanceTime","seconds":176}"#)
        #expect(warned.callbacks.first?["receiver"] as? String == "backgroundTask")
        #expect(warned.callbacks.first?["method"] as? String == "expirationHandler")
        let killed = try act(id, #"{"type":"advanceTime","seconds":10}"#)
        let state = try #require(killed.json["state"] as? [String: Any])
        #expect(state["app"] as? String == "notRunning")
        #expect((state["lastTermination"] as? [String: Any])?["reason"] as? String == "backgroundTimeExpired")
        #expect(killed.callbacks.isEmpty)
    }

    @Test func silentPushLaunchOverHTTPAndForceQuitRule() throws {
        let id = try live.create(
            #"{"lifecycle":"app","iosVersion":"11.0","backgroundModes":["remote-notification","fetch"]}"#)
        let push = #"{"type":"receiveNotification","payload":{"aps":{"content-available":1}}}"#
        let launched = try act(id, push)
        #expect(
            calls(launched).last == "application(_:didReceiveRemoteNotification:fetchCompletionHandler:) [background]")
        #expect(calls(launched).first == "application(_:willChangeStatusBarFrame:) [background]")
        _ = try act(id, #"{"type":"terminate","by":"user"}"#)
        #expect(try act(id, push).callbacks.isEmpty)
        let fetch = try act(id, #"{"type":"backgroundFetch"}"#)
        #expect(fetch.status == 409)
        #expect((fetch.json["needs"] as? String)?.contains("force-quit") == true)
    }

    @Test func newActionValidationOverHTTP() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        for (body, field) in [
            (#"{"type":"interruptionBegan","kind":"meteor"}"#, "kind"),
            (#"{"type":"advanceTime","seconds":-1}"#, "seconds"),
            (#"{"type":"advanceTime"}"#, "seconds"),
            (#"{"type":"endBackgroundTask","id":"one"}"#, "id"),
        ] {
            let r = try act(id, body)
            #expect(r.status == 400, "\(body)")
            #expect(r.json["field"] as? String == field, "\(body)")
        }
        let quirk = try live.send("POST", "/v1/sessions", #"{"lifecycle":"app","quirks":{"protectedDataDelay":-2}}"#)
        #expect(quirk.json["field"] as? String == "quirks.protectedDataDelay")
    }
}
