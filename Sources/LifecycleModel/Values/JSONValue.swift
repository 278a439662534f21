/// A JSON value, as the model needs it for payloads and callback arguments.
///
/// Objects keep their members in the order given, so a notification payload comes
/// back exactly as it was sent. Numbers keep their JSON text (`1` stays `1`, not
/// `1.0`); `doubleValue` reads them when the model needs arithmetic.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's JSON text, already checked to be a valid JSON number.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// Builds an object from key/value pairs, in order.
    public static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember($0.key, $0.value) })
    }

    /// The value of a member, if this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    public var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
