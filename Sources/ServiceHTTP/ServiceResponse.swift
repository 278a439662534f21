/// A response body in memory an object owns, which the bridge sends as it lies instead
/// of from an array copy: the service's JSON writer's buffer (docs/architecture.md).
///
/// Sendable by contract (`@unchecked`): the bytes belong to `owner`, stay valid while
/// it lives, and nothing changes them once lent.
public struct LentBytes: @unchecked Sendable {
    /// What keeps `bytes` alive.
    public let owner: AnyObject
    /// The body.
    public let bytes: UnsafeRawBufferPointer

    public init(owner: AnyObject, bytes: UnsafeRawBufferPointer) {
        self.owner = owner
        self.bytes = bytes
    }
}

/// One complete HTTP response: status, headers and body bytes.
public struct ServiceResponse: Sendable {
    public var status: Int
    /// Headers in the order they are sent; `Content-Length` is added by the bridge.
    public var headers: [(name: String, value: String)]
    private var payload: Payload

    private enum Payload: Sendable {
        case array([UInt8])
        case lent(LentBytes)
    }

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.payload = .array(body)
    }

    /// A response whose body is `bytes`' memory, sent without a copy.
    public init(status: Int, headers: [(name: String, value: String)] = [], lending bytes: LentBytes) {
        self.status = status
        self.headers = headers
        self.payload = .lent(bytes)
    }

    /// The body (an array made from the lent bytes when the response has them).
    public var body: [UInt8] {
        get {
            switch payload {
            case .array(let bytes): bytes
            case .lent(let lent): Array(lent.bytes)
            }
        }
        set { payload = .array(newValue) }
    }

    /// The body's length in bytes.
    public var bodyCount: Int {
        switch payload {
        case .array(let bytes): bytes.count
        case .lent(let lent): lent.bytes.count
        }
    }

    /// The body and the object holding it, when it was lent rather than given as an array.
    public var lentBody: LentBytes? {
        if case .lent(let owner) = payload { return owner }
        return nil
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
