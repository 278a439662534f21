import LifecycleModel

/// Reads a request body as JSON whatever its Content-Type (contract: `curl -d` must work).
func parseBody(_ body: [UInt8], expecting what: String, example: String) throws(Problem) -> JSONValue {
    guard !body.isEmpty else {
        throw Problem(kind: .invalidJSON, detail: "the body is empty; send \(what), e.g. \(example)")
    }
    do {
        return try JSONParser.parse(body)
    } catch {
        throw Problem(
            kind: .invalidJSON,
            detail:
                "the body is not valid JSON: \(error.message) at byte \(error.offset); send \(what), e.g. \(example)"
        )
        .with("offset", .number(String(error.offset)))
    }
}

/// A JSON object's members, checked against the names a request may use.
///
/// Unknown names are a 400 (contract: "almost always a typo"); each getter names the
/// field (with its path, e.g. `actions[2].url`) and the expected type when it is wrong.
struct ObjectReader {
    let members: [JSONMember]
    let path: String

    /// `value` must be an object whose member names are all in `known`.
    init(_ value: JSONValue, path: String, what: String, known: [String]) throws(Problem) {
        guard case .object(let members) = value else {
            throw Problem.invalidField(
                path.isEmpty ? "(body)" : path, "\(path.isEmpty ? "the body" : path) must be \(what) (a JSON object)")
        }
        for m in members where !known.contains(m.key) {
            let name = path.isEmpty ? m.key : "\(path).\(m.key)"
            throw Problem.invalidField(
                name, "unknown field \"\(m.key)\" in \(what); known fields: \(known.joined(separator: ", "))",
                allowed: known
            )
            .suggesting(m.key, among: known)
        }
        self.members = members
        self.path = path
    }

    func field(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    subscript(name: String) -> JSONValue? { members.first { $0.key == name }?.value }

    func string(_ name: String) throws(Problem) -> String? {
        guard let v = self[name] else { return nil }
        guard case .string(let s) = v else {
            throw Problem.invalidField(field(name), "\(field(name)) must be a string")
        }
        return s
    }

    func bool(_ name: String) throws(Problem) -> Bool? {
        guard let v = self[name] else { return nil }
        guard case .bool(let b) = v else {
            throw Problem.invalidField(field(name), "\(field(name)) must be true or false", allowed: ["true", "false"])
        }
        return b
    }

    /// A number within `range`.
    func number(_ name: String, in range: ClosedRange<Double>, what: String) throws(Problem) -> Double? {
        guard let v = self[name] else { return nil }
        guard let d = v.doubleValue, d.isFinite, range.contains(d) else {
            throw Problem.invalidField(field(name), "\(field(name)) must be \(what)")
        }
        return d
    }

    /// A whole number within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>, what: String) throws(Problem) -> Int? {
        guard let v = self[name] else { return nil }
        // Int(exactly:), not Int(_:): Double(Int.max) is 2^63, one past Int.max, and Int(2^63) traps.
        guard let d = v.doubleValue, let n = Int(exactly: d), range.contains(n) else {
            throw Problem.invalidField(field(name), "\(field(name)) must be \(what)")
        }
        return n
    }

    /// A string that must be one of an enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) throws(Problem) -> E?
    where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        guard let v = self[name] else { return nil }
        guard case .string(let s) = v, let e = E(rawValue: s) else {
            let p = Problem.invalidField(
                field(name), "\(field(name)) must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))",
                allowed: allowed)
            if case .string(let s) = v { throw p.suggesting(s, among: allowed) }
            throw p
        }
        return e
    }

    /// A required member.
    func require<T>(_ name: String, _ value: T?, hint: String) throws(Problem) -> T {
        guard let value else { throw Problem.invalidField(field(name), "\(field(name)) is required: \(hint)") }
        return value
    }
}
