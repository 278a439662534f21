/// One HTTP request as the service sees it: already complete, body included.
///
/// The bridge (MHDServer) builds these from libmicrohttpd's callbacks; tests build
/// them by hand to drive the service without a socket.
public struct ServiceRequest: Sendable {
    /// The request method as sent, e.g. `GET`.
    public var method: String
    /// The path without the query string, percent-decoding left to the router.
    public var path: String
    /// Query arguments in the order sent, already percent-decoded.
    public var query: [(name: String, value: String)]
    /// The whole body (empty when none was sent).
    public var body: [UInt8]

    public init(method: String, path: String, query: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
    }

    /// The first value of a query argument, if sent.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
