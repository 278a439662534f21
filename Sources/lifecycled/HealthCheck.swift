#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--check URL`: one HTTP/1.1 GET over a plain socket, for container
/// healthchecks where there is no curl. Only the status line is read.
enum HealthCheck {
    static let timeoutMilliseconds = 3_000

    /// Returns the exit status: 0 on a 2xx answer, 1 otherwise, 2 for a URL it cannot use.
    static func run(url: String) -> Int32 {
        guard let target = Target(url) else {
            writeLine("lifecycled: --check: \"\(url)\" is not an http://HOST[:PORT][/PATH] URL; see --help", to: 2)
            return 2
        }
        switch fetchStatus(target) {
        case .success(let status) where (200...299).contains(status):
            writeLine("lifecycled: check \(url): \(status)", to: 2)
            return 0
        case .success(let status):
            writeLine("lifecycled: check \(url): unhealthy, status \(status)", to: 2)
            return 1
        case .failure(let problem):
            writeLine("lifecycled: check \(url): \(problem.message)", to: 2)
            return 1
        }
    }

    struct Target {
        var host: String
        var port: String
        var path: String

        init?(_ url: String) {
            guard url.hasPrefix("http://") else { return nil }
            let rest = url.dropFirst("http://".count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            path = String(rest.dropFirst(authority.count))
            if path.isEmpty || path.first == "?" { path = "/" + path }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {  // [v6]:port
                host = String(authority[authority.index(after: authority.startIndex)..<close])
                let after = authority[authority.index(after: close)...]
                guard after.isEmpty || after.hasPrefix(":") else { return nil }
                port = after.isEmpty ? "80" : String(after.dropFirst())
            } else if let colon = authority.lastIndex(of: ":") {
                host = String(authority[..<colon])
                port = String(authority[authority.index(after: colon)...])
            } else {
                host = String(authority)
                port = "80"
            }
            guard !host.isEmpty, UInt16(port) != nil, !path.contains(where: { $0 == " " || $0.isNewline }) else {
                return nil
            }
        }
    }

    struct Problem: Error {
        let message: String
    }

    /// Connects, sends the GET and parses `HTTP/1.x NNN` from the answer, all within the timeout.
    static func fetchStatus(_ target: Target) -> Result<Int, Problem> {
        let deadline = now() + timeoutMilliseconds
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(target.host, target.port, &hints, &list)
        guard rc == 0, let list else { return .failure(Problem(message: "cannot resolve \(target.host)")) }
        defer { freeaddrinfo(list) }

        var lastError = Problem(message: "no address")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            let info = current.pointee
            let fd = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            if connect(fd, info.ai_addr, info.ai_addrlen) != 0 {
                guard errno == EINPROGRESS else {
                    lastError = Problem(message: describeErrno())
                    continue
                }
                guard wait(fd, for: Int16(POLLOUT), until: deadline) else {
                    lastError = Problem(message: "timed out connecting")
                    continue
                }
                var error: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
                guard error == 0 else {
                    lastError = Problem(message: String(cString: strerror(error)))
                    continue
                }
            }
            return exchange(fd, target, deadline: deadline)
        }
        return .failure(lastError)
    }

    private static func exchange(_ fd: Int32, _ target: Target, deadline: Int) -> Result<Int, Problem> {
        let hostHeader = target.host.contains(":") ? "[\(target.host)]:\(target.port)" : "\(target.host):\(target.port)"
        let request = Array("GET \(target.path) HTTP/1.1\r\nHost: \(hostHeader)\r\nConnection: close\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else { return .failure(Problem(message: "timed out")) }
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EAGAIN || errno == EINTR { continue }
            guard count > 0 else { return .failure(Problem(message: describeErrno())) }
            sent += count
        }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while !answer.contains(UInt8(ascii: "\n")), answer.count < 8192 {
            guard wait(fd, for: Int16(POLLIN), until: deadline) else { return .failure(Problem(message: "timed out")) }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EAGAIN || errno == EINTR { continue }
            guard count > 0 else { break }
            answer += chunk[..<count]
        }
        // "HTTP/1.1 200 OK": the status is the second word.
        let line = String(
            decoding: answer.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/"), let status = Int(words[1]) else {
            return .failure(
                Problem(message: answer.isEmpty ? "connection closed without an answer" : "not an HTTP answer"))
        }
        return .success(status)
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: Int) -> Bool {
        while true {
            let remaining = deadline - now()
            guard remaining > 0 else { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(remaining))
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Monotonic milliseconds.
    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
