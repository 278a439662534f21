import Foundation
import Testing

/// Every case of seed 001 over real HTTP: create, set up, act, compare.
@Suite struct LiveSeed001Tests {
    /// One case, kept as JSON text so it is Sendable.
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let setup: [String]
        let action: String
        /// The case's `launchOptions` as JSON text (absent: a string that says so).
        let launchOptions: String
        let expected: [String]
        var description: String { name }

        init(_ json: [String: Any]) {
            name = json["name"] as? String ?? "?"
            setup = (json["setup"] as? [Any] ?? []).map(jsonText)
            action = jsonText(json["action"] as Any)
            launchOptions = jsonText(json["launchOptions"] as Any)
            expected = (json["expect"] as? [[String: Any]] ?? [])
                .map { "\($0["method"] as? String ?? "") [\($0["appState"] as? String ?? "")]" }
        }
    }

    static func load() -> (session: String, cases: [Case]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seed-001-ios11-app.json")
        guard let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return ("", []) }
        return (jsonText(root["session"] as Any), (root["cases"] as? [[String: Any]] ?? []).map(Case.init))
    }

    static let session = load().session
    static let cases = load().cases

    @Test func allNineCasesAreLoaded() {
        #expect(Self.cases.count == 9)
    }

    @Test(arguments: cases)
    func overHTTP(_ golden: Case) throws {
        let live = try LiveService()
        let id = try live.create(Self.session)
        for step in golden.setup {
            #expect(try live.send("POST", "/v1/sessions/\(id)/actions", step).status == 200)
        }
        let r = try live.send(
            "POST", "/v1/sessions/\(id)/actions", golden.action,
            headers: [("Content-Type", "application/x-www-form-urlencoded")])  // as curl -d sends
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "application/json")
        let got = r.callbacks.filter { $0["receiver"] as? String == "appDelegate" }
            .map { "\($0["method"] as? String ?? "?") [\($0["appState"] as? String ?? "?")]" }
        #expect(got == golden.expected)

        // launchOptions: null, or an object carrying the listed keys, in both will- and didFinishLaunching.
        let launches = r.callbacks.filter { ($0["method"] as? String)?.contains("FinishLaunchingWithOptions") == true }
        switch try JSONSerialization.jsonObject(with: Data(golden.launchOptions.utf8), options: .fragmentsAllowed) {
        case is NSNull:
            #expect(launches.count == 2)
            #expect(launches.allSatisfy { ($0["args"] as? [String: Any])?["launchOptions"] is NSNull })
        case let expectedOptions as [String: Any]:
            #expect(launches.count == 2)
            for launch in launches {
                let options = try #require((launch["args"] as? [String: Any])?["launchOptions"] as? [String: Any])
                for (key, value) in expectedOptions {
                    #expect(contains(options[key], value), "\(key)")
                }
            }
        default:
            #expect(launches.isEmpty)
        }
    }

    /// `actual` has every member of `expected`, recursively.
    private func contains(_ actual: Any?, _ expected: Any) -> Bool {
        if let e = expected as? [String: Any] {
            guard let a = actual as? [String: Any] else { return false }
            return e.allSatisfy { contains(a[$0.key], $0.value) }
        }
        guard let actual else { return false }
        return jsonText(actual) == jsonText(expected)
    }
}
