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
}
