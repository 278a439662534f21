import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One open connection, as the watch sees it. Its fields are guarded by the
/// watch's lock; the object itself is retained in the connection's
/// `socket_context` from NOTIFY_STARTED to NOTIFY_CLOSED.
final class WatchedConnection: @unchecked Sendable {
    enum Phase {
        /// Open, between requests or receiving one: the request deadline runs from `since`.
        case waiting
        /// The request is complete (or refused) and its response is being made or
        /// sent: no deadline here (the idle timeout covers slow readers).
        case answering
    }

    let fd: Int32
    var phase = Phase.waiting
    /// When the connection opened or its previous response completed.
    var since: UInt64
    /// Headers of a request have arrived (its first handler call happened).
    var requestStarted = false
    /// `shutdown(2)` was called on the socket; libmicrohttpd closes it soon.
    var cut = false

    init(fd: Int32, now: UInt64) {
        self.fd = fd
        since = now
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
/// connection opening or of its previous response.
final class ConnectionWatch: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: WatchedConnection] = [:]
        /// Set when draining began (`stop`).
        var drainingSince: UInt64?
        var cutByDeadline = 0
    }

    /// How long an idle keep-alive connection is left open once draining has
    /// begun: a client that sends its next request within a second is still
    /// answered (with `Connection: close`); one idle longer is closed, as an idle
    /// keep-alive connection may be at any time (RFC 9112 §9.3.1).
    static let drainIdleNanoseconds: UInt64 = 1_000_000_000

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
        state.withLock { state in
            connection.since = monotonicNanoseconds()
            state.connections[ObjectIdentifier(connection)] = connection
        }
    }

    /// Called before libmicrohttpd closes the socket, so the watch never shuts down a reused descriptor.
    func closed(_ connection: WatchedConnection) {
        state.withLock { _ = $0.connections.removeValue(forKey: ObjectIdentifier(connection)) }
    }

    func requestStarted(_ connection: WatchedConnection) {
        state.withLock { _ in connection.requestStarted = true }
    }

    func answering(_ connection: WatchedConnection) {
        state.withLock { _ in connection.phase = .answering }
    }

    func completed(_ connection: WatchedConnection) {
        state.withLock { _ in
            connection.phase = .waiting
            connection.requestStarted = false
            connection.since = monotonicNanoseconds()
        }
    }

    // MARK: Sweeps

    /// Connections closed because their request missed the deadline, since start.
    var cutByDeadline: Int { state.withLock { $0.cutByDeadline } }

    func beginDraining() {
        state.withLock { $0.drainingSince = monotonicNanoseconds() }
        sweep()
    }

    private func sweep() {
        state.withLock { state in
            // Read under the lock: a `since` stamped by another thread is then never after `now`
            // (an unsigned difference would otherwise wrap and cut a fresh connection).
            let now = monotonicNanoseconds()
            for connection in state.connections.values where !connection.cut && connection.phase == .waiting {
                if Self.elapsed(since: connection.since, now: now) > requestTimeoutNanoseconds {
                    Self.cut(connection)
                    state.cutByDeadline += 1
                } else if let draining = state.drainingSince, !connection.requestStarted,
                          Self.elapsed(since: max(connection.since, draining), now: now) >= Self.drainIdleNanoseconds {
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
                if connection.phase == .answering || connection.requestStarted { requests += 1 }
                Self.cut(connection)
            }
            return requests
        }
    }

    private static func elapsed(since: UInt64, now: UInt64) -> UInt64 {
        now > since ? now - since : 0
    }

    private static func cut(_ connection: WatchedConnection) {
        connection.cut = true
        _ = shutdown(connection.fd, Int32(SHUT_RDWR))
    }
}
