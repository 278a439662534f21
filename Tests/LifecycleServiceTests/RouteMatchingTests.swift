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
        ("/v1/explain", .explain),
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

    /// Every byte value in every position of an id: accepted exactly when the dashes are
    /// at 8, 13, 18 and 23 and hex digits (either case) elsewhere, then with Foundation's value.
    @Test func everyByteInEveryPosition() {
        let valid = Array(Self.text.utf8)
        let hex = Set("0123456789abcdefABCDEF".utf8)
        for position in valid.indices {
            for byte in UInt8.min...UInt8.max {
                var bytes = valid
                bytes[position] = byte
                let ours = bytes.withUnsafeBufferPointer { UUID(pathBytes: $0) }
                let wellFormed = bytes.indices.allSatisfy {
                    [8, 13, 18, 23].contains($0) ? bytes[$0] == UInt8(ascii: "-") : hex.contains(bytes[$0])
                }
                let expected = wellFormed ? UUID(uuidString: String(decoding: bytes, as: UTF8.self)) : nil
                #expect(ours == expected, "byte \(byte) at \(position)")
                if ours != expected { return }
            }
        }
    }
}
