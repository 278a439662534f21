import Foundation

// Runs on sessions that are not kept: simulate, and the model explored (paths,
// coverage, diff), openapi.yaml's `simulate` and `explore` tags.
extension LifecycledClient {
    private struct SimulateRequest: Encodable {
        var session: SessionConfig?
        var actions: [Action]
    }

    private struct PathsRequest: Encodable {
        var config: SessionConfig?
        var from: [Action]?
        var to: StateTarget
    }

    private struct CoverageRequest: Encodable {
        var config: SessionConfig?
        var bounds: ExplorationBounds?
    }

    private struct ExplainRequest: Encodable {
        var config: SessionConfig?
        var from: [Action]?
        var log: String?
        var callbacks: [LogEntry]?
        var maxActions: Int?
    }

    private struct DiffRequest: Encodable {
        var configs: [SessionConfig]
        var actions: [Action]
    }

    /// How `simulateTrace` and `pathsTrace` draw a run.
    public enum TraceFormat: String, Sendable {
        case text, mermaid, plantuml
    }

    /// `POST /v1/simulate`: runs `actions` on a fresh session of `config` that is not kept.
    public func simulate(_ actions: [Action], config: SessionConfig? = nil) async throws -> SimulateResult {
        try await call("POST", "/v1/simulate", body: SimulateRequest(session: config, actions: actions))
    }

    /// `POST /v1/simulate?format=…`: the same run drawn as text, Mermaid or PlantUML.
    public func simulateTrace(
        _ actions: [Action], config: SessionConfig? = nil, format: TraceFormat = .text
    ) async throws -> String {
        let body = try JSONEncoder().encode(SimulateRequest(session: config, actions: actions))
        let response = try await send("POST", "/v1/simulate", query: [("format", format.rawValue)], body: body)
        return String(decoding: response.body, as: UTF8.self)
    }

    /// `POST /v1/paths`: the shortest plain-action sequence from a fresh install of
    /// `config` (after `from`) to `to`; a state no sequence reaches throws a 409 problem.
    public func paths(
        to target: StateTarget, config: SessionConfig? = nil, from: [Action]? = nil
    ) async throws -> PathsResult {
        try await call("POST", "/v1/paths", body: PathsRequest(config: config, from: from, to: target))
    }

    /// `POST /v1/coverage`: action sequences that together take every transition
    /// reachable from a fresh install of `config` within `bounds`.
    public func coverage(config: SessionConfig? = nil, bounds: ExplorationBounds? = nil) async throws
        -> CoverageResult
    {
        try await call("POST", "/v1/coverage", body: CoverageRequest(config: config, bounds: bounds))
    }

    /// `POST /v1/diff`: `actions` on a fresh session of each config, callbacks aligned per step.
    public func diff(_ first: SessionConfig, _ second: SessionConfig, actions: [Action]) async throws -> DiffResult {
        try await call("POST", "/v1/diff", body: DiffRequest(configs: [first, second], actions: actions))
    }

    /// `POST /v1/explain`: the user actions behind a pasted text log (one callback a
    /// line; timestamps, prefixes, tags, Swift or Objective-C spellings all read).
    public func explain(
        log: String, config: SessionConfig? = nil, from: [Action]? = nil, maxActions: Int? = nil
    ) async throws -> Explanation {
        try await call(
            "POST", "/v1/explain",
            body: ExplainRequest(config: config, from: from, log: log, callbacks: nil, maxActions: maxActions))
    }

    /// `POST /v1/explain` with the log as entries (method, receiver, view controller, args).
    public func explain(
        _ entries: [LogEntry], config: SessionConfig? = nil, from: [Action]? = nil, maxActions: Int? = nil
    ) async throws -> Explanation {
        try await call(
            "POST", "/v1/explain",
            body: ExplainRequest(config: config, from: from, log: nil, callbacks: entries, maxActions: maxActions))
    }
}
