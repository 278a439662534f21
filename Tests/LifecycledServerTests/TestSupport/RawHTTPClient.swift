// A small HTTP/1.1 client over POSIX sockets for tests: it sends arbitrary raw
// bytes (so malformed requests can be tested) and parses one response at a time
// (status, headers, body by Content-Length, chunked, or until close), with a
// timeout on every wait.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One parsed HTTP response.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first value of a header, matched without regard to case.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// All values of a header, matched without regard to case.
    func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTPError: Error, CustomStringConvertible {
    case connect(String)
    case timeout(String)
    /// The peer closed the connection (or reset it) before a complete response.
    case closed(received: Int)
    case malformed(String)

    var description: String {
        switch self {
        case .connect(let reason): "connect: \(reason)"
        case .timeout(let what): "timed out \(what)"
        case .closed(let received): "connection closed after \(received) bytes"
        case .malformed(let what): "malformed response: \(what)"
        }
    }
}

/// One TCP connection. Not thread-safe: use it from one thread.
final class RawConnection {
    private let fd: Int32
    private let timeoutMilliseconds: Int
    /// Received bytes not yet consumed by `readResponse`.
    private var pending: [UInt8] = []
    private var closed = false

    /// Connects to `host` (a numeric IPv4 or IPv6 address) and `port`, from
    /// `source` (a numeric IPv4 address, e.g. another loopback address) if given.
    init(host: String = "127.0.0.1", port: UInt16, timeout: Double = 10, from source: String? = nil) throws {
        timeoutMilliseconds = Int(timeout * 1000)
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let list, let address = list.pointee.ai_addr else {
            throw RawHTTPError.connect("bad address \(host)")
        }
        defer { freeaddrinfo(list) }
        fd = socket(list.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.connect(String(cString: strerror(errno))) }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            inet_pton(AF_INET, source, &local.sin_addr)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if bound != 0 {
                let reason = String(cString: strerror(errno))
                close()
                throw RawHTTPError.connect("bind \(source): \(reason)")
            }
        }
        if connect(fd, address, list.pointee.ai_addrlen) != 0 {
            let reason = String(cString: strerror(errno))
            close()
            throw RawHTTPError.connect(reason)
        }
    }

    /// Also runs when `init` throws after `fd` is set (Swift deinitializes a fully
    /// initialized object whose init throws), so the failure paths close through
    /// `close()` too. Closing twice would close whatever descriptor reused the number
    /// in between: in these tests, often a server's listening or connection socket.
    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        systemClose(fd)
    }

    /// Half-closes: the server sees end of stream, replies can still be read.
    func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends all bytes; throws `.closed` if the server closed or reset the connection.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            guard try wait(for: Int16(POLLOUT)) else { throw RawHTTPError.timeout("sending") }
            let count = bytes[offset...].withUnsafeBytes {
                systemSend(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { throw RawHTTPError.closed(received: 0) }
            offset += count
        }
    }

    /// Reads one complete response. Interim 1xx responses are skipped.
    /// - Parameter headRequest: the response to a HEAD request has no body whatever its headers say.
    func readResponse(headRequest: Bool = false) throws -> RawResponse {
        while true {
            let response = try readOneResponse(headRequest: headRequest)
            if (100...199).contains(response.status) { continue }
            return response
        }
    }

    /// Everything the server sends until it closes the connection (or the timeout); never throws.
    func readToEnd() -> [UInt8] {
        var result = pending
        pending = []
        while let more = try? receive(), !more.isEmpty { result += more }
        return result
    }

    /// True when the server has closed the connection (read returns end of stream or reset).
    func isClosedByPeer() -> Bool {
        guard let more = try? receive() else { return false }
        if more.isEmpty { return true }
        pending += more
        return false
    }

    // MARK: - Internals

    private func readOneResponse(headRequest: Bool) throws -> RawResponse {
        let headEnd = try fill(until: { find([13, 10, 13, 10], in: $0).map { $0 + 4 } })
        let head = String(decoding: pending[..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd)
        var lines = head.split(separator: "\r\n")  // "\r\n" is one Character
        guard !lines.isEmpty else { throw RawHTTPError.malformed("empty head") }
        let statusLine = lines.removeFirst()
        let words = statusLine.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0].hasPrefix("HTTP/1."), let status = Int(words[1]) else {
            throw RawHTTPError.malformed("status line \"\(statusLine)\"")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPError.malformed("header \"\(line)\"") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: " \t")))
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        if headRequest || (100...199).contains(status) || status == 204 || status == 304 { return response }
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            response.body = try readChunkedBody()
        } else if let lengthText = response.header("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else { throw RawHTTPError.malformed("Content-Length") }
            _ = try fill(until: { $0.count >= length ? length : nil })
            response.body = Array(pending[..<length])
            pending.removeFirst(length)
        } else {
            response.body = readToEnd()
        }
        return response
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try fill(until: { find([13, 10], in: $0).map { $0 + 2 } })
            let sizeText = String(decoding: pending[..<(lineEnd - 2)], as: UTF8.self)
            pending.removeFirst(lineEnd)
            guard let size = Int(sizeText.prefix { $0 != ";" }, radix: 16) else {
                throw RawHTTPError.malformed("chunk size \"\(sizeText)\"")
            }
            if size == 0 {  // trailers, then an empty line
                while true {
                    let end = try fill(until: { find([13, 10], in: $0).map { $0 + 2 } })
                    pending.removeFirst(end)
                    if end == 2 { return body }
                }
            }
            _ = try fill(until: { $0.count >= size + 2 ? size + 2 : nil })
            body += pending[..<size]
            pending.removeFirst(size + 2)
        }
    }

    /// Receives until `complete(pending)` returns non-nil, and returns that value.
    private func fill(until complete: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let done = complete(pending) { return done }
            let more = try receive()
            guard !more.isEmpty else { throw RawHTTPError.closed(received: pending.count) }
            pending += more
        }
    }

    /// One `recv`: bytes, or empty at end of stream (a reset counts as end of stream).
    private func receive() throws -> [UInt8] {
        guard !closed else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            guard try wait(for: Int16(POLLIN)) else { throw RawHTTPError.timeout("receiving") }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { return [] }
            return Array(buffer[..<count])
        }
    }

    private func wait(for events: Int16) throws -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        while true {
            let ready = poll(&entry, 1, Int32(timeoutMilliseconds))
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }
}

// Free functions, because RawConnection's own `close` and `send` shadow these.
private func systemClose(_ fd: Int32) { close(fd) }
private func systemSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    send(fd, bytes, count, flags)
}

private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return start
    }
    return nil
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

}

/// Builders for raw requests.
enum RawHTTP {
    /// A request with `Host`; with a body, also `Content-Length` unless `headers` set framing themselves.
    static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [],
        body: [UInt8]? = nil
    ) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let framed = headers.contains { ["content-length", "transfer-encoding"].contains($0.0.lowercased()) }
        if let body, !framed { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + (body ?? [])
    }

    /// A chunked body: each chunk with its hex size, then the last chunk.
    static func chunked(_ chunks: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for chunk in chunks where !chunk.isEmpty {
            bytes += Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + [13, 10]
        }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    /// Connects, sends `bytes`, reads one response, closes.
    static func exchange(
        port: UInt16, _ bytes: [UInt8], headRequest: Bool = false,
        timeout: Double = 10
    ) throws -> RawResponse {
        let connection = try RawConnection(port: port, timeout: timeout)
        defer { connection.close() }
        try connection.send(bytes)
        return try connection.readResponse(headRequest: headRequest)
    }
}
