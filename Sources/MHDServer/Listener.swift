import CMicroHTTPD
import Dispatch
import ServiceHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's listening socket and the thread that accepts on it, handing each
/// connection to libmicrohttpd (`MHD_add_connection`), whose workers then serve it.
///
/// Why the server accepts instead of libmicrohttpd: stopping must stop accepting
/// while requests in flight finish. In 0.9.75 that is `MHD_quiesce_daemon`, which
/// with epoll and a thread pool removes the listening socket from each worker's
/// epoll set from the calling thread, while a worker that has already seen the
/// quiesce flag removes it too. The worker's side expects the race and ignores
/// ENOENT; the quiescing side does not, and `MHD_PANIC` aborts the process
/// (daemon.c:5531, "Failed to remove listen FD from epoll set"), on SIGTERM under
/// load. With the daemon started without a listening socket there is nothing to
/// quiesce: `stop` wakes this thread and closes the socket, and new clients are
/// refused.
///
/// What libmicrohttpd did with its own socket and this keeps: the socket options
/// and backlog (`SO_REUSEADDR`, `IPV6_V6ONLY`, `SOMAXCONN`); the per-address limit
/// (`MHD_add_connection` applies it); and at the connection limit, new clients
/// wait in the backlog rather than being accepted and closed.
final class Listener: Sendable {
    /// The bound port (the real one when 0 was asked).
    let port: UInt16
    private let socket: Int32
    /// A pipe whose write end `stop` closes, which wakes the accepting thread's poll.
    private let wake: (read: Int32, write: Int32)
    private let state = PThreadLock(RunState())

    private struct RunState {
        /// Signalled when the accepting loop has returned; nil until `run`.
        var finished: DispatchSemaphore?
        var stopped = false
    }

    /// What the accepting loop needs.
    private struct Loop: Sendable {
        let daemon: MHDHandle
        let connectionLimit: UInt32
        let log: @Sendable (String) -> Void
    }

    /// Binds `address` and listens. Throws `.cannotListen` with the system's reason.
    init(address: SocketAddress, shownAddress: String) throws(HTTPServerError) {
        func failure(_ step: String, closing descriptors: Int32...) -> HTTPServerError {
            let reason = String(cString: strerror(errno))
            for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
            return .cannotListen(address: shownAddress, reason: step.isEmpty ? reason : "\(step): \(reason)")
        }
        #if canImport(Glibc)
            let socket = Glibc.socket(address.isIPv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socket = Darwin.socket(address.isIPv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw failure("socket") }
        _ = fcntl(socket, F_SETFD, FD_CLOEXEC)  // lifecycled does not exec; kept as libmicrohttpd had it
        var on: Int32 = 1
        // As libmicrohttpd does: a restarted server can bind while old connections linger in TIME_WAIT.
        guard setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw failure("setsockopt", closing: socket)
        }
        if address.isIPv6 {
            // IPv6 only, as libmicrohttpd without MHD_USE_DUAL_STACK.
            _ = setsockopt(socket, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        guard address.withSockaddr({ bind(socket, $0, address.length) }) == 0 else {
            throw failure("", closing: socket)
        }
        guard listen(socket, SOMAXCONN) == 0 else { throw failure("listen", closing: socket) }
        // Non-blocking, so a client that resets between poll and accept cannot block the thread.
        guard fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK) == 0 else {
            throw failure("fcntl", closing: socket)
        }
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &bound) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw failure("getsockname", closing: socket) }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw failure("pipe", closing: socket) }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        self.socket = socket
        self.wake = (pipeEnds[0], pipeEnds[1])
        self.port = SocketAddress.port(of: bound)
    }

    deinit {
        stop()
        close(wake.read)
    }

    /// Starts accepting on a thread of its own, handing connections to `daemon`
    /// until `stop`. Does nothing after `stop` or a second time.
    func run(daemon: MHDHandle, connectionLimit: UInt32, log: @escaping @Sendable (String) -> Void) {
        let loop = Loop(daemon: daemon, connectionLimit: connectionLimit, log: log)
        state.withLock { state in
            guard state.finished == nil, !state.stopped else { return }
            let finished = DispatchSemaphore(value: 0)
            state.finished = finished
            // A serial queue of its own: the loop blocks in poll(2) for the server's lifetime.
            DispatchQueue(label: "lifecycled.accept").async {
                self.acceptUntilStopped(loop)
                finished.signal()
            }
        }
    }

    /// Stops accepting: wakes the accepting loop, waits for it to return, and closes
    /// the socket, so new clients are refused (clients still in the backlog are
    /// reset). Connections already handed to libmicrohttpd are not touched. Idempotent.
    func stop() {
        let finished: DispatchSemaphore?? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return .some(state.finished)
        }
        guard let finished else { return }
        close(wake.write)
        finished?.wait()
        close(socket)  // only now: the loop no longer uses it
    }

    /// How long to wait before looking again, when the connection limit is reached,
    /// connections handed over are not yet counted, or the process is out of descriptors.
    private static let pauseMilliseconds: Int32 = 10
    /// How long a connection handed over may stay uncounted before the count is
    /// trusted again (a worker busy in a long handler takes its new connections late).
    private static let settleNanoseconds: UInt64 = 100_000_000

    private func acceptUntilStopped(_ loop: Loop) {
        var descriptors = [
            pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        var reportedShortage = false
        // The daemon counts a connection only once its worker has taken it from
        // MHD_add_connection's queue; until then the loop counts it itself, so that it
        // stops accepting at the limit and does not hand over connections the daemon
        // would close ("Server reached connection limit").
        var unsettled: UInt32 = 0
        var unsettledSince: UInt64 = 0
        var lastCount: UInt32 = 0
        while true {
            let count = lcd_daemon_connections(loop.daemon.pointer)
            // A rise is connections taken (or, rarely, a close and a take: the settle bounds that).
            if count > lastCount { unsettled -= min(unsettled, count - lastCount) }
            lastCount = count
            if unsettled > 0, MonotonicClock.nanoseconds() &- unsettledSince > Self.settleNanoseconds { unsettled = 0 }
            // At the limit, new clients wait in the backlog, as with libmicrohttpd's own socket.
            let full = loop.connectionLimit > 0 && UInt64(count) + UInt64(unsettled) >= UInt64(loop.connectionLimit)
            descriptors[0].events = full ? 0 : Int16(POLLIN)
            descriptors[0].revents = 0
            descriptors[1].revents = 0
            let ready = poll(&descriptors, 2, full || unsettled > 0 ? Self.pauseMilliseconds : -1)
            if descriptors[1].revents != 0 { return }  // `stop` closed the pipe
            guard ready > 0, descriptors[0].revents != 0 else { continue }  // EINTR, or the pause
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let client = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    accept(socket, address, &length)
                }
            }
            guard client >= 0 else {
                switch errno {
                case EAGAIN, EWOULDBLOCK, EINTR, ECONNABORTED, EPROTO: continue
                default:
                    // EMFILE, ENFILE, ENOBUFS, ENOMEM: the client stays in the backlog until there is room.
                    if !reportedShortage {
                        let reason = String(cString: strerror(errno))
                        loop.log("cannot accept a connection (\(reason)): new clients wait until one closes")
                        reportedShortage = true
                    }
                    _ = poll(&descriptors[1], 1, Self.pauseMilliseconds)  // the pause, `stop` still heard
                    continue
                }
            }
            reportedShortage = false
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            // libmicrohttpd makes the socket non-blocking, applies the per-address and
            // connection limits, and closes it itself when it refuses it.
            let added = withUnsafePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    MHD_add_connection(loop.daemon.pointer, client, $0, length)
                }
            }
            if added.rawValue == 1 {  // MHD_YES
                if unsettled == 0 { unsettledSince = MonotonicClock.nanoseconds() }
                unsettled += 1
            }
        }
    }
}
