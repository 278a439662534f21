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
    /// Request headers in the order sent (names as sent; look them up with `headerValue`).
    public var headers: [(name: String, value: String)]

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], body: [UInt8] = [],
        headers: [(name: String, value: String)] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.headers = headers
    }

    /// The first value of a header, its name matched without regard to ASCII case.
    public func headerValue(_ name: String) -> String? {
        for header in headers where header.name.utf8.count == name.utf8.count {
            if zip(header.name.utf8, name.utf8).allSatisfy({ Self.asciiLower($0) == Self.asciiLower($1) }) {
                return header.value
            }
        }
        return nil
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// The first value of a query argument, if sent.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
