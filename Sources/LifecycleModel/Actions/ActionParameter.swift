/// A member an action takes besides `type`, with what a client offers for it: the
/// playground (`GET /`) builds its inputs from these, so a new kind's members show
/// there without a second table.
public struct ActionParameter: Sendable, Equatable {
    /// How a client asks for the value.
    public enum Input: Sendable, Equatable {
        /// Free text, starting from an example.
        case text(example: String)
        /// A number, starting from an example.
        case number(example: String)
        /// A JSON object, starting from an example.
        case json(example: String)
        /// One of these values; the first is the one offered.
        case choice([String])
        /// One of the session's scenes (absent: the one the user saw last).
        case scene
        /// The id of a running background task.
        case task
    }

    /// The JSON member's name.
    public var name: String
    public var input: Input

    public init(name: String, input: Input) {
        self.name = name
        self.input = input
    }

    static func text(_ name: String, example: String) -> ActionParameter {
        ActionParameter(name: name, input: .text(example: example))
    }

    static func number(_ name: String, example: String) -> ActionParameter {
        ActionParameter(name: name, input: .number(example: example))
    }

    static func json(_ name: String, example: String) -> ActionParameter {
        ActionParameter(name: name, input: .json(example: example))
    }

    /// One of an enumeration's raw values, `first` (else the first case) offered first.
    static func choice<E: CaseIterable & RawRepresentable & Equatable>(
        _ name: String, _: E.Type, first: E? = nil
    ) -> ActionParameter where E.RawValue == String {
        let all = Array(E.allCases)
        let ordered = first.map { f in [f] + all.filter { $0 != f } } ?? all
        return ActionParameter(name: name, input: .choice(ordered.map(\.rawValue)))
    }

    /// The optional `sceneId` several actions share.
    static let sceneId = ActionParameter(name: "sceneId", input: .scene)
}
