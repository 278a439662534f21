/// One action: `{"type": "<kind>", …parameters}` (openapi.yaml `Action`).
///
/// Build one with a constructor (`.launch`, `.openURL("myapp://x")`,
/// `.push("detail")`, …) or with `Action(type:parameters:)` for any kind and any
/// parameter, including ones this client does not name yet.
public struct Action: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The kind, e.g. `launch` (openapi.yaml `ActionType`).
    public var type: String
    /// The members besides `type`.
    public var parameters: [String: JSONValue]

    public init(type: String, parameters: [String: JSONValue] = [:]) {
        self.type = type
        self.parameters = parameters
    }

    /// The parameter `name`, if the action has it.
    public subscript(name: String) -> JSONValue? {
        get { parameters[name] }
        set { parameters[name] = newValue }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        type = try container.decode(String.self, forKey: Key(stringValue: "type"))
        var parameters: [String: JSONValue] = [:]
        for key in container.allKeys where key.stringValue != "type" {
            parameters[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.parameters = parameters
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(type, forKey: Key(stringValue: "type"))
        for (name, value) in parameters where name != "type" {
            try container.encode(value, forKey: Key(stringValue: name))
        }
    }

    public var description: String {
        guard !parameters.isEmpty else { return type }
        let members = parameters.keys.sorted().map { "\($0): \(parameters[$0] ?? .null)" }
        return "\(type)(\(members.joined(separator: ", ")))"
    }
}
