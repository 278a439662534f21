import CMicroHTTPD
import Dispatch
import ServiceHTTP
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One open connection, as the watch sees it; retained in the connection's
/// `socket_context` from NOTIFY_STARTED to NOTIFY_CLOSED. Its worker thread
/// updates the request state with atomics (no lock on the request path); the
/// watch's lock guards only the registry and `cut`, so that a socket is never
/// shut down after libmicrohttpd has closed it.
final class WatchedConnection: Sendable {
    let fd: Int32
    /// When the connection opened or its previous response completed (monotonic ns).
    /// Written before `answering` is cleared, read after it.
    let since: Atomic<UInt64>
    /// The request is complete (or refused) and its response is being made or
    /// sent: no deadline then (the idle timeout covers slow readers).
    let answering = Atomic<Bool>(false)
    /// Headers of a request have arrived (its first handler call happened).
    let requestStarted = Atomic<Bool>(false)
    /// `shutdown(2)` was called on the socket; libmicrohttpd closes it soon. Guarded by the watch's lock.
    nonisolated(unsafe) var cut = false

    init(fd: Int32, now: UInt64) {
        self.fd = fd
        since = Atomic(now)
    }
}

/// What `HTTPServer.stop` did.
public struct StopReport: Sendable, Equatable {
    /// Requests still being received or answered when the grace period ended; their connections were closed.
    public var requestsCut: Int
    /// True when the grace period ended before every connection had closed.
    public var graceExpired: Bool
}

/// Enforces the whole-request deadline and closes idle keep-alive connections
/// while draining. libmicrohttpd 0.9.75 has only an idle timeout, which a client
/// sending one byte a second never trips; the watch closes (with `shutdown(2)`,
/// so libmicrohttpd sees end of stream and frees the connection itself) every
/// connection whose request is not complete within `requestTimeout` of the
/// connection opening or of its previous response, unless bytes the client sent wait
/// unread (then the worker is late, not the client).
final class ConnectionWatch: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: WatchedConnection] = [:]
        /// Set when draining began (`stop`).
        var drainingSince: UInt64?
        var cutByDeadline = 0
    }

    // Once draining has begun, an idle keep-alive connection (no request started,
    // no byte of one waiting) is closed at once, as an idle connection may be at any
    // time (RFC 9112 section 9.3.1): a stop must not wait for clients that keep one
    // open (URLSession and Node's fetch do). A request whose bytes have arrived is
    // left to be answered, with `Connection: close`.

    private let requestTimeoutNanoseconds: UInt64
    private let state = PThreadLock(State())
    /// Created (and resumed) by `start`: a suspended source must never be released.
    private let timer = PThreadLock<DispatchSourceTimer?>(nil)

    init(requestTimeout: Double) {
        requestTimeoutNanoseconds = UInt64(max(0.001, min(requestTimeout, 86_400)) * 1e9)
    }

    func start() {
        let interval = min(0.1, Double(requestTimeoutNanoseconds) / 4e9)
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lifecycled.connection-watch"))
        source.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
        source.setEventHandler { [weak self] in self?.sweep() }
        source.resume()
        timer.withLock { $0 = source }
    }

    func cancel() {
        timer.withLock { $0?.cancel() }
    }

    // MARK: Events from the callbacks (worker threads)

    func opened(_ connection: WatchedConnection) {
        state.withLock { $0.connections[ObjectIdentifier(connection)] = connection }
    }

    /// Called before libmicrohttpd closes the socket, so the watch never shuts down a reused descriptor.
    func closed(_ connection: WatchedConnection) {
        state.withLock { _ = $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    func requestStarted(_ connection: WatchedConnection) {
        connection.requestStarted.store(true, ordering: .relaxed)
    }

    func answering(_ connection: WatchedConnection) {
        connection.answering.store(true, ordering: .relaxed)
    }

    func completed(_ connection: WatchedConnection) {
        connection.since.store(MonotonicClock.nanoseconds(), ordering: .relaxed)
        connection.requestStarted.store(false, ordering: .relaxed)
        connection.answering.store(false, ordering: .releasing)
    }

    // MARK: Sweeps

    /// Connections closed because their request missed the deadline, since start.
    var cutByDeadline: Int { state.withLock { $0.cutByDeadline } }

    func beginDraining() {
        state.withLock { $0.drainingSince = MonotonicClock.nanoseconds() }
        sweep()
    }

    private func sweep() {
        state.withLock { state in
            let now = MonotonicClock.nanoseconds()
            for connection in state.connections.values where !connection.cut {
                guard !connection.answering.load(ordering: .acquiring) else { continue }
                // `since` may be stamped after `now` by a worker: `elapsed` saturates at 0.
                let since = connection.since.load(ordering: .relaxed)
                if Self.elapsed(since: since, now: now) > requestTimeoutNanoseconds {
                    // Bytes the client sent that its worker has not read yet (FIONREAD, [LINUX-MAN]): the delay is
                    // the server's (a busy worker), not the client's; cut it once they are read.
                    guard lcd_unread_bytes(connection.fd) == 0 else { continue }
                    Self.cut(connection)
                    state.cutByDeadline += 1
                } else if state.drainingSince != nil, !connection.requestStarted.load(ordering: .relaxed),
                    !Self.hasBytesWaiting(connection.fd)
                {
                    Self.cut(connection)
                }
            }
        }
    }

    /// Closes every connection; returns how many were in the middle of a request.
    func cutAll() -> Int {
        state.withLock { state in
            var requests = 0
            for connection in state.connections.values where !connection.cut {
                if connection.answering.load(ordering: .relaxed) || connection.requestStarted.load(ordering: .relaxed) {
                    requests += 1
                }
                Self.cut(connection)
            }
            return requests
        }
    }

    /// Whether the client has sent bytes the server has not read yet: the start of a
    /// request, which a drain answers rather than cuts.
    private static func hasBytesWaiting(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    private static func elapsed(since: UInt64, now: UInt64) -> UInt64 {
        now > since ? now - since : 0
    }

    private static func cut(_ connection: WatchedConnection) {
        connection.cut = true
        _ = shutdown(connection.fd, Int32(SHUT_RDWR))
    }
}
