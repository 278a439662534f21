import Foundation
import Testing

@testable import LifecycleService

/// Route(path:) matches on bytes (issue #10); these pin what it answers at the edges.
@Suite struct RouteMatchingTests {
    static let id = UUID(uuidString: "6F1C2B9E-3D4A-4F0B-9A53-2C7E8D1F0A42")!
    static let text = "6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42"

    @Test(arguments: [
        ("/", Route.playground),
        ("/healthz", Route.health),
        ("/readyz", .readiness),
        ("/metrics", .metrics),
        ("/v1/sessions", .sessions),
        ("/v1/simulate", .simulate),
        ("/v1/sessions/\(text)", .session(id)),
        ("/v1/sessions/\(text.uppercased())", .session(id)),
        ("/v1/sessions/\(text)/actions", .actions(id)),
        ("/v1/sessions/\(text)/callbacks", .callbacks(id)),
        ("/v1/sessions/\(text)/journal", .journal(id)),
        ("/v1/sessions/nope/journal", .unknownSession("nope")),
        ("/openapi.yaml", .openapi),
        ("/v1/sessions/nope", .unknownSession("nope")),
        ("/v1/sessions/é", .unknownSession("é")),
        ("/v1/sessions/nope/actions", .unknownSession("nope")),
        ("/v1/sessions//actions", .unknownSession("")),
        ("/v1/sessions//callbacks", .unknownSession("")),
    ])
    func matches(_ path: String, _ route: Route) {
        #expect(Route(path: path) == route)
    }

    @Test(arguments: [
        "", "healthz", "/healthz/", "/healthzz", "/v1", "/v1/", "/v1/sessions/", "/v1/sessionsx",
        "/v1/simulate/", "//v1/sessions", "/v1/sessions/\(text)/", "/v1/sessions/\(text)/actions/",
        "/v1/sessions/\(text)/action", "/v1/sessions/\(text)/journals", "/openapi.yml", "/openapi.yaml/",
        "/v1/sessions/a/b/c", "/V1/sessions",
    ])
    func rejects(_ path: String) {
        #expect(Route(path: path) == nil)
    }
}
