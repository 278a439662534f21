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
    /// Request headers in the order sent, as the bridge copied them (look them up with
    /// `headerValue`); without an access log, only the ones the handler reads
    /// (`ServerConfiguration.readHeaders`, in that list's order and spelling).
    public var fields: HeaderFields

    /// `fields` as Strings.
    public var headers: [(name: String, value: String)] {
        get { fields.pairs }
        set { fields = HeaderFields(newValue) }
    }

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], body: [UInt8] = [],
        headers: [(name: String, value: String)] = []
    ) {
        self.init(method: method, path: path, query: query, body: body, fields: HeaderFields(headers))
    }

    public init(
        method: String, path: String, query: [(name: String, value: String)] = [], body: [UInt8] = [],
        fields: HeaderFields
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.fields = fields
    }

    /// The first value of a header, its name matched without regard to ASCII case.
    @inlinable
    public func headerValue(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { headerValue(named: $0) }
    }

    /// `headerValue` for a name known at compile time, compared with its bytes as they
    /// lie (the per-request lookup of `X-Request-Id`).
    @inlinable
    public func headerValue(literal name: StaticString) -> String? {
        headerValue(named: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    @usableFromInline
    func headerValue(named name: UnsafeBufferPointer<UInt8>) -> String? {
        fields.value(named: name)
    }

    /// The first value of a query argument, if sent.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
