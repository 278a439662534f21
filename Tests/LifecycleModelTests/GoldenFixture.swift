import Foundation
import LifecycleModel

/// Seed 001's call orders (Tests/Fixtures/seed-001-ios11-app.json), read with Foundation.
struct GoldenFixture {
    struct Expected: Equatable, CustomStringConvertible {
        var method: String
        var appState: String
        var description: String { "\(method) [\(appState)]" }
    }

    /// What a case says of launchOptions.
    enum LaunchOptions: Sendable {
        case notChecked
        /// Launched with none: `null`.
        case none
        /// Keys (and values) both will- and didFinishLaunching must carry.
        case containing(JSONValue)
    }

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var setup: [JSONValue]
        var action: JSONValue
        var launchOptions: LaunchOptions
        var expect: [Expected]
        var description: String { name }

        init(_ json: [String: Any]) {
            name = json["name"] as? String ?? "?"
            setup = (json["setup"] as? [Any] ?? []).map(jsonValue)
            action = jsonValue(json["action"] as Any)
            switch json["launchOptions"] {
            case is NSNull: launchOptions = .none
            case let object as [String: Any]: launchOptions = .containing(jsonValue(object))
            default: launchOptions = .notChecked
            }
            expect = (json["expect"] as? [[String: Any]] ?? []).map {
                Expected(method: $0["method"] as? String ?? "", appState: $0["appState"] as? String ?? "")
            }
        }
    }

    let session: [String: Any]
    let cases: [Case]

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seed-001-ios11-app.json")

    static func load() throws -> GoldenFixture {
        let data = try Data(contentsOf: url)
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return GoldenFixture(
            session: root["session"] as? [String: Any] ?? [:],
            cases: (root["cases"] as? [[String: Any]] ?? []).map(Case.init))
    }

    static let cases: [Case] = (try? load().cases) ?? []
}

/// Converts Foundation JSON into the model's values (test-side only).
func jsonValue(_ any: Any) -> JSONValue {
    switch any {
    case let d as [String: Any]: .object(d.keys.sorted().map { JSONMember($0, jsonValue(d[$0] as Any)) })
    case let a as [Any]: .array(a.map(jsonValue))
    case let s as String: .string(s)
    case let n as NSNumber where String(cString: n.objCType) == "c": .bool(n.boolValue)
    case let n as NSNumber: .number(n.stringValue)
    default: .null
    }
}

/// Builds a model action from the fixture's action object.
func action(_ json: JSONValue) -> Action? {
    switch json["type"]?.stringValue {
    case "launch": .launch
    case "background": .background
    case "openURL": json["url"]?.stringValue.map { .openURL(url: $0) }
    case "openUniversalLink": json["url"]?.stringValue.map { .openUniversalLink(url: $0) }
    case "tapNotification": json["payload"].map { .tapNotification(payload: $0) }
    case "terminate": json["by"]?.stringValue.flatMap(TerminationCause.init(rawValue:)).map { .terminate(by: $0) }
    default: nil
    }
}
