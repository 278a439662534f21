import Foundation
import Testing

/// `POST /v1/explain` over real HTTP (issue #21): a pasted log, the text format, a
/// divergence, bad input and a body beyond the limit; the server stays healthy.
@Suite struct LiveExplainTests {
    static let log = """
        2017-10-03 10:00:00.1 AppLaunchSequence[511:90210] -[AppDelegate application:willFinishLaunchingWithOptions:]
        2017-10-03 10:00:00.2 AppLaunchSequence[511:90210] -[AppDelegate application:didFinishLaunchingWithOptions:]
        2017-10-03 10:00:00.3 AppLaunchSequence[511:90210] -[AppDelegate applicationDidBecomeActive:]
        2017-10-03 10:00:04.0 AppLaunchSequence[511:90210] -[AppDelegate applicationWillResignActive:]
        2017-10-03 10:00:04.4 AppLaunchSequence[511:90210] -[AppDelegate applicationDidEnterBackground:]
        2017-10-03 10:00:09.0 AppLaunchSequence[511:90210] -[AppDelegate application:openURL:options:] url=seed://x
        2017-10-03 10:00:09.1 AppLaunchSequence[511:90210] -[AppDelegate applicationDidBecomeActive:]
        """

    private func body(_ log: String, config: String = #"{"lifecycle":"app","iosVersion":"11.0"}"#) -> String {
        #"{"config":\#(config),"log":\#(jsonText(log))}"#
    }

    @Test func aPastedLogIsExplainedOverHTTP() throws {
        let live = try LiveService()
        let r = try live.send("POST", "/v1/explain", body(Self.log))
        #expect(r.status == 200, "\(r.text)")
        #expect(r.json["explained"] as? Bool == true)
        let actions = r.json["actions"] as? [[String: Any]] ?? []
        // The link arrives while the app is in the background: an openURL with the URL of the log.
        #expect(actions.map { $0["type"] as? String ?? "?" } == ["launch", "background", "openURL"])
        #expect(actions.last?["url"] as? String == "seed://x")
        let text = try live.send("POST", "/v1/explain?format=text", body(Self.log))
        #expect(text.status == 200 && text.text.contains("# step 2: openURL"), "\(text.text.prefix(400))")
    }

    /// A log cut in the middle of an action is not explained: it diverges at its end,
    /// where UIKit goes on.
    @Test func aLogCutShortDivergesAtItsEnd() throws {
        let live = try LiveService()
        let cut = Self.log.split(separator: "\n").dropLast().joined(separator: "\n")
        let r = try live.send("POST", "/v1/explain", body(cut))
        #expect(r.json["explained"] as? Bool == false)
        let d = r.json["divergence"] as? [String: Any]
        #expect(d?["index"] as? Int == 6 && d?["observed"] is NSNull, "\(r.text.prefix(300))")
        let expected = (d?["expected"] as? [[String: Any]])?.first
        #expect(expected?["method"] as? String == "applicationDidBecomeActive(_:)")
        #expect(expected?["action"] as? String == "openURL url=seed://x")
    }

    @Test func divergenceBadInputAndTheLimit() throws {
        let live = try LiveService(maxBody: 4096)
        // Finishing launching before starting to: no sequence does that, from any state.
        let swapped = try live.send(
            "POST", "/v1/explain",
            body(
                "application(_:didFinishLaunchingWithOptions:)\napplication(_:willFinishLaunchingWithOptions:)",
                config: #"{"lifecycle":"app"}"#))
        #expect(swapped.status == 200, "\(swapped.text)")
        let d = swapped.json["divergence"] as? [String: Any]
        #expect(d?["index"] as? Int == 0 && d?["line"] as? Int == 1)
        let bad = try live.send("POST", "/v1/explain", #"{"callbacks":[{"receiver":"appDelegate"}]}"#)
        #expect(bad.status == 400 && bad.json["field"] as? String == "callbacks[0].method", "\(bad.text)")
        let huge = try live.send("POST", "/v1/explain", body(String(repeating: "viewDidLoad()\n", count: 400)))
        #expect(huge.status == 413, "\(huge.text.prefix(200))")
        #expect(try live.send("GET", "/healthz").status == 200)
    }
}
