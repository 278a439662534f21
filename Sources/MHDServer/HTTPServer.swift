import CMicroHTTPD
import ServiceHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 server on libmicrohttpd that hands complete requests to a handler.
///
/// The bridge reads bodies (up to `maxBody`), refuses with the `problem` closure
/// the request heads libmicrohttpd lets through but RFC 9110/9112 do not (header
/// names that are not tokens, control bytes in values, transfer codings other
/// than `chunked`, conflicting framing, a missing or repeated `Host`: 400,
/// closing the connection) and oversized bodies (413), closes connections whose
/// request is not complete within `requestTimeout`, and sends whatever the
/// handler answers, adding only `Content-Length`. The handler runs concurrently
/// on the server's worker threads; one that answers later (`Handling.later`) has its
/// connection parked meanwhile, so that its worker goes on serving the others.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    private let context: ServerContext
    private let state = PThreadLock<State>(.idle)

    private enum State {
        case idle
        case running(Daemon)
        case stopped
    }

    /// A running daemon and the retain that keeps `cls` alive for its callbacks.
    private struct Daemon: Sendable {
        let handle: MHDHandle
        let context: Unmanaged<ServerContext>
        /// Accepts the connections the daemon serves (the daemon has no listening socket).
        let listener: Listener
    }

    /// - Parameters:
    ///   - handler: answers one complete request; called on worker threads.
    ///   - problem: builds the bridge's own error responses (400, 413).
    ///   - accessLog: called once per request that was answered, after completion.
    ///   - messageLog: receives the server's own messages once started, one line each,
    ///     prefixed with their source (`libmicrohttpd: `, or `accept: ` from the accept
    ///     loop); nil writes them to standard error.
    public convenience init(
        configuration: ServerConfiguration,
        handler: @escaping @Sendable (ServiceRequest) -> ServiceResponse,
        problem: @escaping ProblemResponder,
        accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil,
        messageLog: (@Sendable (String) -> Void)? = nil
    ) {
        self.init(
            configuration: configuration, handling: { .respond(handler($0)) }, problem: problem, accessLog: accessLog,
            messageLog: messageLog)
    }

    /// The same with a handler that may answer later (`Handling.later`): its request's
    /// connection is parked (libmicrohttpd's suspend) until the link is given the response.
    public init(
        configuration: ServerConfiguration,
        handling: @escaping @Sendable (ServiceRequest) -> Handling,
        problem: @escaping ProblemResponder,
        accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil,
        messageLog: (@Sendable (String) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.context = ServerContext(
            maxBody: max(0, configuration.maxBody),
            requestTimeout: configuration.requestTimeout, handler: handling,
            problem: problem, accessLog: accessLog, messageLog: messageLog,
            memory: configuration.memory, readHeaders: configuration.readHeaders)
    }

    deinit {
        stop(graceSeconds: 0)
    }

    /// Binds and starts serving on the worker threads. A server starts once.
    /// - Throws: `HTTPServerError` if the host does not resolve or the port cannot be bound.
    public func start() throws(HTTPServerError) {
        try state.withLock { (state: inout State) throws(HTTPServerError) in
            guard case .idle = state else { throw .alreadyStarted }
            let config = configuration
            let address = try SocketAddress(host: config.host, port: config.port)
            let shownAddress =
                address.isIPv6
                ? "[\(config.host.trimmingBrackets)]:\(config.port)"
                : "\(config.host):\(config.port)"
            let listener = try Listener(address: address, shownAddress: shownAddress)
            let flags =
                MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
                | MHD_USE_NO_LISTEN_SOCKET.rawValue  // `listener` accepts (see Listener for why)
                | MHD_USE_ITC.rawValue  // wakes a worker for a connection MHD_add_connection gave it
                | MHD_ALLOW_SUSPEND_RESUME.rawValue  // parks a connection whose answer comes later (ParkedRequest)
                | MHD_USE_ERROR_LOG.rawValue  // messages go to `logMessage`

            context.startupMessages.withLock { $0 = [] }
            let retained = Unmanaged.passRetained(context)
            let daemon = lcd_start_daemon(
                flags, UInt32(clamping: config.threads), config.connectionTimeout,
                config.connectionLimit, config.perIPConnectionLimit,
                max(4096, config.memoryLimit),
                accessHandler, requestCompleted, connectionNotified, logMessage,
                retained.toOpaque())
            let messages = context.startupMessages.withLock { messages in
                defer { messages = nil }
                return messages ?? []
            }
            guard let daemon else {
                retained.release()
                listener.stop()
                throw .cannotListen(address: shownAddress, reason: messages.last ?? "libmicrohttpd could not start")
            }
            context.watch.start()
            listener.run(daemon: MHDHandle(pointer: daemon), connectionLimit: config.connectionLimit) { [context] in
                context.report("accept: \($0)")
            }
            state = .running(Daemon(handle: MHDHandle(pointer: daemon), context: retained, listener: listener))
        }
    }

    /// The bound port once started (the real one when 0 was configured),
    /// otherwise the configured one.
    public var port: UInt16 {
        state.withLock { state in
            if case .running(let daemon) = state { return daemon.listener.port }
            return configuration.port
        }
    }

    /// Connections closed so far because their request was not complete within
    /// `requestTimeout`.
    public var connectionsCutByDeadline: Int { context.watch.cutByDeadline }

    /// Stops gracefully, in this order: stops accepting (the listening socket is
    /// closed, so new clients are refused rather than reset); lets requests in
    /// flight finish, their responses carrying `Connection: close`; closes each
    /// idle keep-alive connection at once (one whose next request has begun to
    /// arrive is answered first); and when
    /// `graceSeconds` are over, closes every connection left. If a handler is
    /// still running then, its worker cannot be joined: the daemon is abandoned
    /// (the process is expected to exit) and `stop` returns at once. Does nothing
    /// if the server is not running. Never call it from the handler.
    @discardableResult
    public func stop(graceSeconds: Double) -> StopReport {
        let daemon: Daemon? = state.withLock { state in
            guard case .running(let daemon) = state else { return nil }
            state = .stopped
            return daemon
        }
        guard let daemon else { return StopReport(requestsCut: 0, graceExpired: false) }
        context.stopping.store(true, ordering: .relaxed)
        daemon.listener.stop()
        context.watch.beginDraining()
        let deadline = MonotonicClock.nanoseconds() + UInt64(max(0, min(graceSeconds, 3600)) * 1e9)
        while lcd_daemon_connections(daemon.handle.pointer) > 0, MonotonicClock.nanoseconds() < deadline {
            usleep(2_000)
        }
        var report = StopReport(requestsCut: 0, graceExpired: false)
        if lcd_daemon_connections(daemon.handle.pointer) > 0 {
            report = StopReport(requestsCut: context.watch.cutAll(), graceExpired: true)
            // Give the workers a moment to see the closed sockets and finish their callbacks.
            let settle = MonotonicClock.nanoseconds() + 200_000_000
            while context.inFlight.load(ordering: .relaxed) > 0, MonotonicClock.nanoseconds() < settle { usleep(2_000) }
        }
        // A parked request's search sees its socket closed and answers within milliseconds.
        let parkedSettle = MonotonicClock.nanoseconds() + 200_000_000
        while context.parked.load(ordering: .relaxed) > 0, MonotonicClock.nanoseconds() < parkedSettle {
            usleep(2_000)
        }
        context.watch.cancel()
        if context.handlersRunning.load(ordering: .relaxed) > 0 {
            return report  // a worker is inside a handler: MHD_stop_daemon would wait for it
        }
        if context.parked.load(ordering: .relaxed) > 0 {
            // Stopping a daemon with a suspended connection is undefined in libmicrohttpd
            // 0.9.75 ([MHD-API]): abandoned, as above.
            return report
        }
        MHD_stop_daemon(daemon.handle.pointer)
        daemon.context.release()
        return report
    }
}

extension String {
    fileprivate var trimmingBrackets: String {
        hasPrefix("[") && hasSuffix("]") ? String(dropFirst().dropLast()) : self
    }
}
