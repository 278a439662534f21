import Foundation
import Testing

@testable import LifecycleService

/// Issue #9 low items: listing selects without sorting everything; freed memory is trimmed.
@Suite struct StoreScaleTests {
    @Test func pagesWalkEverySessionInCreationOrder() {
        let client = ServiceClient()
        let ids = (0..<300).map { _ in client.create() }
        // Delete some so that the ordinals have gaps.
        for id in ids.enumerated().filter({ $0.offset % 7 == 3 }).map(\.element) {
            client.send("DELETE", "/v1/sessions/\(id)")
        }
        let expected = ids.enumerated().filter { $0.offset % 7 != 3 }.map(\.element)
        for limit in [1, 2, 13, 1000] {
            var after = 0
            var seen: [String] = []
            while seen.count <= expected.count {
                let page = client.send(
                    "GET", "/v1/sessions", query: [("after", String(after)), ("limit", String(limit))])
                let sessions = page.json["sessions"] as? [[String: Any]] ?? []
                #expect(sessions.count <= limit)
                seen += sessions.compactMap { $0["id"] as? String }
                guard let next = page.json["next"] as? Int else { break }
                after = next
            }
            #expect(seen == expected, "limit \(limit)")
        }
        let first = client.send("GET", "/v1/sessions", query: [("limit", "1")])
        #expect((first.json["sessions"] as? [[String: Any]])?.first?["id"] as? String == expected.first)
    }

    @Test func partitioningIndexIsABinarySearch() {
        let a = [1, 3, 3, 5, 9]
        #expect(a.partitioningIndex { $0 > 3 } == 3)
        #expect(a.partitioningIndex { $0 > 0 } == 0)
        #expect(a.partitioningIndex { $0 > 9 } == 5)
        #expect([Int]().partitioningIndex { $0 > 0 } == 0)
    }

    /// Removing sessions counts their bytes; a sweep past the threshold trims and resets the count.
    @Test func sweepTrimsAfterLargeRemovals() {
        let service = Service()
        let client = ServiceClient(service)
        let payload =
            #"{"type":"receiveNotification","payload":{"aps":{"content-available":1},"b":""#
            + String(repeating: "y", count: 600_000) + #""}}"#
        var ids: [String] = []
        for _ in 0..<30 {
            let id = client.create()
            client.act(id, #"{"type":"launch"}"#)
            client.act(id, payload)
            ids.append(id)
        }
        #expect(service.memory.bytesUsed > SessionStore.trimThreshold)
        for id in ids { #expect(client.send("DELETE", "/v1/sessions/\(id)").status == 204) }
        #expect(service.memory.bytesUsed == 0)
        #expect(service.store.bytesFreedSinceTrim >= SessionStore.trimThreshold)
        service.sweepExpiredSessions()
        #expect(service.store.bytesFreedSinceTrim == 0)
    }
}
