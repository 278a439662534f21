/// An error the server answered: an RFC 9457 problem (`application/problem+json`,
/// openapi.yaml `Problem`). `type`, `title`, `status` and `detail` are always there;
/// the others only for the problems that carry them.
public struct Problem: Decodable, Hashable, Sendable, CustomStringConvertible {
    /// The type URN, e.g. `urn:lifecycled:problem:action-not-allowed`.
    public var type: String
    public var title: String
    public var status: Int
    /// What went wrong and what to send instead.
    public var detail: String
    /// The response's `X-Request-Id`: quote it when reporting a problem.
    public var requestId: String?
    /// 400 `invalid-field`: the field at fault, with its path (`actions[2].url`, `quirks.nope`).
    public var field: String?
    /// 400 `invalid-field`: the values (or member names) the field accepts.
    public var allowed: [String]?
    /// 400 `invalid-field`: the known name closest to a mistyped one.
    public var suggestion: String?
    /// 400 `invalid-json`: the byte offset of the syntax error.
    public var offset: Int?
    /// 409: the action type refused.
    public var action: String?
    /// 409: the app state the action was refused in.
    public var state: AppState?
    /// 409: what the action needs (a real device could not perform it now).
    public var needs: String?
    /// 409: the action types possible in the current state.
    public var allowedActions: [String]?
    /// 409: of the types in `allowedActions` whose variants are a member's values, those only
    /// partly possible, with the values possible now: `["terminate": ["by": ["system"]]]`.
    public var allowedVariants: [String: [String: [String]]]?
    /// Simulate and batches: the index (from 0) of the action at fault.
    public var step: Int?
    /// 413 `response-too-large` and 503: the limit reached.
    public var limit: Int?
    /// 409 `session-exists`: the session id.
    public var id: String?
    /// `Retry-After` on 503s, in seconds (from the response's header).
    public var retryAfter: Int?
    /// The whole body as sent.
    public var raw: JSONValue

    private enum CodingKeys: String, CodingKey {
        case type, title, status, detail, requestId, field, allowed, suggestion, offset
        case action, state, needs, allowedActions, allowedVariants, step, limit, id
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        status = try c.decodeIfPresent(Int.self, forKey: .status) ?? 0
        detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? ""
        requestId = try c.decodeIfPresent(String.self, forKey: .requestId)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        allowed = try c.decodeIfPresent([String].self, forKey: .allowed)
        suggestion = try c.decodeIfPresent(String.self, forKey: .suggestion)
        offset = try c.decodeIfPresent(Int.self, forKey: .offset)
        action = try c.decodeIfPresent(String.self, forKey: .action)
        state = try c.decodeIfPresent(AppState.self, forKey: .state)
        needs = try c.decodeIfPresent(String.self, forKey: .needs)
        allowedActions = try c.decodeIfPresent([String].self, forKey: .allowedActions)
        allowedVariants = try c.decodeIfPresent([String: [String: [String]]].self, forKey: .allowedVariants)
        step = try c.decodeIfPresent(Int.self, forKey: .step)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        raw = try JSONValue(from: decoder)
    }

    /// The problem for a non-problem error answer (a proxy's page, say).
    init(status: Int, body: String) {
        type = "about:blank"
        title = "HTTP \(status)"
        self.status = status
        detail = body
        raw = .null
    }

    /// The short name of the type, e.g. `action-not-allowed`.
    public var name: String {
        let prefix = "urn:lifecycled:problem:"
        return type.hasPrefix(prefix) ? String(type.dropFirst(prefix.count)) : type
    }

    /// Any member by its JSON name.
    public subscript(member: String) -> JSONValue? { raw[member] }

    public var description: String { "\(status) \(title): \(detail)" }
}
