import CMicroHTTPD  // SOCK_STREAM: a fresh build did not find it through Glibc alone (the shim includes sys/socket.h)

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resolved IPv4 or IPv6 address with port, kept as `sockaddr_storage` bytes.
struct SocketAddress {
    private var storage = sockaddr_storage()
    let isIPv6: Bool
    /// The length of the address within `storage`, for bind(2).
    let length: socklen_t

    /// Resolves `host` (a literal, `[v6-literal]`, or a name) and attaches `port`.
    init(host: String, port: UInt16) throws(HTTPServerError) {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(name, String(port), &hints, &list)
        guard rc == 0, let list else {
            let reason = rc == 0 ? "no address" : String(cString: gai_strerror(rc))
            throw .badHost(host: host, reason: reason)
        }
        defer { freeaddrinfo(list) }
        // Prefer IPv4 ("localhost" usually resolves to both).
        var chosen: UnsafeMutablePointer<addrinfo>?
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            let family = current.pointee.ai_family
            if family == AF_INET, chosen?.pointee.ai_family != AF_INET { chosen = current }
            if family == AF_INET6, chosen == nil { chosen = current }
            entry = current.pointee.ai_next
        }
        guard let chosen, let address = chosen.pointee.ai_addr else {
            throw .badHost(host: host, reason: "no IPv4 or IPv6 address")
        }
        isIPv6 = chosen.pointee.ai_family == AF_INET6
        let length = min(Int(chosen.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
        self.length = socklen_t(length)
        withUnsafeMutableBytes(of: &storage) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: length))
        }
    }

    /// Calls `body` with a `sockaddr` pointer valid for the duration of the call.
    func withSockaddr<R>(_ body: (UnsafePointer<sockaddr>) -> R) -> R {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0) }
        }
    }

    /// The port of an IPv4 or IPv6 address (from getsockname(2)), 0 for another family.
    static func port(of address: sockaddr_storage) -> UInt16 {
        var address = address
        return withUnsafePointer(to: &address) { pointer in
            switch Int32(pointer.pointee.ss_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    UInt16(bigEndian: $0.pointee.sin6_port)
                }
            default: 0
            }
        }
    }
}
