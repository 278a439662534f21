import Foundation
import Synchronization
import Testing

@testable import LifecycleService

/// The log, pagination, limits and expiry, without sockets.
@Suite struct StoreTests {
    @Test func callbackLogPagesFromAfter() throws {
        let client = ServiceClient()
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)  // 18 callbacks: 12 app delegate, 6 root view controller
        // facts §9.1: saving state now includes the root's encodeRestorableState(with:): 6, was 5;
        // issue #38: the app-switcher snapshot's layout pass adds 2 (quirk snapshotLayoutPass).
        client.act(id, #"{"type":"background"}"#)  // 8
        let all = client.send("GET", "/v1/sessions/\(id)/callbacks")
        #expect(all.status == 200)
        let seqs = (all.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int }
        #expect(seqs == Array(1...26))
        #expect(all.json["next"] as? Int == 26)
        #expect(all.json["dropped"] as? Int == 0)
        let page = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("after", "10"), ("limit", "3")])
        #expect((page.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } == [11, 12, 13])
        #expect(page.json["next"] as? Int == 13)
        let end = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("after", "26")])
        #expect((end.json["callbacks"] as? [Any])?.isEmpty == true)
        #expect(end.json["next"] as? Int == 26)
    }

    @Test func logKeepsTheNewestMaxLogAndCountsTheDropped() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxLog: 10)))
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)  // seq 1-18
        // facts §9.1: the save adds the root's encodeRestorableState(with:); issue #38: the
        // snapshot's layout pass two more (quirk snapshotLayoutPass), so seq 19-26 (was 19-23).
        client.act(id, #"{"type":"background"}"#)  // seq 19-26
        let r = client.send("GET", "/v1/sessions/\(id)/callbacks")
        #expect((r.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } == Array(17...26))
        #expect(r.json["dropped"] as? Int == 16)
        #expect(r.json["total"] as? Int == 26)
        let methods = (r.json["callbacks"] as? [[String: Any]])?.compactMap { $0["method"] as? String }
        #expect(methods?.last == "application(_:supportedInterfaceOrientationsFor:)")
        #expect(methods?[0] == "applicationDidBecomeActive(_:)")  // seq 17
        #expect(methods?[1] == "viewDidAppear(_:)")  // seq 18
        #expect(methods?[4] == "viewWillLayoutSubviews()")  // seq 21
        #expect(methods?[8] == "encodeRestorableState(with:)")  // seq 25
        let fromDropped = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("after", "2"), ("limit", "2")])
        #expect((fromDropped.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } == [17, 18])
    }

    @Test func listIsPaginatedInCreationOrder() throws {
        let client = ServiceClient()
        let ids = (0..<7).map { _ in client.create() }
        var seen: [String] = []
        var after = 0
        while true {
            let r = client.send("GET", "/v1/sessions", query: [("limit", "3"), ("after", String(after))])
            #expect(r.status == 200)
            let page = try #require(r.json["sessions"] as? [[String: Any]])
            #expect(page.count <= 3)
            seen += page.compactMap { $0["id"] as? String }
            #expect(page.allSatisfy { ($0["state"] as? [String: Any])?["app"] as? String == "notRunning" })
            guard let next = r.json["next"] as? Int else { break }
            after = next
        }
        #expect(seen == ids)
    }

    @Test func sessionLimitIs503WithRetryAfter() {
        let client = ServiceClient(Service(limits: ServiceLimits(maxSessions: 2)))
        let a = client.create()
        let b = client.create()
        let r = client.send("POST", "/v1/sessions", #"{"lifecycle":"app"}"#)
        #expect(r.status == 503)
        #expect(r.response.headerValue("Retry-After") == "1")
        #expect(r.contentType == "application/problem+json")
        #expect(client.service.sessionCount == 2)
        client.send("DELETE", "/v1/sessions/\(a)")
        #expect(client.send("POST", "/v1/sessions", #"{"lifecycle":"app"}"#).status == 201)
        #expect(client.send("GET", "/v1/sessions/\(b)").status == 200)
    }

    @Test func idleSessionsExpireAfterTheTTL() {
        let now = Atomic<UInt64>(1_000)
        let service = Service(limits: ServiceLimits(sessionTTL: 60), clock: { now.load(ordering: .relaxed) })
        let client = ServiceClient(service)
        let kept = client.create()
        let idle = client.create()
        now.add(50_000_000_000, ordering: .relaxed)  // +50 s
        #expect(client.send("GET", "/v1/sessions/\(kept)").status == 200)  // touch
        now.add(20_000_000_000, ordering: .relaxed)  // +70 s for idle, +20 s for kept
        #expect(client.send("GET", "/v1/sessions/\(idle)").status == 404)
        #expect(client.send("GET", "/v1/sessions/\(kept)").status == 200)
        now.add(61_000_000_000, ordering: .relaxed)
        service.sweepExpiredSessions()
        #expect(service.sessionCount == 0)
    }

    @Test func simulateRunsOnAThrowawaySession() throws {
        let client = ServiceClient()
        let r = client.send(
            "POST", "/v1/simulate",
            #"{"session":{"lifecycle":"app","iosVersion":"11.0"},"actions":[{"type":"launch"},{"type":"background"},{"type":"launch"}]}"#
        )
        #expect(r.status == 200)
        let steps = try #require(r.json["steps"] as? [[String: Any]])
        #expect(steps.count == 3)
        #expect(
            steps[2].calls == [
                "applicationWillEnterForeground(_:) [background]", "applicationDidBecomeActive(_:) [active]",
            ])
        // 12 + 6 (root) + 3 (no restoration) + 2 (the snapshot's layout pass, issue #38)
        #expect((steps[2]["callbacks"] as? [[String: Any]])?.first?["seq"] as? Int == 24)
        #expect((r.json["state"] as? [String: Any])?["app"] as? String == "active")
        #expect(client.service.sessionCount == 0)
    }

    @Test func simulateNamesTheFailingStep() {
        let client = ServiceClient()
        let conflict = client.send(
            "POST", "/v1/simulate", #"{"session":{"lifecycle":"app"},"actions":[{"type":"launch"},{"type":"launch"}]}"#)
        #expect(conflict.status == 409)
        #expect(conflict.json["step"] as? Int == 1)
        #expect((conflict.json["detail"] as? String)?.hasPrefix("step 1:") == true)
        let invalid = client.send(
            "POST", "/v1/simulate", #"{"session":{"lifecycle":"app"},"actions":[{"type":"launch"},{"type":"openURL"}]}"#
        )
        #expect(invalid.status == 400)
        #expect(invalid.json["step"] as? Int == 1)
        #expect(invalid.json["field"] as? String == "actions[1].url")
        let badConfig = client.send("POST", "/v1/simulate", #"{"session":{"device":"tv"},"actions":[]}"#)
        #expect(badConfig.json["field"] as? String == "session.device")
        let noActions = client.send("POST", "/v1/simulate", #"{"session":{"lifecycle":"app"}}"#)
        #expect(noActions.json["field"] as? String == "actions")
        let many = Array(repeating: #"{"type":"memoryWarning"}"#, count: Service.maxSimulateActions + 1).joined(
            separator: ",")
        let tooMany = client.send("POST", "/v1/simulate", #"{"actions":[\#(many)]}"#)
        #expect(tooMany.status == 400)
        #expect(tooMany.json["field"] as? String == "actions")
        let extra = client.send("POST", "/v1/simulate", #"{"session":{"lifecycle":"app"},"actions":[],"x":1}"#)
        #expect(extra.json["field"] as? String == "x")
    }

    @Test func concurrentActionsOnOneSessionKeepSeqContiguous() async throws {
        let client = ServiceClient()
        let id = client.create(#"{"lifecycle":"app","iosVersion":"13.0"}"#)
        client.act(id, #"{"type":"launch"}"#)
        // Many tasks hammer one session with openURL (always allowed while active);
        // each action's callbacks must be one contiguous run, never interleaved.
        let runs = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var mine: [Int] = []
                    for _ in 0..<200 {
                        let r = client.act(id, #"{"type":"openURL","url":"x://y"}"#)
                        let seqs = (r.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } ?? []
                        mine += seqs
                    }
                    return mine
                }
            }
            var all: [Int] = []
            for await r in group { all += r }
            return all
        }
        // willFinish, didFinish, didBecomeActive on iOS 13, and the root view controller's
        // loadView, viewDidLoad, viewWillAppear, viewIsAppearing, two layout calls, viewDidAppear.
        let firstLaunch = 3 + 7
        #expect(runs.sorted() == Array((firstLaunch + 1)...(firstLaunch + 1600)))
        let log = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")])
        #expect((log.json["callbacks"] as? [Any])?.count == firstLaunch + 1600)
    }

    /// Issue #20's lent observer memory under contention (`make tsan` runs this suite):
    /// tasks send Home and launch to one observed session, so about half are refused by
    /// the state another task left (a refusal hands the lent memory back), while others
    /// read the session (a copy of its state shares the memory, so the next action copies
    /// it). The lenses' memory stays whole: over the whole log, React Native's `change`
    /// never repeats a state and MAUI's Activated and Deactivated alternate.
    @Test func concurrentActionsAndReadsKeepAnObservedSessionsLensesWhole() async throws {
        let client = ServiceClient()
        let id = client.create(
            #"{"lifecycle":"app","iosVersion":"13.0","observers":["notifications","reactNative","flutter","capacitor","cordova","maui","composeMultiplatform"]}"#
        )
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let statuses = await withTaskGroup(of: [Int].self) { group in
            for task in 0..<6 {
                group.addTask {
                    var seen: [Int] = []
                    for i in 0..<120 {
                        if task < 4 {
                            let action = (i + task) % 2 == 0 ? #"{"type":"background"}"# : #"{"type":"launch"}"#
                            seen.append(client.act(id, action).status)
                        } else {
                            seen.append(client.send("GET", "/v1/sessions/\(id)").status)
                        }
                    }
                    return seen
                }
            }
            var all: [Int] = []
            for await s in group { all += s }
            return all
        }
        #expect(Set(statuses).isSubset(of: [200, 409]), "\(Set(statuses))")
        #expect(statuses.contains(409) && statuses.filter { $0 == 200 }.count > 240)
        let log = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")])
        let callbacks = log.json["callbacks"] as? [[String: Any]] ?? []
        #expect(callbacks.count > 1000)
        var reactNative: [String] = []
        var maui: [String] = []
        for c in callbacks {
            switch c["receiver"] as? String {
            case "reactNative": reactNative.append((c["args"] as? [String: Any])?["state"] as? String ?? "?")
            case "maui":
                if let m = c["method"] as? String, m == "Activated" || m == "Deactivated" { maui.append(m) }
            default: break
            }
        }
        #expect(reactNative.count > 100 && maui.count > 100)
        #expect(zip(reactNative, reactNative.dropFirst()).allSatisfy { $0 != $1 }, "React Native repeated a state")
        #expect(zip(maui, maui.dropFirst()).allSatisfy { $0 != $1 }, "MAUI's Activated/Deactivated did not alternate")
    }
}
