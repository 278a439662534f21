import CMicroHTTPD
import ServiceHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request whose answer comes later, from another thread (`Handling.later`): its
/// connection is suspended meanwhile, so that its worker goes on serving the others.
///
/// libmicrohttpd 0.9.75's suspend and resume ([MHD-API]): `MHD_suspend_connection`, called
/// from the access handler, takes the connection out of its worker's event set at once;
/// `MHD_resume_connection` may be called from any thread at any time after that, and wakes
/// the worker (`MHD_ALLOW_SUSPEND_RESUME` brings the inter-thread channel it needs), which
/// puts the connection back and calls the access handler again, where the answer left
/// here is queued. A suspended connection does not time out and still counts against the
/// connection limits, and libmicrohttpd does not notice its client leaving: `clientGone`
/// looks at the socket itself. The daemon must not be stopped while one is suspended
/// (`HTTPServer.stop` waits, or abandons the daemon).
final class ParkedRequest: Sendable {
    /// The connection, touched here only by `MHD_resume_connection` (`MHDHandle`).
    private let connection: MHDHandle
    private let fd: Int32
    private let context: ServerContext
    private let answer = PThreadLock<Answer>(.waiting)

    private enum Answer {
        case waiting
        /// Given, not yet queued by the worker.
        case given(ServiceResponse)
        /// Queued (or the request ended without it).
        case taken
    }

    private init(connection: OpaquePointer, fd: Int32, context: ServerContext) {
        self.connection = MHDHandle(pointer: connection)
        self.fd = fd
        self.context = context
    }

    /// Suspends `connection` (call from its access handler) and returns its parked request.
    static func park(_ connection: OpaquePointer, fd: Int32?, context: ServerContext) -> ParkedRequest {
        let parked = ParkedRequest(connection: connection, fd: fd ?? lcd_connection_fd(connection), context: context)
        context.parked.add(1, ordering: .relaxed)
        MHD_suspend_connection(connection)
        return parked
    }

    /// The link the handler answers through.
    var link: ResponseLink {
        ResponseLink(deliver: { [self] in deliver($0) }, clientGone: { [self] in clientGone })
    }

    /// Keeps the answer and resumes the connection; only the first answer counts.
    private func deliver(_ response: ServiceResponse) {
        let first = answer.withLock { (answer: inout Answer) -> Bool in
            guard case .waiting = answer else { return false }
            answer = .given(response)
            return true
        }
        guard first else { return }
        MHD_resume_connection(connection.pointer)
        context.parked.subtract(1, ordering: .relaxed)
    }

    /// The answer, once, for the worker to queue after the resume.
    func takeResponse() -> ServiceResponse? {
        answer.withLock { (answer: inout Answer) -> ServiceResponse? in
            guard case .given(let response) = answer else { return nil }
            answer = .taken
            return response
        }
    }

    /// True when the client has closed its end (or the socket failed, or `stop` shut it
    /// down): a peek at the socket reads end of stream, or an error other than "nothing
    /// yet". A client that only half-closes (shutdown for writing) and would still read
    /// counts as gone too; HTTP/1.1 clients do not do that. Only asked while the request
    /// is parked: once it is answered the socket belongs to libmicrohttpd again.
    private var clientGone: Bool {
        let waiting = answer.withLock { (answer: inout Answer) -> Bool in
            if case .waiting = answer { return true }
            return false
        }
        guard waiting, fd >= 0 else { return true }
        var byte: UInt8 = 0
        // recv(2) with MSG_PEEK | MSG_DONTWAIT ([LINUX-MAN]): 0 at end of stream, -1 with
        // EAGAIN while the client is connected and silent; a pipelined next request peeks as data.
        let received = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        if received > 0 { return false }
        if received == 0 { return true }
        return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
    }
}
