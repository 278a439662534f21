/// An action's JSON members (or a lens's options'), as the service reads them from a
/// request.
///
/// The service conforms with its own reader, error type and messages for a member of
/// the wrong JSON type; each action's `decode` (each lens's `options`) says which
/// members it takes, what they mean, and adds its own checks through
/// `invalid(_:_:)`. So the model decodes them without knowing HTTP.
public protocol ActionFields {
    associatedtype Failure: Error
    /// The member's full name for messages, e.g. `actions[2].url`.
    func field(_ name: String) -> String
    subscript(name: String) -> JSONValue? { get }
    func string(_ name: String) throws(Failure) -> String?
    /// A number within `range`; `what` describes it when it is not.
    func number(_ name: String, in range: ClosedRange<Double>, what: String) throws(Failure) -> Double?
    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, what: String) throws(Failure) -> Int?
    /// A string that must be one of an enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) throws(Failure) -> E?
    where E.RawValue == String
    /// A required member; `hint` says what to send.
    func require<T>(_ name: String, _ value: T?, hint: String) throws(Failure) -> T
    /// A member the action cannot take, with what is wrong (a 400 naming the field).
    func invalid(_ field: String, _ detail: String) -> Failure
}

/// Limits on action members.
public enum ActionLimits {
    /// The longest `advanceTime` step (a year).
    public static let maxSeconds = 31_536_000.0
    /// The longest scene id, background-task name or shortcut type, in Unicode scalars.
    public static let maxNameLength = 256
    /// The longest URL.
    public static let maxURLLength = 2048
}

/// Members several actions share.
extension ActionFields {
    /// A view controller's name (1 to 100 characters).
    func controllerName() throws(Failure) -> String {
        let name = try require("name", string("name"), hint: "the view controller's name, e.g. \"detail\"")
        guard !name.isEmpty, Text.length(name) <= SessionConfig.maxNameLength else {
            throw invalid(field("name"), "name must be 1 to \(SessionConfig.maxNameLength) characters")
        }
        return name
    }

    /// A lens's host view controller (`observerOptions.<channel>.hostController`), a
    /// name as `rootViewController` is one; nil when unset.
    func hostController() throws(Failure) -> String? {
        let member = field("hostController")
        guard let name = try string("hostController") else { return nil }
        guard !name.isEmpty, Text.length(name) <= SessionConfig.maxNameLength else {
            throw invalid(
                member, "\(member) must be a view-controller name of 1 to \(SessionConfig.maxNameLength) characters")
        }
        return name
    }

    /// An optional scene id (`scene-1`, …); absent means the scene the user saw last.
    func sceneId() throws(Failure) -> String? {
        guard let id = try string("sceneId") else { return nil }
        guard !id.isEmpty, Text.length(id) <= ActionLimits.maxNameLength else {
            throw invalid(field("sceneId"), "sceneId must be a scene's id, e.g. \"scene-1\" (see state.scenes)")
        }
        return id
    }

    /// An optional BGTaskScheduler identifier (1 to 256 characters); absent means the
    /// config's first task of the kind. `tasks` says which of the config's lists it names.
    func taskIdentifier(of tasks: String) throws(Failure) -> String? {
        guard let identifier = try string("identifier") else { return nil }
        guard !identifier.isEmpty, Text.length(identifier) <= ActionLimits.maxNameLength else {
            throw invalid(
                field("identifier"),
                "identifier must be one of the config's \(tasks) identifiers (1 to \(ActionLimits.maxNameLength) characters), or absent for the first"
            )
        }
        return identifier
    }

    /// A notification's APNs payload object.
    func payload() throws(Failure) -> JSONValue {
        let example = #"the APNs payload object, e.g. {"aps":{"alert":"Hi"}}"#
        let payload = try require("payload", self["payload"], hint: example)
        guard payload.isObject else { throw invalid(field("payload"), "payload must be \(example)") }
        return payload
    }
}

/// Text checks on members.
enum Text {
    /// Limits count Unicode scalars (what a URL or name is made of), never grapheme
    /// clusters, which a run of combining marks would shrink to one.
    static func length(_ s: String) -> Int { s.unicodeScalars.count }
    static func hasWhitespace(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.isWhitespace } }

    /// RFC 3986 scheme: a letter, then letters, digits, `+`, `-`, `.`. Read as bytes:
    /// a combining mark after the `:` must not hide it inside a grapheme cluster.
    static func scheme(of url: String) -> String? {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
        let scheme = bytes[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard let first = scheme.first, isLetter(first),
            scheme.allSatisfy({
                isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "+")
                    || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
            })
        else { return nil }
        return String(decoding: scheme, as: UTF8.self).lowercased()
    }
}

extension JSONValue {
    /// A number as the service writes seconds: integral values without a fraction.
    static func seconds(_ d: Double) -> JSONValue {
        .number(d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d))
    }
}
