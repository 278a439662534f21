import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// The budget's 503, which the bridge answers itself (before a body is read, or for a
/// GET whose answer does not fit), is a memory-budget-reached problem with its own
/// request id, like every other answer.
@Suite struct MemoryRefusalTests {
    @Test func theBridgesMemoryRefusalCarriesARequestId() throws {
        let service = Service(limits: ServiceLimits(maxMemory: 400_000))
        let first = service.memory.refusal
        let second = service.memory.refusal
        #expect(first.status == 503)
        #expect(first.headerValue("Retry-After") == "1")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.body)) as? [String: Any])
        #expect(json["type"] as? String == "urn:lifecycled:problem:memory-budget-reached")
        let id = try #require(first.headerValue("X-Request-Id"))
        #expect(json["requestId"] as? String == id)
        #expect(second.headerValue("X-Request-Id") != id, "a fresh id per refusal")
    }
}
