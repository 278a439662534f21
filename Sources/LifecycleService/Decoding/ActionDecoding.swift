import LifecycleModel

/// Action JSON (API.md, "Action object") → `Action`.
enum ActionDecoding {
    static let example = #"{"type":"launch"}"#

    /// The members each action type takes besides `type`.
    static func parameters(of kind: ActionKind) -> [String] {
        switch kind {
        case .launch, .background, .lock, .unlock, .memoryWarning, .backgroundFetch, .locationEvent: []
        case .openURL, .openUniversalLink: ["url"]
        case .tapNotification, .receiveNotification: ["payload"]
        case .terminate: ["by"]
        case .interruptionBegan: ["kind"]
        case .interruptionEnded: ["outcome"]
        case .quickAction: ["shortcutType"]
        case .beginBackgroundTask: ["name"]
        case .endBackgroundTask: ["id"]
        case .advanceTime: ["seconds"]
        case .openScene: ["by"]
        case .activateScene, .closeScene, .disconnectScene: ["sceneId"]
        case .push: ["name", "sceneId"]
        case .pop, .dismiss, .cancelInteractivePop: ["sceneId"]
        case .present: ["name", "style", "sceneId"]
        }
    }

    /// The longest `advanceTime` step (a year), and names.
    static let maxSeconds = 31_536_000.0
    static let maxNameLength = 256

    static func decode(_ value: JSONValue, path: String = "") throws(Problem) -> Action {
        let allowedTypes = ActionKind.allCases.map(\.rawValue)
        let typeField = path.isEmpty ? "type" : "\(path).type"
        guard case .object = value else {
            throw Problem.invalidField(path.isEmpty ? "(body)" : path, "an action must be a JSON object, e.g. \(example)")
        }
        guard let typeValue = value["type"] else {
            throw Problem.invalidField(typeField, "\(typeField) is required: one of \(allowedTypes.joined(separator: ", "))", allowed: allowedTypes)
        }
        guard case .string(let typeName) = typeValue, let kind = ActionKind(rawValue: typeName) else {
            throw Problem.invalidField(typeField, "unknown action type \(describe(typeValue)); send one of \(allowedTypes.joined(separator: ", "))", allowed: allowedTypes)
        }
        let r = try ObjectReader(value, path: path, what: "a \(typeName) action", known: ["type"] + parameters(of: kind))
        switch kind {
        case .launch: return .launch
        case .background: return .background
        case .openURL:
            let url = try r.require("url", r.string("url"), hint: "a custom-scheme URL such as \"myapp://path\"")
            try checkCustomSchemeURL(url, field: r.field("url"))
            return .openURL(url: url)
        case .openUniversalLink:
            let url = try r.require("url", r.string("url"), hint: "an https URL such as \"https://example.com/path\"")
            try checkUniversalLink(url, field: r.field("url"))
            return .openUniversalLink(url: url)
        case .tapNotification:
            return .tapNotification(payload: try payload(r))
        case .receiveNotification:
            return .receiveNotification(payload: try payload(r))
        case .interruptionBegan:
            return .interruptionBegan(kind: try r.require("kind", r.choice("kind", InterruptionKind.self),
                                                          hint: "what covers the app: \(InterruptionKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        case .interruptionEnded:
            return .interruptionEnded(outcome: try r.require("outcome", r.choice("outcome", InterruptionOutcome.self),
                                                             hint: "\"resume\" (back to the app) or \"leave\" (the user went elsewhere)"))
        case .lock: return .lock
        case .unlock: return .unlock
        case .memoryWarning: return .memoryWarning
        case .backgroundFetch: return .backgroundFetch
        case .locationEvent: return .locationEvent
        case .quickAction:
            let type = try r.require("shortcutType", r.string("shortcutType"), hint: "the UIApplicationShortcutItem type, e.g. \"com.example.search\"")
            guard !type.isEmpty, length(type) <= maxNameLength else {
                throw Problem.invalidField(r.field("shortcutType"), "shortcutType must be 1 to \(maxNameLength) characters")
            }
            return .quickAction(shortcutType: type)
        case .beginBackgroundTask:
            let name = try r.string("name")
            if let name, length(name) > maxNameLength {
                throw Problem.invalidField(r.field("name"), "name must be at most \(maxNameLength) characters")
            }
            return .beginBackgroundTask(name: name)
        case .endBackgroundTask:
            return .endBackgroundTask(id: try r.require("id", r.integer("id", in: 1...Int(Int32.max), what: "a background task id (an integer from 1)"),
                                                        hint: "the id beginBackgroundTask gave (see state.backgroundTasks)"))
        case .advanceTime:
            let seconds = try r.require("seconds", r.number("seconds", in: 0...maxSeconds, what: "a number of seconds from 0 to \(Int(maxSeconds))"),
                                        hint: "how much virtual time passes, e.g. 10")
            return .advanceTime(seconds: seconds)
        case .openScene:
            return .openScene(by: try r.require("by", r.choice("by", SceneRequester.self),
                                                hint: "\"user\" (the scene comes to the foreground) or \"system\" (it connects in the background)"))
        case .activateScene:
            return .activateScene(sceneId: try sceneId(r))
        case .closeScene:
            return .closeScene(sceneId: try sceneId(r))
        case .disconnectScene:
            return .disconnectScene(sceneId: try sceneId(r))
        case .push:
            return .push(name: try controllerName(r), sceneId: try sceneId(r))
        case .pop:
            return .pop(sceneId: try sceneId(r))
        case .present:
            return .present(name: try controllerName(r), style: try r.choice("style", PresentationStyle.self), sceneId: try sceneId(r))
        case .dismiss:
            return .dismiss(sceneId: try sceneId(r))
        case .cancelInteractivePop:
            return .cancelInteractivePop(sceneId: try sceneId(r))
        case .terminate:
            let by = try r.require("by", r.choice("by", TerminationCause.self), hint: "\"user\" (swiped away in the app switcher) or \"system\"")
            return .terminate(by: by)
        }
    }

    /// A view controller's name (1 to 100 characters).
    private static func controllerName(_ r: ObjectReader) throws(Problem) -> String {
        let name = try r.require("name", r.string("name"), hint: "the view controller's name, e.g. \"detail\"")
        guard !name.isEmpty, length(name) <= SessionConfig.maxNameLength else {
            throw Problem.invalidField(r.field("name"), "name must be 1 to \(SessionConfig.maxNameLength) characters")
        }
        return name
    }

    /// An optional scene id (`scene-1`, …); absent means the scene the user saw last.
    private static func sceneId(_ r: ObjectReader) throws(Problem) -> String? {
        guard let id = try r.string("sceneId") else { return nil }
        guard !id.isEmpty, length(id) <= maxNameLength else {
            throw Problem.invalidField(r.field("sceneId"), "sceneId must be a scene's id, e.g. \"scene-1\" (see state.scenes)")
        }
        return id
    }

    private static func payload(_ r: ObjectReader) throws(Problem) -> JSONValue {
        let example = #"the APNs payload object, e.g. {"aps":{"alert":"Hi"}}"#
        let payload = try r.require("payload", r["payload"], hint: example)
        guard payload.isObject else { throw Problem.invalidField(r.field("payload"), "payload must be \(example)") }
        return payload
    }

    private static func describe(_ v: JSONValue) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return "(not a string)"
    }

    /// RFC 3986 scheme: a letter, then letters, digits, `+`, `-`, `.`. Read as bytes:
    /// a combining mark after the `:` must not hide it inside a grapheme cluster.
    private static func scheme(of url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let scheme = bytes[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first), scheme.allSatisfy({
            isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }) else { return nil }
        return String(decoding: scheme, as: UTF8.self).lowercased()
    }

    /// Limits count Unicode scalars (what a URL or name is made of), never grapheme
    /// clusters, which a run of combining marks would shrink to one.
    private static func length(_ s: String) -> Int { s.unicodeScalars.count }
    private static func hasWhitespace(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isWhitespace } }

    private static func checkCustomSchemeURL(_ url: String, field: String) throws(Problem) {
        guard let s = scheme(of: url), length(url) <= 2048, !hasWhitespace(url) else {
            throw Problem.invalidField(field, "\(field) must be a URL with a scheme, such as \"myapp://path\" (no spaces, at most 2048 characters)")
        }
        if s == "http" || s == "https" {
            throw Problem.invalidField(field, "\(field) is a web URL: a deep link uses the app's own scheme (\"myapp://path\"); send https links as openUniversalLink")
        }
    }

    private static func checkUniversalLink(_ url: String, field: String) throws(Problem) {
        guard scheme(of: url) == "https", url.utf8.dropFirst(5).starts(with: "://".utf8), length(url) > 8,
              length(url) <= 2048, !hasWhitespace(url) else {
            throw Problem.invalidField(field, "\(field) must be an https URL such as \"https://example.com/path\" (universal links are https); send custom schemes as openURL")
        }
    }
}
