import Foundation

// Sessions, actions and the log: the routes under /v1/sessions (openapi.yaml).
extension LifecycledClient {
    /// `GET /healthz`: true when the server answers `{"status":"ok"}`.
    public func health() async throws -> Bool {
        let answer: JSONValue = try await call("GET", "/healthz")
        return answer["status"] == "ok"
    }

    /// `POST /v1/sessions`: a new session (a simulated app, not yet running).
    public func createSession(_ config: SessionConfig = SessionConfig()) async throws -> SessionInfo {
        try await call("POST", "/v1/sessions", body: config)
    }

    /// `PUT /v1/sessions/{id}`: creates the session with your id (a UUID), or answers
    /// it when it exists with the same config; another config throws `session-exists`.
    public func putSession(_ id: String, _ config: SessionConfig = SessionConfig()) async throws -> SessionInfo {
        try await call("PUT", "/v1/sessions/\(id)", body: config)
    }

    /// `GET /v1/sessions/{id}`: the config, the state and the actions possible now.
    public func getSession(_ id: String) async throws -> SessionInfo {
        try await call("GET", "/v1/sessions/\(id)")
    }

    /// `GET /v1/sessions`: one page of live sessions, oldest first, created after the
    /// cursor `after` (the previous page's `next`).
    public func listSessions(after: Int? = nil, limit: Int? = nil) async throws -> SessionPage {
        var query: [(String, String)] = []
        if let after { query.append(("after", String(after))) }
        if let limit { query.append(("limit", String(limit))) }
        return try await call("GET", "/v1/sessions", query: query)
    }

    /// Every live session, oldest first (every page of `listSessions`).
    public func allSessions(pageSize: Int = 100) async throws -> [SessionInfo] {
        var sessions: [SessionInfo] = []
        var after: Int? = nil
        repeat {
            let page = try await listSessions(after: after, limit: pageSize)
            sessions += page.sessions
            after = page.next
        } while after != nil
        return sessions
    }

    /// `DELETE /v1/sessions/{id}`.
    public func deleteSession(_ id: String) async throws {
        _ = try await send("DELETE", "/v1/sessions/\(id)")
    }

    /// `DELETE /v1/sessions`: forgets every session on the server (not only yours).
    public func reset() async throws {
        _ = try await send("DELETE", "/v1/sessions")
    }

    /// `POST /v1/sessions/{id}/actions` with one action: its callbacks and the state after it.
    /// A refusal throws `LifecycledError.problem` with `needs` and `allowedActions`.
    public func act(_ action: Action, in id: String) async throws -> ActionResult {
        try await call("POST", "/v1/sessions/\(id)/actions", body: action)
    }

    /// `POST /v1/sessions/{id}/actions` with an array: applies the actions in order,
    /// all or nothing (a refused one throws with `step`, its index, and changes nothing).
    public func batch(_ actions: [Action], in id: String) async throws -> BatchResult {
        try await call("POST", "/v1/sessions/\(id)/actions", body: actions)
    }

    /// The `moveTo` action: the shortest plain-action path to app state `app` (and a
    /// scene in `scene`); the result's `path` lists the actions taken.
    public func moveTo(_ app: AppState, scene: SceneState? = nil, in id: String) async throws -> ActionResult {
        try await act(.moveTo(app, scene: scene), in: id)
    }

    /// `GET /v1/sessions/{id}/callbacks`: the callbacks with `seq` above `after`, at most `limit`.
    public func callbacks(of id: String, after: Int = 0, limit: Int? = nil) async throws -> CallbackPage {
        var query = [("after", String(after))]
        if let limit { query.append(("limit", String(limit))) }
        return try await call("GET", "/v1/sessions/\(id)/callbacks", query: query)
    }

    /// `GET /v1/sessions/{id}/journal`: the config and every accepted action, for `replay(_:)`.
    public func journal(of id: String) async throws -> Journal {
        try await call("GET", "/v1/sessions/\(id)/journal")
    }

    /// A new session from a journal: the same config, then its actions as one batch;
    /// its log and state equal the journaled session's when the journal was read.
    public func replay(_ journal: Journal) async throws -> SessionInfo {
        let session = try await createSession(journal.config)
        guard !journal.actions.isEmpty else { return session }
        _ = try await batch(journal.actions, in: session.id)
        return try await getSession(session.id)
    }

    /// `GET /openapi.yaml`: the contract the server was built with.
    public func openAPI() async throws -> String {
        String(decoding: try await send("GET", "/openapi.yaml").body, as: UTF8.self)
    }
}
