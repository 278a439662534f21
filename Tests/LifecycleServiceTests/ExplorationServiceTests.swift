import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// `POST /v1/paths`, `/v1/coverage`, `/v1/diff` and the `moveTo` action through the service.
@Suite struct ExplorationServiceTests {
    let client = ServiceClient()

    private func types(_ actions: Any?) -> [String] {
        (actions as? [[String: Any]] ?? []).map { $0["type"] as? String ?? "?" }
    }

    @Test func pathsAnswersTheActionsAndTheirResults() {
        let r = client.send("POST", "/v1/paths", #"{"config":{"iosVersion":"17.0"},"to":{"app":"suspended"}}"#)
        #expect(r.status == 200, "\(r.text)")
        #expect(types(r.json["actions"]) == ["launch", "background", "advanceTime"])
        let steps = r.json["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 3)
        #expect((r.json["state"] as? [String: Any])?["app"] as? String == "suspended")
        // The same as simulating the actions.
        let actions =
            (try? JSONSerialization.data(withJSONObject: r.json["actions"] ?? [])).map {
                String(decoding: $0, as: UTF8.self)
            } ?? "[]"
        let sim = client.send("POST", "/v1/simulate", #"{"session":{"iosVersion":"17.0"},"actions":\#(actions)}"#)
        #expect((sim.json["steps"] as? [[String: Any]])?.map(\.calls) == steps.map(\.calls))
    }

    @Test func pathsStartsAfterFromAndSaysWhyWhenUnreachable() {
        let r = client.send(
            "POST", "/v1/paths",
            #"{"config":{"lifecycle":"app","iosVersion":"11.0"},"from":[{"type":"launch"}],"to":{"app":"active"}}"#)
        #expect(r.status == 200)
        #expect(types(r.json["actions"]).isEmpty)
        let no = client.send(
            "POST", "/v1/paths",
            #"{"config":{"iosVersion":"17.0"},"to":{"app":"background","scene":"foregroundActive"}}"#)
        #expect(no.status == 409)
        #expect(no.json["action"] as? String == "moveTo")
        #expect((no.json["needs"] as? String)?.contains("with app background the scenes can be") == true)
        let sceneless = client.send(
            "POST", "/v1/paths",
            #"{"config":{"lifecycle":"app","iosVersion":"12.0"},"to":{"app":"active","scene":"foregroundActive"}}"#)
        #expect(sceneless.status == 409)
        let badFrom = client.send("POST", "/v1/paths", #"{"from":[{"type":"unlock"}],"to":{"app":"active"}}"#)
        #expect(badFrom.status == 409 && badFrom.json["step"] as? Int == 0)
        let badTarget = client.send("POST", "/v1/paths", #"{"to":{"app":"asleep"}}"#)
        #expect(badTarget.status == 400 && badTarget.json["field"] as? String == "to.app")
        #expect(client.send("POST", "/v1/paths", #"{}"#).status == 400)
        #expect(client.send("GET", "/v1/paths").status == 405)
        let text = client.send("POST", "/v1/paths", #"{"to":{"app":"background"}}"#, query: [("format", "text")])
        #expect(text.status == 200 && text.text.contains("# step 1: background"))
    }

    /// Issue #14: replay every sequence on the service; none is refused, and together
    /// they take as many distinct transitions as the response counts.
    @Test(arguments: [#"{"iosVersion":"17.0"}"#, #"{"lifecycle":"app","iosVersion":"11.0"}"#])
    func coverageSequencesReplayWithoutARefusal(_ config: String) throws {
        let r = client.send("POST", "/v1/coverage", #"{"config":\#(config)}"#)
        #expect(r.status == 200, "\(r.text)")
        let transitions = try #require(r.json["transitions"] as? Int)
        #expect(r.json["covered"] as? Int == transitions)
        #expect(transitions > 1000)
        let sequences = try #require(r.json["sequences"] as? [[Any]])
        #expect(!sequences.isEmpty && sequences.count < transitions / 20)
        var total = 0
        for sequence in sequences {
            total += sequence.count
            let body = try JSONSerialization.data(withJSONObject: [
                "session": try JSONSerialization.jsonObject(with: Data(config.utf8)), "actions": sequence,
            ])
            let replay = client.send("POST", "/v1/simulate", String(decoding: body, as: UTF8.self))
            #expect(replay.status == 200, "\(replay.text.prefix(300))")
        }
        #expect(r.json["actions"] as? Int == total)
        #expect((r.json["bounds"] as? [String: Any])?["depth"] as? Int == 2)
    }

    /// Issue #22: the coverage of an iOS 17 app takes the background-time kill (a task
    /// still running a second after the limit, facts §9.2): replayed, some step ends
    /// the process by backgroundTimeExpired, and it is a wait for the next event.
    @Test func coverageOnIOS17ReachesTheBackgroundTimeKill() throws {
        let config = #"{"iosVersion":"17.0"}"#
        let r = client.send("POST", "/v1/coverage", #"{"config":\#(config)}"#)
        #expect(r.status == 200, "\(r.text.prefix(300))")
        var kills: [[String: Any]] = []
        for sequence in try #require(r.json["sequences"] as? [[Any]]) {
            let body = try JSONSerialization.data(withJSONObject: [
                "session": try JSONSerialization.jsonObject(with: Data(config.utf8)), "actions": sequence,
            ])
            let replay = client.send("POST", "/v1/simulate", String(decoding: body, as: UTF8.self))
            var wasRunning = false
            for step in replay.json["steps"] as? [[String: Any]] ?? [] {
                let state = step["state"] as? [String: Any] ?? [:]
                let reason = (state["lastTermination"] as? [String: Any])?["reason"] as? String
                if wasRunning, state["app"] as? String == "notRunning", reason == "backgroundTimeExpired" {
                    kills.append(step["action"] as? [String: Any] ?? [:])
                }
                wasRunning = state["app"] as? String != "notRunning"
            }
        }
        #expect(!kills.isEmpty, "no coverage step ends the process by backgroundTimeExpired")
        #expect(kills.allSatisfy { $0["type"] as? String == "advanceTime" })
    }

    @Test func coverageBoundsAreCheckedAndCapped() {
        let small = client.send(
            "POST", "/v1/coverage", #"{"config":{"iosVersion":"17.0"},"bounds":{"scenes":1,"tasks":0,"depth":0}}"#)
        let standard = client.send("POST", "/v1/coverage", #"{"config":{"iosVersion":"17.0"}}"#)
        #expect((small.json["states"] as? Int ?? 0) < (standard.json["states"] as? Int ?? 0))
        let deep = client.send("POST", "/v1/coverage", #"{"bounds":{"depth":4}}"#)
        #expect(deep.status == 400 && deep.json["field"] as? String == "bounds.depth")
        let unknown = client.send("POST", "/v1/coverage", #"{"bounds":{"windows":1}}"#)
        #expect(unknown.status == 400)
        let iPad = client.send(
            "POST", "/v1/coverage", #"{"config":{"device":"ipad","supportsMultipleScenes":true},"bounds":{"scenes":2}}"#
        )
        #expect(iPad.status == 400 && iPad.json["field"] as? String == "bounds.scenes", "\(iPad.text.prefix(200))")
        let oneWindow = client.send(
            "POST", "/v1/coverage",
            #"{"config":{"device":"ipad","supportsMultipleScenes":true},"bounds":{"tasks":0,"depth":0}}"#)
        #expect(
            oneWindow.status == 200 && (oneWindow.json["bounds"] as? [String: Any])?["scenes"] as? Int == 1,
            "\(oneWindow.text.prefix(200))")
    }

    @Test func diffAlignsTheTwoSequences() throws {
        let body =
            #"{"configs":[{"lifecycle":"app","iosVersion":"12.0"},{"iosVersion":"17.0"}],"actions":[{"type":"openURL","url":"myapp://item/42"},{"type":"interruptionBegan","kind":"call"},{"type":"unlock"}]}"#
        let r = client.send("POST", "/v1/diff", body)
        #expect(r.status == 200, "\(r.text)")
        let steps = try #require(r.json["steps"] as? [[String: Any]])
        #expect(steps.count == 3)
        let rows = try #require(steps[0]["alignment"] as? [[String: Any]])
        // Each side, read back from the alignment, is that config's own run.
        let first = rows.compactMap { $0["first"] as? [String: Any] }.map { $0["method"] as? String ?? "" }
        let second = rows.compactMap { $0["second"] as? [String: Any] }.map { $0["method"] as? String ?? "" }
        let a = client.send(
            "POST", "/v1/simulate",
            #"{"session":{"lifecycle":"app","iosVersion":"12.0"},"actions":[{"type":"openURL","url":"myapp://item/42"}]}"#
        )
        let b = client.send(
            "POST", "/v1/simulate",
            #"{"session":{"iosVersion":"17.0"},"actions":[{"type":"openURL","url":"myapp://item/42"}]}"#)
        let methods = { (r: ServiceClient.Reply) in
            ((r.json["steps"] as? [[String: Any]])?.first?["callbacks"] as? [[String: Any]] ?? []).map {
                $0["method"] as? String ?? ""
            }
        }
        #expect(first == methods(a) && second == methods(b))
        // Same rows agree on receiver and method; the scene delegate is second only.
        for row in rows where row["op"] as? String == "same" {
            let (f, s) = (row["first"] as? [String: Any] ?? [:], row["second"] as? [String: Any] ?? [:])
            #expect(
                f["method"] as? String == s["method"] as? String && f["receiver"] as? String == s["receiver"] as? String
            )
        }
        #expect(
            rows.contains {
                $0["op"] as? String == "second"
                    && ($0["second"] as? [String: Any])?["receiver"] as? String == "sceneDelegate"
            })
        #expect(
            rows.contains {
                $0["op"] as? String == "first"
                    && ($0["first"] as? [String: Any])?["method"] as? String == "application(_:open:options:)"
            })
        // unlock is refused by both (the device is not locked): nothing changes there.
        let outcomes = try #require(steps[2]["outcomes"] as? [[String: Any]])
        #expect(outcomes.allSatisfy { $0["refused"] is String })
        let summary = try #require(r.json["summary"] as? [String: Any])
        #expect((summary["same"] as? Int ?? 0) > 0 && (summary["secondOnly"] as? Int ?? 0) > 0)

        let text = client.send("POST", "/v1/diff", body, query: [("format", "text")])
        #expect(text.status == 200 && text.contentType?.hasPrefix("text/plain") == true)
        #expect(text.text.contains("# step 0: openURL url=myapp://item/42"))
        #expect(text.text.contains("+  sceneDelegate"))
        #expect(text.text.contains("(refused by the first"))
        #expect(client.send("POST", "/v1/diff", body, query: [("format", "mermaid")]).status == 400)
        #expect(client.send("POST", "/v1/diff", #"{"configs":[{}],"actions":[]}"#).status == 400)
    }

    @Test func moveToListsItsPathAndIsNeverOffered() throws {
        let id = client.create(#"{"iosVersion":"17.0"}"#)
        let r = client.act(id, #"{"type":"moveTo","app":"suspended"}"#)
        #expect(r.status == 200, "\(r.text)")
        let path = try #require(r.json["path"] as? [[String: Any]])
        #expect(
            path.map { ($0["action"] as? [String: Any])?["type"] as? String ?? "" } == [
                "launch", "background", "advanceTime",
            ])
        #expect(path.map { $0["callbackCount"] as? Int ?? -1 }.reduce(0, +) == (r.json["callbacks"] as? [Any])?.count)
        #expect((r.json["state"] as? [String: Any])?["app"] as? String == "suspended")
        let session = client.send("GET", "/v1/sessions/\(id)").json
        #expect((session["allowedActions"] as? [String])?.contains("moveTo") == false)
        #expect(session["callbackCount"] as? Int == (r.json["callbacks"] as? [Any])?.count)
        let no = client.act(id, #"{"type":"moveTo","app":"notRunning","scene":"foregroundActive"}"#)
        #expect(no.status == 409 && no.json["action"] as? String == "moveTo")
        #expect(client.act(id, #"{"type":"moveTo"}"#).status == 400)
        // Other actions have no path member.
        #expect(client.act(id, #"{"type":"launch"}"#).json["path"] == nil)
    }
}
