import Foundation
import LifecycleModel
import ServiceHTTP
import Testing

@testable import LifecycleService

/// `POST /v1/explain` through the service, without sockets (issue #21).
@Suite struct ExplainServiceTests {
    let client = ServiceClient()

    private func types(_ actions: Any?) -> [String] {
        (actions as? [[String: Any]] ?? []).map { $0["type"] as? String ?? "?" }
    }

    private func body(_ members: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static let pasted = """
        2024-05-01 10:00:00.100 MyApp[812:4411] [Lifecycle] SceneDelegate scene(_:willConnectTo:options:)
        2024-05-01 10:00:00.130 MyApp[812:4411] [Lifecycle] SceneDelegate sceneWillEnterForeground(_:)
        2024-05-01 10:00:00.150 MyApp[812:4411] [Lifecycle] SceneDelegate sceneDidBecomeActive(_:)
        2024-05-01 10:00:03.000 MyApp[812:4411] [Net] request finished
        2024-05-01 10:00:09.200 MyApp[812:4411] [Lifecycle] -[SceneDelegate sceneWillResignActive:]
        2024-05-01 10:00:09.700 MyApp[812:4411] [Lifecycle] SceneDelegate sceneDidEnterBackground(_:)
        """

    @Test func aPastedLogIsExplainedWithEachStepAsSimulateGivesIt() throws {
        let r = client.send("POST", "/v1/explain", body(["config": ["iosVersion": "17.0"], "log": Self.pasted]))
        #expect(r.status == 200, "\(r.text)")
        #expect(r.json["explained"] as? Bool == true)
        #expect(types(r.json["actions"]) == ["launch", "background"])
        #expect(r.json["ignoredLines"] as? [Int] == [4])
        #expect(r.json["divergence"] is NSNull && r.json["reason"] is NSNull)
        #expect(r.json["entries"] as? Int == 5)
        #expect((r.json["nodesVisited"] as? Int ?? 0) > 0)
        // The steps are what /v1/simulate answers for the same actions.
        let actions = try JSONSerialization.data(withJSONObject: r.json["actions"] ?? [])
        let sim = client.send(
            "POST", "/v1/simulate",
            #"{"session":{"iosVersion":"17.0"},"actions":\#(String(decoding: actions, as: UTF8.self))}"#)
        let steps = r.json["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 2)
        #expect((sim.json["steps"] as? [[String: Any]])?.map(\.calls) == steps.map(\.calls))
        // format=text draws it.
        let text = client.send(
            "POST", "/v1/explain", body(["config": ["iosVersion": "17.0"], "log": Self.pasted]),
            query: [("format", "text")])
        #expect(text.status == 200 && text.text.contains("# step 1: background"), "\(text.text.prefix(600))")
    }

    @Test func callbacksObjectsAndFromAndADivergence() throws {
        // From a launched app: entering the background before resigning active.
        let r = client.send(
            "POST", "/v1/explain",
            body([
                "config": ["iosVersion": "17.0"], "from": [["type": "launch"]],
                "callbacks": [
                    ["method": "sceneDidEnterBackground(_:)", "receiver": "sceneDelegate"],
                    ["method": "sceneWillResignActive:"],
                ],
            ]))
        #expect(r.status == 200, "\(r.text)")
        #expect(r.json["explained"] as? Bool == false)
        let d = try #require(r.json["divergence"] as? [String: Any])
        #expect(d["index"] as? Int == 0)
        #expect((d["observed"] as? [String: Any])?["method"] as? String == "sceneDidEnterBackground(_:)")
        #expect((d["observed"] as? [String: Any])?["receiver"] as? String == "sceneDelegate")
        let expected = d["expected"] as? [[String: Any]] ?? []
        #expect(expected.first?["method"] as? String == "sceneWillResignActive(_:)", "\(expected)")
        #expect(expected.first?["receiver"] as? String == "sceneDelegate")
        #expect(types(r.json["actions"]).isEmpty)
        // Every state within the bounds was tried, unwatched actions and all.
        #expect(r.json["reason"] is NSNull, "\(r.text)")
    }

    @Test func anUnknownMethodDivergesWithItsLineAndWhatUIKitWouldCall() throws {
        let log =
            "sceneWillEnterForeground(_:)\nsceneDidBecomeActive(_:)\nsceneDidTeleport(_:)\nsceneWillResignActive(_:)"
        let r = client.send("POST", "/v1/explain", body(["log": log]))
        #expect(r.status == 200, "\(r.text)")
        let d = try #require(r.json["divergence"] as? [String: Any])
        #expect(d["index"] as? Int == 2)
        #expect(d["line"] as? Int == 3)
        let expected = (d["expected"] as? [[String: Any]] ?? []).compactMap { $0["method"] as? String }
        #expect(expected.first == "sceneWillResignActive(_:)", "\(expected)")
        #expect(r.json["reason"] is NSNull)
    }

    @Test(arguments: [
        (#"{"config":{}}"#, "log"),
        (#"{"log":""}"#, "log"),
        (#"{"log":"nothing to see\nhere"}"#, "log"),
        (#"{"log":5}"#, "log"),
        (#"{"callbacks":[]}"#, "callbacks"),
        (#"{"callbacks":{"method":"x"}}"#, "callbacks"),
        (#"{"callbacks":[{"receiver":"appDelegate"}]}"#, "callbacks[0].method"),
        (#"{"callbacks":[{"method":7}]}"#, "callbacks[0].method"),
        (#"{"callbacks":[{"method":"viewDidLoad()","viewController":1}]}"#, "callbacks[0].viewController"),
        (#"{"callbacks":[{"method":"a()","extra":1}]}"#, "callbacks[0].extra"),
        (#"{"log":"viewDidLoad()","callbacks":[{"method":"viewDidLoad()"}]}"#, "callbacks"),
        (#"{"log":"viewDidLoad()","config":{"iosVersion":"9.0"}}"#, "config.iosVersion"),
        (#"{"log":"viewDidLoad()","from":[{"type":"fly"}]}"#, "from[0].type"),
        (#"{"log":"viewDidLoad()","maxActions":0}"#, "maxActions"),
        (#"{"log":"viewDidLoad()","maxActions":100000}"#, "maxActions"),
        (#"{"log":"viewDidLoad()","maxActions":"many"}"#, "maxActions"),
        (#"{"logs":"viewDidLoad()"}"#, "logs"),
    ])
    func badInputIsA400NamingTheField(_ body: String, _ field: String) {
        client.expectBadInput("POST", "/v1/explain", body, field: field)
    }

    @Test func fromThatIsRefusedIsA409AndTheServiceStaysHealthy() {
        let r = client.send("POST", "/v1/explain", #"{"from":[{"type":"unlock"}],"log":"viewDidLoad()"}"#)
        #expect(r.status == 409 && r.json["step"] as? Int == 0, "\(r.text)")
        #expect(client.send("POST", "/v1/explain", "not json").status == 400)
        #expect(client.send("GET", "/v1/explain").status == 405)
        #expect(client.send("GET", "/healthz").status == 200)
    }

    /// Issue #34's members: how much is explained, the other stories, what was assumed,
    /// nearby configs, and the lines that read as life-cycle words but are not read.
    @Test func theAnswerSaysWhatItAssumedAndWhatElseFits() throws {
        let log =
            "-- full launch --\n-[AppDelegate application:didFinishLaunchingWithOptions:]\n-[AppDelegate applicationDidBecomeActive:]\napplication Did Enter Background\n-[AppDelegate applicationDidBecomeActive:]"
        let r = client.send("POST", "/v1/explain", body(["config": ["iosVersion": "17.0"], "log": log]))
        #expect(r.status == 200, "\(r.text)")
        #expect(r.json["explained"] as? Bool == true)
        #expect(r.json["explainedEntries"] as? Int == 3)
        let assumed = try #require(r.json["assumed"] as? [String: Any])
        #expect((assumed["config"] as? [String: Any])?["lifecycle"] as? String == "app", "\(assumed)")
        #expect(types(assumed["from"]).isEmpty)
        #expect((assumed["detail"] as? String ?? "").contains("applicationDidBecomeActive"))
        let alternatives = (r.json["alternatives"] as? [Any] ?? []).map(types)
        #expect(alternatives.contains(["launch", "background", "launch"]), "\(alternatives)")
        #expect((r.json["hints"] as? [Any])?.isEmpty == true)
        let unread = try #require((r.json["unreadLines"] as? [[String: Any]])?.first)
        #expect(unread["line"] as? Int == 4 && unread["method"] as? String == "applicationDidEnterBackground(_:)")
        #expect(r.json["ignoredLines"] as? [Int] == [1, 4])
        // The steps replay under the assumed config.
        #expect((r.json["config"] as? [String: Any])?["lifecycle"] as? String == "app")
        #expect((r.json["steps"] as? [Any])?.count == 3)
    }

    /// The budget the service hands the search (`--search-steps`, issue #35): when it
    /// runs out, the reason names it and no line is called a divergence.
    @Test func aSpentBudgetIsTheReason() throws {
        let service = Service(limits: ServiceLimits(search: SearchLimits(steps: 40)))
        let request = ServiceRequest(
            method: "POST", path: "/v1/explain", query: [],
            body: Array(body(["config": ["iosVersion": "17.0"], "log": Self.pasted]).utf8))
        let response = service.handle(request)
        #expect(response.status == 200)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(json["explained"] as? Bool == false)
        #expect(json["divergence"] is NSNull)
        let reason = try #require(json["reason"] as? [String: Any])
        #expect(reason["bound"] as? String == "steps" && reason["limit"] as? Int == 40, "\(reason)")
        #expect(reason["explainedEntries"] as? Int == json["explainedEntries"] as? Int)
    }
}
