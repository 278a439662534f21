// Issue #9 items 3 and 8: no client exhausts the connections (per-address limit,
// whole-request deadline), and stop drains keep-alive clients without losing a
// request, refuses new ones, and enforces its grace period.
import Dispatch
import Foundation
import MHDServer
import ServiceHTTP
import Synchronization
import Testing

@Suite("Bridge connections") struct BridgeConnectionTests {
    @Test func slowlorisIsCutAtTheRequestDeadlineAndOthersAreServed() throws {
        let server = try BridgeTestServer { $0.requestTimeout = 1 }
        let port = server.port
        // 250 sockets sending a request head one byte at a time, never finishing it.
        var slow: [RawConnection] = []
        for _ in 0..<250 { slow.append(try RawConnection(port: port, timeout: 3)) }
        let head = Array("GET /describe HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8)
        let started = Date()
        var answered = 0
        for step in 0..<12 {  // 12 × 200 ms
            for connection in slow { try? connection.send([head[step % head.count]]) }
            // The probe's own 2 s socket timeout bounds the wait: a stalled server fails it.
            let response = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/describe"), timeout: 2)
            if response.status == 200 { answered += 1 }
            usleep(200_000)
        }
        #expect(answered == 12)
        // Every slow socket was closed by the server after about a second, though it kept sending.
        let closed = slow.filter { $0.isClosedByPeer() }.count
        #expect(closed == 250, "\(closed) of 250 closed after \(Date().timeIntervalSince(started)) s")
        #expect(server.server.connectionsCutByDeadline >= 250)
        #expect(server.recorder.handled.withLock { $0 }.allSatisfy { $0 == "/describe" })
    }

    @Test func silentSocketsAreCutAtTheRequestDeadline() throws {
        let server = try BridgeTestServer { $0.requestTimeout = 0.5 }
        let silent = try (0..<50).map { _ in try RawConnection(port: server.port, timeout: 3) }
        usleep(1_200_000)
        #expect(silent.filter { $0.isClosedByPeer() }.count == 50)
    }

    @Test func aSlowBodyUploadIsCutToo() throws {
        let server = try BridgeTestServer { $0.requestTimeout = 0.5 }
        let connection = try RawConnection(port: server.port, timeout: 3)
        try connection.send(RawHTTP.request("POST", "/echo", headers: [("Content-Length", "100")]))
        for _ in 0..<10 {
            try? connection.send([65])
            usleep(150_000)
        }
        #expect(connection.isClosedByPeer())
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
    }

    @Test func aKeepAliveConnectionGetsAFreshDeadlinePerRequest() throws {
        let server = try BridgeTestServer { $0.requestTimeout = 0.6 }
        let connection = try RawConnection(port: server.port)
        for _ in 0..<6 {  // 6 × ~0.3 s: longer than the deadline in all, never within one request
            try connection.send(RawHTTP.request("GET", "/describe"))
            #expect(try connection.readResponse().status == 200)
            usleep(300_000)
        }
    }

    @Test func perAddressLimitLeavesOtherAddressesServed() throws {
        let server = try BridgeTestServer { $0.perIPConnectionLimit = 5 }
        let held = try (0..<5).map { _ in try RawConnection(port: server.port, timeout: 3) }
        // A sixth from the same address is accepted and closed at once by libmicrohttpd.
        let sixth = try RawConnection(port: server.port, timeout: 3)
        #expect(throws: RawHTTPError.self) {
            try sixth.send(RawHTTP.request("GET", "/describe"))
            _ = try sixth.readResponse()
        }
        // Another loopback address is not affected.
        let other = try RawConnection(port: server.port, timeout: 3, from: "127.0.0.2")
        try other.send(RawHTTP.request("GET", "/describe"))
        #expect(try other.readResponse().status == 200)
        #expect(held.count == 5)
    }

    /// At the connection limit a new client waits in the listen backlog and is served
    /// once a connection closes, rather than being accepted and closed (what
    /// libmicrohttpd did with its own listening socket; the server now accepts).
    @Test func aClientOverTheConnectionLimitWaitsAndIsServed() throws {
        let server = try BridgeTestServer(threads: 1) { $0.connectionLimit = 2 }
        var held: [RawConnection] = []
        for _ in 0..<2 {
            let connection = try RawConnection(port: server.port, timeout: 3)
            try connection.send(RawHTTP.request("GET", "/describe"))
            #expect(try connection.readResponse().status == 200)  // counted by the daemon now
            held.append(connection)
        }
        let waiting = try RawConnection(port: server.port, timeout: 5)
        try waiting.send(RawHTTP.request("GET", "/describe"))
        usleep(300_000)
        #expect(server.recorder.handled.withLock { $0.count } == 2, "served over the limit")
        held.removeLast()  // closes one
        let started = Date()
        #expect(try waiting.readResponse().status == 200)
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(held.count == 1)
    }

    // MARK: Shutdown

    @Test func keepAliveClientsLoseNoRequestOnStop() throws {
        let server = try BridgeTestServer(threads: 2)
        let port = server.port
        let lost = Mutex<[String]>([])
        let answered = Atomic<Int>(0)
        let closedByServer = Atomic<Int>(0)
        let go = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for client in 0..<32 {
            group.enter()
            Thread {
                defer { group.leave() }
                guard let connection = try? RawConnection(port: port, timeout: 5) else {
                    lost.withLock { $0.append("client \(client): no connection") }
                    return
                }
                go.signal()
                for index in 0..<100_000 {
                    let body = Array("\(client)/\(index)".utf8)
                    do {
                        try connection.send(RawHTTP.request("POST", "/echo", body: body))
                    } catch {
                        closedByServer.add(1, ordering: .relaxed)  // closed while idle: nothing was sent
                        return
                    }
                    do {
                        let response = try connection.readResponse()
                        guard response.status == 200, response.body == body else {
                            lost.withLock { $0.append("client \(client) #\(index): \(response.status)") }
                            return
                        }
                        answered.add(1, ordering: .relaxed)
                        if response.header("Connection")?.lowercased() == "close" { return }
                    } catch {
                        // Sent a request on an open connection and got no answer: lost,
                        // unless the server had closed the connection before the request reached it.
                        if case RawHTTPError.closed(received: 0) = error {
                            closedByServer.add(1, ordering: .relaxed)
                        } else {
                            lost.withLock { $0.append("client \(client) #\(index): \(error)") }
                        }
                        return
                    }
                }
            }.start()
        }
        for _ in 0..<32 { _ = go.wait(timeout: .now() + 5) }
        usleep(300_000)
        let report = server.server.stop(graceSeconds: 5)
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(lost.withLock { $0 } == [])
        #expect(report.requestsCut == 0)
        #expect(!report.graceExpired)
        #expect(answered.load(ordering: .relaxed) > 32)
        // Nothing is accepted any more: refused at connect, not accepted and reset.
        #expect {
            try RawConnection(port: port)
        } throws: { error in
            if case RawHTTPError.connect = error { return true }
            return false
        }
    }

    /// Stopping while both workers are busy, eight times over, loses nothing and
    /// aborts nothing. With libmicrohttpd's own listening socket, stop's
    /// MHD_quiesce_daemon could race its workers to the socket's removal from their
    /// epoll sets and abort the process (see Listener); the server now accepts itself.
    @Test func stopsUnderLoadRepeatedly() throws {
        for round in 0..<8 {
            let server = try BridgeTestServer(threads: 2)
            let port = server.port
            let running = Atomic<Bool>(true)
            let answered = Atomic<Int>(0)
            let group = DispatchGroup()
            for _ in 0..<8 {
                group.enter()
                Thread {
                    defer { group.leave() }
                    guard let connection = try? RawConnection(port: port, timeout: 5) else { return }
                    while running.load(ordering: .relaxed) {
                        guard (try? connection.send(RawHTTP.request("GET", "/describe"))) != nil,
                            let response = try? connection.readResponse(), response.status == 200
                        else { return }
                        answered.add(1, ordering: .relaxed)
                        if response.header("Connection")?.lowercased() == "close" { return }
                    }
                }.start()
            }
            usleep(150_000)
            let report = server.server.stop(graceSeconds: 2)
            running.store(false, ordering: .relaxed)
            #expect(group.wait(timeout: .now() + 5) == .success, "round \(round)")
            #expect(report.requestsCut == 0, "round \(round)")
            #expect(answered.load(ordering: .relaxed) > 8, "round \(round)")
            #expect(throws: RawHTTPError.self) { try RawConnection(port: port) }
        }
    }

    @Test func newConnectionsAreRefusedWhileDraining() throws {
        let server = try BridgeTestServer()
        let port = server.port
        let slowClient = Thread { _ = try? RawHTTP.exchange(port: port, RawHTTP.request("GET", "/slow")) }
        slowClient.start()
        #expect(server.recorder.slowEntered.wait(timeout: .now() + 5) == .success)
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            server.server.stop(graceSeconds: 5)
            stopped.signal()
        }.start()
        usleep(100_000)  // stop has begun; /slow is still running
        #expect {
            try RawConnection(port: port)
        } throws: { error in
            if case RawHTTPError.connect = error { return true }
            return false
        }
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }

    @Test func graceIsEnforcedOnAHandlerThatRunsLonger() throws {
        let server = try BridgeTestServer()
        let port = server.port
        Thread { _ = try? RawHTTP.exchange(port: port, RawHTTP.request("GET", "/sleep"), timeout: 5) }.start()
        #expect(server.recorder.slowEntered.wait(timeout: .now() + 5) == .success)
        let report = server.server.stop(graceSeconds: 0.5)
        #expect(report.graceExpired)
        #expect(report.requestsCut == 1)
    }
}
