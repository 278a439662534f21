import Foundation
import Testing

/// Concurrent clients over real sockets: nothing lost, seq contiguous.
@Suite struct LiveConcurrencyTests {
    @Test func clientsOnSeparateSessions() async throws {
        let live = try LiveService()
        let ids = try (0..<8).map { _ in try live.create(#"{"lifecycle":"app","iosVersion":"11.0"}"#) }
        // Each client runs 50 launch/background pairs on its own session, on one keep-alive connection.
        let totals = try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for id in ids {
                group.addTask {
                    let c = try RawConnection(port: live.port)
                    defer { c.close() }
                    var count = 0
                    for i in 0..<100 {
                        let body = i % 2 == 0 ? #"{"type":"launch"}"# : #"{"type":"background"}"#
                        try c.send(RawHTTP.request("POST", "/v1/sessions/\(id)/actions", body: Array(body.utf8)))
                        let r = try c.readResponse()
                        guard r.status == 200 else { throw RawHTTPError.malformed("status \(r.status): \(r.text)") }
                        count += r.callbacks.count
                    }
                    return (id, count)
                }
            }
            var all: [(String, Int)] = []
            for try await t in group { all.append(t) }
            return all
        }
        for (id, count) in totals {
            // launch 12 (cold) + 6 of the root view controller, then 2 (warm) ×49;
            // background 3 (no restoration) + 2 (the snapshot's layout pass, issue #38) ×50.
            #expect(count == 12 + 6 + 49 * 2 + 50 * 5)
            let log = try live.send("GET", "/v1/sessions/\(id)/callbacks?limit=10000")
            let seqs = log.callbacks.compactMap { $0["seq"] as? Int }
            #expect(seqs == Array(1...count))
        }
    }

    @Test func clientsOnTheSameSession() async throws {
        let live = try LiveService()
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"11.0"}"#)
        #expect(try live.send("POST", "/v1/sessions/\(id)/actions", #"{"type":"launch"}"#).status == 200)
        // openURL is allowed while active: every request succeeds, each adds one callback.
        let seqs = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let c = try RawConnection(port: live.port)
                    defer { c.close() }
                    var mine: [Int] = []
                    for _ in 0..<60 {
                        try c.send(
                            RawHTTP.request(
                                "POST", "/v1/sessions/\(id)/actions",
                                body: Array(#"{"type":"openURL","url":"x:y"}"#.utf8)))
                        mine += try c.readResponse().callbacks.compactMap { $0["seq"] as? Int }
                    }
                    return mine
                }
            }
            var all: [Int] = []
            for try await s in group { all += s }
            return all
        }
        // The cold launch made 18 callbacks (12 of the app delegate, 6 of the root view controller).
        #expect(seqs.sorted() == Array(19...(18 + 480)))
        let log = try live.send("GET", "/v1/sessions/\(id)/callbacks?limit=10000")
        #expect(log.callbacks.compactMap { $0["seq"] as? Int } == Array(1...498))
    }
}
