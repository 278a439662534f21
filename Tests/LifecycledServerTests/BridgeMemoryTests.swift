import Foundation
import MHDServer
import ServiceHTTP
import Testing

/// Issue #9 item 6: request bodies and unsent responses count against the memory budget.
@Suite struct BridgeMemoryTests {
    static func server(_ budget: MemoryBudget) throws -> HTTPServer {
        var configuration = ServerConfiguration(port: 0, threads: 2, maxBody: 16 << 20)
        configuration.memory = budget
        let server = HTTPServer(
            configuration: configuration,
            handler: { request in
                // /big?n=BYTES: a large answer; anything else: the body back.
                let n = request.queryValue("n").flatMap(Int.init) ?? 0
                return ServiceResponse(
                    status: 200, body: request.path == "/big" ? Array(repeating: 66, count: n) : request.body)
            },
            problem: BridgeTestServer.problem)
        try server.start()
        return server
    }

    static func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<200 where !condition() { usleep(10_000) }
        return condition()
    }

    @Test func largeBodiesOverTheBudgetAre503AndEverythingIsReleased() throws {
        let refusal = ServiceResponse(status: 503, headers: [("Retry-After", "1")], body: Array("full".utf8))
        let budget = MemoryBudget(limit: 32 << 20, smallAmount: 1024, refuse: { refusal })
        let server = try Self.server(budget)
        defer { server.stop(graceSeconds: 0) }

        // Fits: echoed, and nothing stays counted once it is answered and read.
        let fits = try RawHTTP.exchange(
            port: server.port, RawHTTP.request("POST", "/echo", body: Array(repeating: 65, count: 100_000)))
        #expect(fits.status == 200 && fits.body.count == 100_000)
        #expect(Self.waitUntil { budget.bytesUsed == 0 })

        // An answer nobody reads (larger than the socket buffers) stays counted; the next
        // large one does not fit, whether it is a body or an answer.
        let reader = try RawConnection(port: server.port, timeout: 10)
        try reader.send(RawHTTP.request("GET", "/big?n=\(24 << 20)"))
        #expect(Self.waitUntil { budget.bytesUsed >= 24 << 20 })
        let refusedAnswer = try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/big?n=\(10 << 20)"))
        #expect(refusedAnswer.status == 503 && refusedAnswer.body == Array("full".utf8))
        // A body announced larger than what is left: refused before it is read.
        let tooBig = try RawHTTP.exchange(
            port: server.port, RawHTTP.request("POST", "/echo", headers: [("Content-Length", "\(10 << 20)")]))
        #expect(tooBig.status == 503 && tooBig.header("Retry-After") == "1")
        // Small requests still pass.
        let small = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/echo", body: Array("hi".utf8)))
        #expect(small.status == 200 && small.body == Array("hi".utf8))
        // Read it: released.
        let late = try reader.readResponse()
        #expect(late.status == 200 && late.body.count == 24 << 20)
        reader.close()
        #expect(Self.waitUntil { budget.bytesUsed == 0 }, "\(budget.bytesUsed) bytes still counted")
    }

    /// A POST's answer is never swapped for the budget's 503 once the handler has run:
    /// the action is applied, and a client retrying on the 503 would apply it twice.
    /// Only GET and HEAD answers (safe to retry) are refused at response time.
    @Test func anAppliedPostIsAnsweredEvenWhenTheBudgetIsFull() throws {
        let refusal = ServiceResponse(status: 503, headers: [("Retry-After", "1")], body: Array("full".utf8))
        let budget = MemoryBudget(limit: 32 << 20, smallAmount: 1024, refuse: { refusal })
        let server = try Self.server(budget)
        defer { server.stop(graceSeconds: 0) }
        let reader = try RawConnection(port: server.port, timeout: 10)
        try reader.send(RawHTTP.request("GET", "/big?n=\(24 << 20)"))
        #expect(Self.waitUntil { budget.bytesUsed >= 24 << 20 })
        let get = try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/big?n=\(10 << 20)"))
        #expect(get.status == 503)
        let post = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/big?n=\(10 << 20)"))
        #expect(post.status == 200 && post.body.count == 10 << 20)
        let late = try reader.readResponse()
        #expect(late.status == 200)
        reader.close()
        #expect(Self.waitUntil { budget.bytesUsed == 0 }, "\(budget.bytesUsed) bytes still counted")
    }

    @Test func chunkedBodiesAreCountedToo() throws {
        let budget = MemoryBudget(limit: 1 << 20, smallAmount: 1024, refuse: { ServiceResponse(status: 503) })
        let server = try Self.server(budget)
        defer { server.stop(graceSeconds: 0) }
        let chunks = (0..<10).map { _ in Array(repeating: UInt8(ascii: "z"), count: 20_000) }
        let r = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request(
                "POST", "/echo", headers: [("Transfer-Encoding", "chunked")],
                body: RawHTTP.chunked(chunks)))
        #expect(r.status == 200 && r.body.count == 200_000)
        #expect(Self.waitUntil { budget.bytesUsed == 0 })
    }
}
