/// What a handler makes of one request: its response now, or a response that another
/// thread makes later.
///
/// A request that takes real work (a search) is answered later, so that the thread that
/// read it goes on serving others meanwhile: the bridge parks the connection (it reads
/// and writes nothing on it), calls `start` once with the request's `ResponseLink`, and
/// sends what the link is given.
public enum Handling: Sendable {
    /// The response, ready now.
    case respond(ServiceResponse)
    /// The response comes through the link `start` is handed, from any thread, exactly once.
    case later(_ start: @Sendable (ResponseLink) -> Void)
}

/// A parked request's way back to its connection (`Handling.later`).
public final class ResponseLink: Sendable {
    private let deliver: @Sendable (ServiceResponse) -> Void
    private let gone: @Sendable () -> Bool

    /// - Parameters:
    ///   - deliver: sends the response; called once.
    ///   - clientGone: whether the client has closed its end of the connection.
    public init(
        deliver: @escaping @Sendable (ServiceResponse) -> Void, clientGone: @escaping @Sendable () -> Bool
    ) {
        self.deliver = deliver
        self.gone = clientGone
    }

    /// Whether the client has closed its connection, so that no answer will be read
    /// (cheap enough to ask every millisecond: one system call).
    public var clientGone: Bool { gone() }

    /// Sends the response. Call it exactly once, from any thread.
    public func send(_ response: ServiceResponse) { deliver(response) }
}
