import ServiceHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How an `HTTPServer` listens and which limits it enforces.
///
/// Every libmicrohttpd limit is set explicitly: the library's own defaults
/// (no connection timeout, no per-IP limit) are unsafe.
public struct ServerConfiguration: Sendable {
    /// Interface to bind: an IPv4 or IPv6 literal (brackets optional) or a host
    /// name, which is resolved once at start (IPv4 preferred).
    public var host: String
    /// TCP port; 0 binds any free port (read it back with `HTTPServer.port`).
    public var port: UInt16
    /// Worker threads polling connections with epoll; 1 means a single internal
    /// thread rather than a pool.
    public var threads: Int
    /// Largest request body accepted, in bytes; larger ones are answered 413.
    public var maxBody: Int
    /// Seconds a connection may stay idle (nothing received or sent) before it is closed.
    public var connectionTimeout: UInt32
    /// Seconds within which a request's head and body must arrive, counted from
    /// the connection opening or its previous response; otherwise the connection
    /// is closed. Unlike the idle timeout, a client sending one byte a second
    /// does not extend it.
    public var requestTimeout: Double
    /// Connections held at once; further clients are refused at accept.
    public var connectionLimit: UInt32
    /// Connections held at once from one IP address; 0 means no per-IP limit.
    public var perIPConnectionLimit: UInt32
    /// Bytes of memory per connection for the request line, headers and read
    /// buffer: libmicrohttpd 0.9.75 keeps the request line and every header line
    /// in it, plus 64 bytes of bookkeeping per header. The bridge refuses targets
    /// over 8 KiB (414) and header blocks over 16 KiB (431) itself; what does not
    /// fit this memory at all is answered by libmicrohttpd. The default, 32 KiB
    /// (libmicrohttpd's own), takes a request at both limits in up to about 115
    /// header lines; libmicrohttpd zeroes the whole pool and half of it again for
    /// every request, so a larger one costs CPU. Values below
    /// 4 KiB are raised to 4 KiB (0 would crash libmicrohttpd 0.9.75).
    public var memoryLimit: Int
    /// Where request bodies and unsent responses are counted (BridgeMemory.swift); nil: not counted.
    public var memory: MemoryBudget?
    /// The request headers the handler reads, if it says; nil: it may read any. Without
    /// an access log (which records every header), the bridge then looks up only these
    /// instead of copying every header (docs/architecture.md).
    public var readHeaders: [String]?

    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 8080,
        threads: Int = ServerConfiguration.defaultThreads,
        maxBody: Int = 1 << 20,
        connectionTimeout: UInt32 = 30,
        requestTimeout: Double = 10,
        connectionLimit: UInt32 = 4000,
        perIPConnectionLimit: UInt32 = 2000,
        memoryLimit: Int = 32 << 10
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.maxBody = maxBody
        self.connectionTimeout = connectionTimeout
        self.requestTimeout = requestTimeout
        self.connectionLimit = connectionLimit
        self.perIPConnectionLimit = perIPConnectionLimit
        self.memoryLimit = memoryLimit
    }

    /// The number of online processors, clamped to 1…64.
    public static var defaultThreads: Int {
        min(64, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

/// One answered request, reported after its response was sent (or abandoned).
public struct AccessLogEntry: Sendable {
    public var method: String
    /// The path as sent (not percent-decoded, without the query).
    public var path: String
    /// The status the bridge queued.
    public var status: Int
    /// From the first handler call (headers received) to completion.
    public var durationNanoseconds: UInt64
    /// The query as sent, without the `?` (not percent-decoded); "" when there is none.
    public var query: String
    /// The request's headers; empty when the bridge refused the request before reading them.
    public var requestHeaders: [(name: String, value: String)]
    /// The headers of the response sent (without `Content-Length`).
    public var responseHeaders: [(name: String, value: String)]

    public init(
        method: String, path: String, status: Int, durationNanoseconds: UInt64, query: String = "",
        requestHeaders: [(name: String, value: String)] = [],
        responseHeaders: [(name: String, value: String)] = []
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.durationNanoseconds = durationNanoseconds
        self.query = query
        self.requestHeaders = requestHeaders
        self.responseHeaders = responseHeaders
    }
}

/// Why `HTTPServer.start()` failed.
public enum HTTPServerError: Error, CustomStringConvertible {
    /// The host could not be resolved to an address.
    case badHost(host: String, reason: String)
    /// libmicrohttpd could not start (typically: the port is in use).
    case cannotListen(address: String, reason: String)
    /// `start()` was called twice, or after `stop`.
    case alreadyStarted

    public var description: String {
        switch self {
        case .badHost(let host, let reason): "cannot use host \"\(host)\": \(reason)"
        case .cannotListen(let address, let reason): "cannot listen on \(address): \(reason)"
        case .alreadyStarted: "the server was already started"
        }
    }
}
