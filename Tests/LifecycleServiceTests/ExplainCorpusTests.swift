import Foundation
import Testing

@testable import LifecycleService

/// The explain corpus (Tests/Fixtures/explain; sources in docs/sources.md, "Pasted
/// logs"): lifecycle logs that developers printed on devices and posted in public, kept
/// as posted, each a test through `POST /v1/explain` with the config a first-time user
/// would send. `cases.json` says what the poster did:
///
/// - high and medium confidence: explained with the action types of one of the user's
///   lists, or with a story as short that lists the user's among its `alternatives`;
/// - prose (the app's own words): a 400 that says what to write;
/// - low: the answer recorded in `accept` (an explanation a reader accepts, or an honest
///   divergence at an entry), never a bound.
@Suite struct ExplainCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var log: String
        var confidence: String
        var config: String
        var startsInRunningApp: Bool
        var userActions: [[String]]
        var sameLength: [[String]]
        var acceptActions: [String]?
        var acceptDivergesAt: Int?

        var testDescription: String { "\(log) (\(confidence))" }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/explain")

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("cases.json")),
            let items = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return items.map { item in
            let accept = item["accept"] as? [String: Any]
            let config =
                (try? JSONSerialization.data(withJSONObject: item["config"] ?? [:], options: [.sortedKeys]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return Case(
                log: item["log"] as? String ?? "", confidence: item["confidence"] as? String ?? "",
                config: config, startsInRunningApp: item["startsInRunningApp"] as? Bool ?? false,
                userActions: item["userActions"] as? [[String]] ?? [],
                sameLength: item["sameLength"] as? [[String]] ?? [],
                acceptActions: accept?["actions"] as? [String], acceptDivergesAt: accept?["divergesAt"] as? Int)
        }
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 21)
        #expect(Set(Self.cases.map(\.confidence)) == ["high", "medium", "low", "prose"])
    }

    private func types(_ actions: Any?) -> [String] {
        (actions as? [[String: Any]] ?? []).map { $0["type"] as? String ?? "?" }
    }

    @Test(arguments: cases)
    func eachLogIsAnsweredAsItsCaseSays(_ c: Case) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(c.log), encoding: .utf8)
        let body = try JSONSerialization.data(withJSONObject: ["log": text])
        let request = #"{"config":\#(c.config),"# + String(decoding: body, as: UTF8.self).dropFirst()
        let r = ServiceClient().send("POST", "/v1/explain", request)
        if c.confidence == "prose" {
            #expect(r.status == 400, "\(r.text.prefix(400))")
            #expect(r.json["field"] as? String == "log")
            let detail = r.json["detail"] as? String ?? ""
            #expect(detail.contains("write"), "\(detail)")
            #expect(!(r.json["unreadLines"] as? [[String: Any]] ?? []).isEmpty, "\(r.text.prefix(600))")
            return
        }
        #expect(r.status == 200, "\(r.text.prefix(400))")
        // No corpus log runs into a bound: every answer is an explanation or a divergence.
        #expect(r.json["reason"] is NSNull, "\(r.text.prefix(400))")
        let explained = r.json["explained"] as? Bool == true
        let answer = types(r.json["actions"])
        let alternatives = (r.json["alternatives"] as? [Any] ?? []).map(types)
        let divergence = r.json["divergence"] as? [String: Any]
        switch c.confidence {
        case "high", "medium":
            #expect(explained, "\(r.text.prefix(600))")
            let asUser = c.userActions.contains(answer)
            #expect(
                asUser || c.userActions.contains(where: alternatives.contains),
                "answer \(answer), alternatives \(alternatives), user \(c.userActions)")
            if c.sameLength.contains(answer) {
                #expect(c.userActions.contains(where: alternatives.contains), "\(alternatives)")
            }
            if c.startsInRunningApp {
                let assumed = types((r.json["assumed"] as? [String: Any])?["from"])
                #expect(assumed.count > 0, "\(r.text.prefix(600))")
            }
        default:
            if let accepted = c.acceptActions {
                #expect(explained && answer == accepted, "\(answer) \(r.text.prefix(400))")
            }
            if let index = c.acceptDivergesAt {
                #expect(!explained && divergence?["index"] as? Int == index, "\(r.text.prefix(600))")
                let expected = divergence?["expected"] as? [Any] ?? []
                #expect(expected.count > 0)
            }
        }
    }
}
