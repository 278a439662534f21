import LifecycleModel

/// Action JSON (contract, "Action object") → `Action`: the `type`, then the kind's own
/// decoding (Actions/Kinds/ in the model) over the request's members.
enum ActionDecoding {
    static let example = #"{"type":"launch"}"#

    static func decode(_ value: JSONValue, path: String = "") throws(Problem) -> Action {
        let allowedTypes = ActionKind.allCases.map(\.rawValue)
        let typeField = path.isEmpty ? "type" : "\(path).type"
        guard case .object = value else {
            throw Problem.invalidField(
                path.isEmpty ? "(body)" : path, "an action must be a JSON object, e.g. \(example)")
        }
        guard let typeValue = value["type"] else {
            throw Problem.invalidField(
                typeField, "\(typeField) is required: one of \(allowedTypes.joined(separator: ", "))",
                allowed: allowedTypes)
        }
        guard case .string(let typeName) = typeValue, let kind = ActionKind(rawValue: typeName) else {
            let p = Problem.invalidField(
                typeField,
                "unknown action type \(describe(typeValue)); send one of \(allowedTypes.joined(separator: ", "))",
                allowed: allowedTypes)
            if case .string(let s) = typeValue { throw p.suggestingActionType(s, among: allowedTypes) }
            throw p
        }
        let r = try ObjectReader(value, path: path, what: "a \(typeName) action", known: ["type"] + kind.parameters)
        return try kind.decode(r)
    }

    /// A member the session's config rules out (a BGTask identifier it does not
    /// register, `ActionDefinition.check`): a 400 naming `path.member`, like any bad
    /// member, before anything is applied.
    static func check(_ action: Action, against config: SessionConfig, path: String = "") throws(Problem) {
        guard let bad = action.kind.check(action, against: config) else { return }
        throw problem(bad, path: path)
    }

    /// `check` for every step of a run (`actions[i]`, `from[i]`): the first bad one's
    /// 400 with `step: i`, as its decoding would have reported it (`atStep` for the
    /// steps of a batch or simulate run, whose details start "step i: "). The path is
    /// only spelled out for a bad one (an interpolation per step cost more than the check).
    static func check(_ actions: [Action], against config: SessionConfig, field: String) throws(Problem) {
        for (i, action) in actions.enumerated() {
            guard let bad = action.kind.check(action, against: config) else { continue }
            let p = problem(bad, path: "\(field)[\(i)]")
            throw field == "actions" ? p.atStep(i) : p.with("step", .number(String(i)))
        }
    }

    private static func problem(_ bad: InvalidMember, path: String) -> Problem {
        let field = path.isEmpty ? bad.member : "\(path).\(bad.member)"
        return Problem.invalidField(field, "\(field) \(bad.reason)", allowed: bad.allowed)
    }

    private static func describe(_ v: JSONValue) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return "(not a string)"
    }
}

/// The request's reader is where the model's action decoders read their members.
extension ObjectReader: ActionFields {
    func invalid(_ field: String, _ detail: String) -> Problem { Problem.invalidField(field, detail) }
}
