// The libmicrohttpd bridge over real sockets, with an echo handler (BridgeTestServer).
import Foundation
import MHDServer
import ServiceHTTP
import Synchronization
import Testing

@Suite("Bridge") struct BridgeTests {
    // MARK: Bodies

    @Test("the body reaches the handler byte for byte", arguments: [0, 1, 4096, 65_537, 512 << 10])
    func bodyAssembledExactly(size: Int) throws {
        let server = try BridgeTestServer()
        let body = patternBytes(size, seed: UInt64(size))
        let response = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/echo", body: body))
        #expect(response.status == 200)
        #expect(response.header("X-Method") == "POST")
        #expect(response.header("Content-Length") == String(size))
        #expect(response.body == body)
    }

    @Test func chunkedBodyAssembled() throws {
        let server = try BridgeTestServer()
        let chunks = [Array("hello ".utf8), Array("chunked ".utf8), patternBytes(70_000, seed: 7), [0]]
        let request =
            RawHTTP.request("PUT", "/echo", headers: [("Transfer-Encoding", "chunked")])
            + RawHTTP.chunked(chunks)
        let response = try RawHTTP.exchange(port: server.port, request)
        #expect(response.status == 200)
        #expect(response.body == chunks.flatMap { $0 })
    }

    @Test func contentLengthOverLimitAnswers413BeforeTheBody() throws {
        let server = try BridgeTestServer(maxBody: 1024)
        // Headers only: the 413 must come without the body being sent.
        let response = try RawHTTP.exchange(
            port: server.port, RawHTTP.request("POST", "/echo", headers: [("Content-Length", "1025")]))
        #expect(response.status == 413)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.text.contains("request body exceeds the 1024-byte limit (--max-body)"))
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
        let entries = server.accessLogEntries(atLeast: 1)
        #expect(entries.map(\.status) == [413])
        #expect(entries.first?.path == "/echo")
    }

    @Test func bodyAtTheLimitIsAccepted() throws {
        let server = try BridgeTestServer(maxBody: 1024)
        let body = patternBytes(1024, seed: 1)
        let plain = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/echo", body: body))
        #expect(plain.status == 200)
        #expect(plain.body == body)
        let chunked = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request("POST", "/echo", headers: [("Transfer-Encoding", "chunked")])
                + RawHTTP.chunked([Array(body[..<500]), Array(body[500...])]))
        #expect(chunked.status == 200)
        #expect(chunked.body == body)
    }

    @Test func chunkedOverLimitAnswers413() throws {
        let server = try BridgeTestServer(maxBody: 1024)
        let chunks = (0..<3).map { patternBytes(600, seed: UInt64($0)) }
        let response = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request("POST", "/echo", headers: [("Transfer-Encoding", "chunked")]) + RawHTTP.chunked(chunks))
        #expect(response.status == 413)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.text.contains("1024-byte limit"))
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
        #expect(server.accessLogEntries(atLeast: 1).map(\.status) == [413])
    }

    @Test(
        "conflicting framing headers answer 400",
        arguments: [
            [("Content-Length", "5"), ("Transfer-Encoding", "chunked")],
            [("Transfer-Encoding", "chunked"), ("content-length", "5")],
        ])
    func conflictingFramingIs400(headers: [(String, String)]) throws {
        let server = try BridgeTestServer()
        let response = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/echo", headers: headers))
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
    }

    @Test func duplicateContentLengthIsRefused() throws {
        let server = try BridgeTestServer()
        let response = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request("POST", "/echo", headers: [("Content-Length", "3"), ("Content-Length", "3")]))
        #expect(response.status == 400)
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
    }

    // MARK: Requests and responses

    @Test func queryArgumentsArriveDecodedAndInOrder() throws {
        let server = try BridgeTestServer()
        let response = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request(
                "GET",
                "/describe?b=2&a=1&a=3&space=hello%20world&plus=a+b&utf8=%C3%A9t%C3%A9&empty=&flag"
                    + "&pct=100%25&bad=%zz%4&%41key=%2B"))
        #expect(response.status == 200)
        #expect(
            response.text.split(separator: "\n", omittingEmptySubsequences: false) == [
                "GET /describe", "b=2", "a=1", "a=3", "space=hello world", "plus=a b", "utf8=été", "empty=", "flag=",
                "pct=100%", "bad=%zz%4", "Akey=+",
            ])
    }

    /// Without an access log, a handler that lists the headers it reads gets those
    /// (the first of each, by name without regard to case, under the listed spelling)
    /// and nothing else; the query still arrives. With one, every header arrives as sent.
    @Test(arguments: [false, true])
    func handlerGetsTheHeadersItReads(accessLog: Bool) throws {
        let server = try BridgeTestServer(accessLog: accessLog) {
            $0.readHeaders = ["X-Wanted", "X-Absent", "Origin"]
        }
        let response = try RawHTTP.exchange(
            port: server.port,
            RawHTTP.request(
                "GET", "/fields?q=1",
                headers: [("X-Other", "1"), ("origin", "o"), ("x-wanted", "first"), ("X-WANTED", "second")]))
        #expect(response.status == 200)
        let lines = response.text.split(separator: "\n").map(String.init)
        if accessLog {
            let sent = ["Host: 127.0.0.1", "X-Other: 1", "origin: o", "x-wanted: first", "X-WANTED: second"]
            #expect(lines == ["q=1"] + sent)
            #expect(server.accessLogEntries(atLeast: 1).first?.requestHeaders.map { "\($0.name): \($0.value)" } == sent)
        } else {
            #expect(lines == ["q=1", "X-Wanted: first", "Origin: o"])
        }
    }

    @Test func pathArrivesAsSent() throws {
        let server = try BridgeTestServer()
        let response = try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/a%20b%2Fc?x=%20"))
        #expect(response.status == 404)
        #expect(server.recorder.handled.withLock { $0 } == ["/a%20b%2Fc"])
        #expect(server.accessLogEntries(atLeast: 1).first?.path == "/a%20b%2Fc")
    }

    @Test func handlerHeadersAreSentAndContentLengthIsTheBridges() throws {
        let server = try BridgeTestServer()
        let response = try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/headers"))
        #expect(response.status == 299)
        #expect(response.header("X-One") == "1")
        #expect(response.header("X-Two") == "2")
        #expect(response.headerValues("Content-Length") == ["4"])
        #expect(response.header("Injected") == nil)
        #expect(response.text == "four")
    }

    @Test func headResponseHasNoBody() throws {
        let server = try BridgeTestServer()
        let connection = try RawConnection(port: server.port)
        try connection.send(RawHTTP.request("HEAD", "/describe"))
        let head = try connection.readResponse(headRequest: true)
        #expect(head.status == 200)
        // The next response on the same connection parses cleanly only if HEAD sent no body bytes.
        try connection.send(RawHTTP.request("POST", "/echo", body: Array("next".utf8)))
        let next = try connection.readResponse()
        #expect(next.status == 200)
        #expect(next.text == "next")
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() throws {
        let server = try BridgeTestServer()
        let connection = try RawConnection(port: server.port)
        for index in 0..<20 {
            let body = Array("request \(index)".utf8)
            try connection.send(RawHTTP.request("POST", "/echo", body: body))
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.body == body)
        }
    }

    @Test func accessLogReportsEachAnsweredRequest() throws {
        let server = try BridgeTestServer()
        _ = try RawHTTP.exchange(port: server.port, RawHTTP.request("GET", "/describe?x=1"))
        _ = try RawHTTP.exchange(port: server.port, RawHTTP.request("DELETE", "/nowhere"))
        let entries = server.accessLogEntries(atLeast: 2).sorted { $0.path < $1.path }
        #expect(entries.count == 2)
        #expect(entries.map(\.method) == ["GET", "DELETE"])
        #expect(entries.map(\.path) == ["/describe", "/nowhere"])
        #expect(entries.map(\.status) == [200, 404])
    }

    // MARK: Robustness

    @Test func garbageNeverBreaksTheServer() throws {
        let server = try BridgeTestServer()
        let garbage: [[UInt8]] = [
            patternBytes(4096, seed: 99),
            Array("NOT A REQUEST\r\n\r\n".utf8),
            Array("GET /echo HTTP/9.9\r\nHost: x\r\n\r\n".utf8),
            Array("GET /echo HTT".utf8),
            Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc".utf8),
            Array("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n".utf8),
            Array("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n".utf8),
            Array("GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
            [0, 0, 0, 0, 13, 10, 13, 10],
        ]
        for bytes in garbage {
            let connection = try RawConnection(port: server.port, timeout: 2)
            try? connection.send(bytes)
            connection.shutdownWrite()
            _ = connection.readToEnd()
            connection.close()
            // Still serving.
            let response = try RawHTTP.exchange(port: server.port, RawHTTP.request("POST", "/echo", body: [1, 2, 3]))
            #expect(response.status == 200)
            #expect(response.body == [1, 2, 3])
        }
    }

    @Test func concurrentClientsAreAllAnswered() throws {
        let server = try BridgeTestServer(threads: 4)
        let failures = Mutex<[String]>([])
        let answered = Atomic<Int>(0)
        let port = server.port
        onThreads(8) { thread in
            do {
                // Even threads keep one connection alive; odd ones connect per request.
                var connection = try RawConnection(port: port)
                for index in 0..<200 {
                    if thread % 2 == 1 { connection = try RawConnection(port: port) }
                    let body = Array("thread \(thread) request \(index)".utf8)
                    try connection.send(RawHTTP.request("POST", "/echo", body: body))
                    let response = try connection.readResponse()
                    if response.status == 200, response.body == body {
                        answered.add(1, ordering: .relaxed)
                    } else {
                        failures.withLock {
                            $0.append("thread \(thread) #\(index): \(response.status) \(response.text)")
                        }
                    }
                }
            } catch {
                failures.withLock { $0.append("thread \(thread): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(answered.load(ordering: .relaxed) == 1600)
        #expect(server.accessLogEntries(atLeast: 1600).count == 1600)
    }

    // MARK: Start and stop

    @Test func portZeroBindsARealPortAndABusyPortThrows() throws {
        let first = try BridgeTestServer()
        #expect(first.port != 0)
        let second = HTTPServer(
            configuration: ServerConfiguration(port: first.port),
            handler: { _ in ServiceResponse(status: 200) }, problem: BridgeTestServer.problem)
        #expect {
            try second.start()
        } throws: { error in
            "\(error)".contains("cannot listen on 127.0.0.1:\(first.port)") && "\(error)".contains("in use")
        }
    }

    @Test func unusableHostThrows() throws {
        let server = HTTPServer(
            configuration: ServerConfiguration(host: "no-such-host.invalid", port: 0),
            handler: { _ in ServiceResponse(status: 200) }, problem: BridgeTestServer.problem)
        #expect(throws: HTTPServerError.self) { try server.start() }
    }

    @Test func ipv6LoopbackWorks() throws {
        let server = HTTPServer(
            configuration: ServerConfiguration(host: "::1", port: 0, threads: 1),
            handler: { ServiceResponse(status: 200, body: $0.body) }, problem: BridgeTestServer.problem)
        do {
            try server.start()
        } catch {
            // No IPv6 in this environment: nothing to test.
            return
        }
        defer { server.stop(graceSeconds: 0) }
        let connection = try RawConnection(host: "::1", port: server.port)
        try connection.send(RawHTTP.request("POST", "/", body: Array("six".utf8)))
        #expect(try connection.readResponse().text == "six")
    }

    @Test func stopLetsTheRequestInFlightFinish() throws {
        let server = try BridgeTestServer()
        let port = server.port
        let result = Mutex<Result<RawResponse, RawHTTPError>?>(nil)
        let clientDone = DispatchSemaphore(value: 0)
        let client = Thread {
            defer { clientDone.signal() }
            do {
                let response = try RawHTTP.exchange(port: port, RawHTTP.request("GET", "/slow"))
                result.withLock { $0 = .success(response) }
            } catch {
                result.withLock { $0 = .failure(error as? RawHTTPError ?? .malformed("\(error)")) }
            }
        }
        client.start()
        #expect(server.recorder.slowEntered.wait(timeout: .now() + 10) == .success)
        server.server.stop(graceSeconds: 10)
        // stop() returned: the slow response must have been sent completely.
        #expect(clientDone.wait(timeout: .now() + 10) == .success)
        let response = try #require(try result.withLock { $0 }?.get())
        #expect(response.status == 200)
        #expect(response.text == "slow done")
        #expect(response.header("Connection")?.lowercased() == "close")
        // And the port no longer accepts connections.
        #expect(throws: RawHTTPError.self) { try RawConnection(port: port) }
    }

    @Test func stopIsIdempotentAndStartOnlyOnce() throws {
        let server = try BridgeTestServer()
        server.server.stop(graceSeconds: 1)
        server.server.stop(graceSeconds: 1)
        #expect(throws: HTTPServerError.self) { try server.server.start() }
    }
}
