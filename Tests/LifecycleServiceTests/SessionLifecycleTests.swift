import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// Sessions and actions through the service, without sockets.
@Suite struct SessionLifecycleTests {
    let client = ServiceClient()

    @Test func createReturns201WithLocationAndResolvedConfig() throws {
        let r = client.send("POST", "/v1/sessions", #"{"lifecycle":"app","iosVersion":"11.0"}"#)
        #expect(r.status == 201)
        let id = try #require(r.json["id"] as? String)
        #expect(UUID(uuidString: id) != nil)
        #expect(id == id.lowercased())
        #expect(r.response.headerValue("Location") == "/v1/sessions/\(id)")
        let config = try #require(r.json["config"] as? [String: Any])
        #expect(config["device"] as? String == "iphone")
        #expect(config["stateRestoration"] as? Bool == false)
        #expect(config["rootViewController"] as? String == "root")
        #expect((config["quirks"] as? [String: Any])?["orientationQueries"] as? Bool == true)
        let state = try #require(r.json["state"] as? [String: Any])
        #expect(state["app"] as? String == "notRunning")
        #expect(state["restorationArchive"] as? Bool == false)
        #expect(r.json["callbackCount"] as? Int == 0)
        // Issue #11 adds backgroundURLSessionEvents (breadth §2.1: a not-running app can be
        // relaunched for a background session; prewarm is iOS 15+, runBackgroundTask needs backgroundTasks).
        #expect(
            r.json["allowedActions"] as? [String] == [
                "launch", "openURL", "openUniversalLink", "tapNotification", "terminate",
                "lock", "memoryWarning", "receiveNotification", "quickAction", "advanceTime",
                "backgroundURLSessionEvents",
            ])
    }

    @Test func sessionIdsAreDistinctRandomV4() {
        let ids = (0..<200).map { _ in client.create() }
        #expect(Set(ids).count == 200)
        for id in ids { #expect(Array(id)[14] == "4") }  // version nibble
    }

    @Test func quirksDefaultOffFromIOS13AndCanBeSet() {
        let r = client.send(
            "POST", "/v1/sessions",
            #"{"lifecycle":"app","iosVersion":"13.0","quirks":{"switcherKillSequence":"resignActiveEnterBackgroundThenTerminate"}}"#
        )
        let quirks = (r.json["config"] as? [String: Any])?["quirks"] as? [String: Any]
        #expect(quirks?["orientationQueries"] as? Bool == false)
        #expect(quirks?["switcherKillSequence"] as? String == "resignActiveEnterBackgroundThenTerminate")
    }

    @Test func emptyBodyMeansDefaultsASceneBasedIOS17Session() {
        for body in ["", "{}", " \n"] {
            let r = client.send("POST", "/v1/sessions", body)
            #expect(r.status == 201)
            let config = r.json["config"] as? [String: Any]
            #expect(config?["lifecycle"] as? String == "scene")
            #expect(config?["iosVersion"] as? String == "17.0")
            #expect((r.json["state"] as? [String: Any])?["scenes"] as? [Any] != nil)
        }
    }

    @Test func getDeleteAndGone() {
        let id = client.create()
        #expect(client.send("GET", "/v1/sessions/\(id)").status == 200)
        #expect(client.send("GET", "/v1/sessions/\(id.uppercased())").status == 200)
        let d = client.send("DELETE", "/v1/sessions/\(id)")
        #expect(d.status == 204)
        #expect(d.response.body.isEmpty)
        #expect(client.send("GET", "/v1/sessions/\(id)").status == 404)
        #expect(client.send("DELETE", "/v1/sessions/\(id)").status == 404)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 404)
    }

    @Test func actionResultCarriesActionCallbacksAndState() throws {
        let id = client.create()
        let r = client.act(id, #"{"type":"openURL","url":"appLaunchSeq://whatup"}"#)
        #expect(r.status == 200)
        #expect((r.json["action"] as? [String: Any])?["url"] as? String == "appLaunchSeq://whatup")
        let callbacks = try #require(r.json["callbacks"] as? [[String: Any]])
        // Seed 001's 13 app-delegate calls, plus the root view controller's 6.
        #expect(callbacks.map { $0["seq"] as? Int } == Array(1...19))
        #expect(callbacks.filter { $0["receiver"] as? String == "appDelegate" }.count == 13)
        #expect(
            callbacks.filter { $0["receiver"] as? String == "viewController" }.allSatisfy {
                $0["viewController"] as? String == "root"
            })
        let open = try #require(callbacks.first { $0["method"] as? String == "application(_:open:options:)" })
        #expect((open["args"] as? [String: Any])?["url"] as? String == "appLaunchSeq://whatup")
        let will = try #require(
            callbacks.first { $0["method"] as? String == "application(_:willFinishLaunchingWithOptions:)" })
        let options = (will["args"] as? [String: Any])?["launchOptions"] as? [String: Any]
        #expect(options?["url"] as? String == "appLaunchSeq://whatup")
        #expect((r.json["state"] as? [String: Any])?["app"] as? String == "active")

        let next = client.act(id, #"{"type":"background"}"#)
        #expect((next.json["callbacks"] as? [[String: Any]])?.first?["seq"] as? Int == 20)
        #expect((next.json["state"] as? [String: Any])?["restorationArchive"] as? Bool == true)
    }

    @Test func plainLaunchHasNullLaunchOptions() throws {
        let id = client.create()
        let r = client.act(id, #"{"type":"launch"}"#)
        let will = try #require(
            (r.json["callbacks"] as? [[String: Any]])?.first {
                $0["method"] as? String == "application(_:didFinishLaunchingWithOptions:)"
            })
        let args = try #require(will["args"] as? [String: Any])
        #expect(args["launchOptions"] is NSNull)
    }

    @Test func notificationPayloadComesBackVerbatim() throws {
        let id = client.create()
        let payload = #"{"aps":{"alert":"Hi Sean!","badge":1,"sound":"default"},"deep":{"z":1.50,"a":[true,null]}}"#
        let r = client.act(id, #"{"type":"tapNotification","payload":\#(payload)}"#)
        #expect(r.status == 200)
        // The payload's text, member order and number forms survive the round trip.
        #expect(r.text.contains(#""userInfo":\#(payload)"#))
        #expect(r.text.contains(#""remoteNotification":\#(payload)"#))
    }

    @Test func notificationCenterDelegateReceivesTheTap() throws {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"12.0","notificationCenterDelegate":true}"#)
        let r = client.act(id, #"{"type":"tapNotification","payload":{"aps":{"alert":"x"}}}"#)
        let calls = try #require(r.json["callbacks"] as? [[String: Any]])
        let tap = try #require(calls.first { $0["receiver"] as? String == "notificationCenterDelegate" })
        #expect(tap["method"] as? String == "userNotificationCenter(_:didReceive:withCompletionHandler:)")
        #expect(!calls.contains { ($0["method"] as? String)?.contains("didReceiveRemoteNotification") == true })
    }

    @Test func conflictIs409WithAllowedActionsAndChangesNothing() throws {
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        let before = client.send("GET", "/v1/sessions/\(id)").text
        let r = client.act(id, #"{"type":"launch"}"#)
        #expect(r.status == 409)
        #expect(r.contentType == "application/problem+json")
        #expect(r.json["action"] as? String == "launch")
        #expect(r.json["state"] as? String == "active")
        // No notification-center delegate: a notification is not presented over an
        // active app, so it cannot be tapped.
        #expect(
            r.json["allowedActions"] as? [String] == [
                "background", "openURL", "openUniversalLink", "terminate", "interruptionBegan",
                "lock", "memoryWarning", "receiveNotification", "locationEvent",
                "beginBackgroundTask", "advanceTime", "push", "present",
                "rotate", "addChild",
            ])
        #expect(r.json["needs"] is String)
        #expect(client.send("GET", "/v1/sessions/\(id)").text == before)
        let bg = client.act(id, #"{"type":"background"}"#)
        #expect((bg.json["callbacks"] as? [[String: Any]])?.first?["seq"] as? Int == 19)
    }

    @Test func getSessionAllowedActionsMatchesA409() {
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        let allowed = client.send("GET", "/v1/sessions/\(id)").json["allowedActions"] as? [String]
        let conflict = client.act(id, #"{"type":"launch"}"#).json["allowedActions"] as? [String]
        #expect(allowed != nil)
        #expect(allowed == conflict)
    }
}
