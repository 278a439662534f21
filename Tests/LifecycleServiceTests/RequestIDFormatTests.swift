import ServiceHTTP
import Testing

@testable import LifecycleService

/// A generated request id is the process prefix, a dash and the counter in hex.
@Suite struct RequestIDFormatTests {
    @Test func prefixDashCounter() throws {
        let g = RequestIDGenerator()
        let ids = (0..<40).map { _ in g.generate() }
        let prefix = try #require(ids.first?.split(separator: "-").first)
        #expect(prefix.count == 8)
        for (i, id) in ids.enumerated() {
            #expect(id == "\(prefix)-\(String(i + 1, radix: 16))")
        }
    }

    /// The header is found in any ASCII case, as `ServiceRequest.headerValue` finds it,
    /// and a name of the same length that differs is not taken for it.
    @Test(arguments: [
        ("X-Request-Id", true), ("x-request-id", true), ("X-REQUEST-ID", true), ("x-ReQuEsT-iD", true),
        ("X-Request-Ie", false), ("X\rRequest-Id", false), ("Content-Type", false), ("X-Request-I", false),
        ("X-Request-Idd", false), ("X-Requést-Id", false),
    ])
    func sentIDNameMatching(_ name: String, _ found: Bool) {
        let request = ServiceRequest(
            method: "GET", path: "/", headers: [("Host", "x"), (name, "client-id-1"), ("Content-Length", "0")])
        #expect((RequestIDGenerator.sentID(request) == "client-id-1") == found)
        #expect((request.headerValue("X-Request-Id") == "client-id-1") == found)
    }
}
