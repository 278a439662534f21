// Issue #35: a handler that answers later parks its connection (libmicrohttpd's suspend),
// so that its worker goes on serving others; the answer comes from another thread; a
// parked client's leaving is seen; and a request waiting behind a busy worker is answered,
// not cut by --request-timeout.
import Dispatch
import Foundation
import MHDServer
import ServiceHTTP
import Synchronization
import Testing

@Suite("Bridge parking") struct BridgeParkingTests {
    /// The links of the requests to `/later`, in arrival order.
    final class Parked: Sendable {
        let links = PThreadLock<[ResponseLink]>([])
        let arrived = DispatchSemaphore(value: 0)
    }

    /// One worker thread: `/later` is parked until the test answers it, anything else is answered at once.
    static func server(_ parked: Parked) throws -> HTTPServer {
        let server = HTTPServer(
            configuration: ServerConfiguration(port: 0, threads: 1, requestTimeout: 0.5),
            handling: { request in
                guard request.path == "/later" else {
                    return .respond(ServiceResponse(status: 200, body: Array("now".utf8)))
                }
                return .later { link in
                    parked.links.withLock { $0.append(link) }
                    parked.arrived.signal()
                }
            },
            problem: BridgeTestServer.problem)
        try server.start()
        return server
    }

    @Test func aParkedRequestLeavesItsWorkerFreeAndIsAnsweredFromAnotherThread() throws {
        let parked = Parked()
        let server = try Self.server(parked)
        defer { server.stop(graceSeconds: 0) }
        let waiting = try RawConnection(port: server.port)
        try waiting.send(RawHTTP.request("GET", "/later"))
        #expect(parked.arrived.wait(timeout: .now() + 10) == .success)
        // The only worker serves others meanwhile, longer than --request-timeout.
        for _ in 0..<4 {
            #expect(try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/now"), timeout: 5).status == 200)
            usleep(200_000)
        }
        let link = try #require(parked.links.withLock { $0.first })
        #expect(!link.clientGone)
        Thread { link.send(ServiceResponse(status: 201, body: Array("later".utf8))) }.start()
        let response = try waiting.readResponse()
        #expect(response.status == 201 && response.text == "later")
        // The connection is served again after its parked request (keep-alive).
        try waiting.send(RawHTTP.request("GET", "/again"))
        #expect(try waiting.readResponse().status == 200)
    }

    @Test func aParkedClientsLeavingIsSeenAndTheServerStops() throws {
        let parked = Parked()
        let server = try Self.server(parked)
        let leaving = try RawConnection(port: server.port)
        try leaving.send(RawHTTP.request("GET", "/later"))
        #expect(parked.arrived.wait(timeout: .now() + 10) == .success)
        let link = try #require(parked.links.withLock { $0.first })
        #expect(!link.clientGone)
        leaving.close()
        var gone = false
        for _ in 0..<1000 where !gone {
            gone = link.clientGone
            if !gone { usleep(1000) }
        }
        #expect(gone)
        link.send(ServiceResponse(status: 499))
        let report = server.stop(graceSeconds: 2)
        #expect(!report.graceExpired)
    }

    /// One worker, busy in a handler for longer than --request-timeout: a request that
    /// arrived complete meanwhile waits in its socket unread, and is answered afterwards.
    @Test func aRequestWaitingBehindABusyWorkerIsAnswered() throws {
        let server = try BridgeTestServer(threads: 1) { $0.requestTimeout = 0.5 }
        let busy = try RawConnection(port: server.port)
        try busy.send(RawHTTP.request("GET", "/busy"))
        #expect(server.recorder.slowEntered.wait(timeout: .now() + 10) == .success)
        let waiting = try RawConnection(port: server.port)
        try waiting.send(RawHTTP.request("GET", "/describe"))
        #expect(try busy.readResponse().status == 200)
        let response = try waiting.readResponse()
        #expect(response.status == 200 && response.text == "GET /describe")
        #expect(server.server.connectionsCutByDeadline == 0)
    }
}
