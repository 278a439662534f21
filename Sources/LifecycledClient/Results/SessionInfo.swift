/// A session: its resolved config, its state and what is possible now
/// (openapi.yaml `Session`, and `SessionSummary` in a list, which has no `allowedActions`).
public struct SessionInfo: Decodable, Hashable, Sendable {
    /// The session's id (a lowercase UUID), for the other calls.
    public var id: String
    /// The resolved config: every field set.
    public var config: SessionConfig
    public var state: State
    /// The newest callback's `seq`.
    public var callbackCount: Int
    /// The action types possible now; empty in a listed session.
    public var allowedActions: [String]
    /// Of those, the types only partly possible (some values of their member), with the
    /// values possible now, e.g. `["terminate": ["by": ["system"]]]` on a locked device.
    public var allowedVariants: [String: [String: [String]]]

    private enum CodingKeys: String, CodingKey {
        case id, config, state, callbackCount, allowedActions, allowedVariants
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        config = try c.decode(SessionConfig.self, forKey: .config)
        state = try c.decode(State.self, forKey: .state)
        callbackCount = try c.decode(Int.self, forKey: .callbackCount)
        allowedActions = try c.decodeIfPresent([String].self, forKey: .allowedActions) ?? []
        allowedVariants = try c.decodeIfPresent([String: [String: [String]]].self, forKey: .allowedVariants) ?? [:]
    }
}

/// One page of `GET /v1/sessions` (openapi.yaml `SessionList`).
public struct SessionPage: Decodable, Hashable, Sendable {
    public var sessions: [SessionInfo]
    /// The cursor of the next page (pass it as `after`); nil on the last page.
    public var next: Int?
}

/// One page of a session's log (openapi.yaml `CallbackPage`).
public struct CallbackPage: Decodable, Hashable, Sendable {
    public var callbacks: [Callback]
    /// Pass as `after` to read on.
    public var next: Int
    /// Callbacks no longer kept (the oldest ones).
    public var dropped: Int
    /// The newest callback's `seq`.
    public var total: Int
}

/// A session's resolved config and every action it accepted (openapi.yaml `Journal`);
/// `LifecycledClient.replay(_:)` makes a new session with the same log and state.
public struct Journal: Codable, Hashable, Sendable {
    public var config: SessionConfig
    public var actions: [Action]
    /// False only when the journal outgrew its bound and `actions` is a prefix.
    public var complete: Bool
}
