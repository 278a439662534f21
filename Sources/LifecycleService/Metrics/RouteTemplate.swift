/// The route templates requests are counted under: one label per resource, never the
/// raw path (ids would make the label set unbounded).
enum RouteTemplate: Int, CaseIterable {
    case playground, health, readiness, metrics, sessions, session, actions, callbacks, simulate, journal, openapi,
        diff, paths, coverage, explain, other

    var label: String {
        switch self {
        case .playground: "/"
        case .health: "/healthz"
        case .readiness: "/readyz"
        case .metrics: "/metrics"
        case .sessions: "/v1/sessions"
        case .session: "/v1/sessions/{id}"
        case .actions: "/v1/sessions/{id}/actions"
        case .callbacks: "/v1/sessions/{id}/callbacks"
        case .simulate: "/v1/simulate"
        case .journal: "/v1/sessions/{id}/journal"
        case .openapi: "/openapi.yaml"
        case .diff: "/v1/diff"
        case .paths: "/v1/paths"
        case .coverage: "/v1/coverage"
        case .explain: "/v1/explain"
        case .other: "other"
        }
    }

    init(_ route: Route?) {
        switch route {
        case .playground: self = .playground
        case .health: self = .health
        case .readiness: self = .readiness
        case .metrics: self = .metrics
        case .sessions: self = .sessions
        case .session, .unknownSession: self = .session
        case .actions: self = .actions
        case .callbacks: self = .callbacks
        case .simulate: self = .simulate
        case .journal: self = .journal
        case .openapi: self = .openapi
        case .diff: self = .diff
        case .paths: self = .paths
        case .coverage: self = .coverage
        case .explain: self = .explain
        case nil: self = .other
        }
    }
}
