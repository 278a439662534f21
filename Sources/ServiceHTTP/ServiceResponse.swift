/// One complete HTTP response: status, headers and body bytes.
public struct ServiceResponse: Sendable {
    public var status: Int
    /// Headers in the order they are sent; `Content-Length` is added by the bridge.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched without regard to case.
    public func headerValue(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// Turns a status and a human-readable detail into a complete error response.
///
/// The bridge answers some requests itself (body too large, conflicting framing
/// headers) before the service sees them; it asks the service for the body so that
/// every error has the same `application/problem+json` shape.
public typealias ProblemResponder = @Sendable (_ status: Int, _ detail: String) -> ServiceResponse
