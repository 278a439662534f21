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
    /// What `headers` holds, kept in parts: the `Content-Type` and `X-Request-Id` every
    /// answer has go in fields, so that a plain answer's headers need no array (one
    /// allocation a request; docs/architecture.md). `headers` is `contentType`, then
    /// `before`, then `requestID`, then `after`.
    private var contentType: String?
    private var before: [(name: String, value: String)]
    private var requestID: String?
    private var after: [(name: String, value: String)] = []
    private var payload: Payload

    private enum Payload: Sendable {
        case array([UInt8])
        case lent(LentBytes)
    }

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.before = []
        self.payload = .array(body)
        self.headers = headers
    }

    /// A response whose body is `bytes`' memory, sent without a copy.
    public init(status: Int, headers: [(name: String, value: String)] = [], lending bytes: LentBytes) {
        self.status = status
        self.before = []
        self.payload = .lent(bytes)
        self.headers = headers
    }

    /// A response with `Content-Type` `contentType`, then `headers`.
    public init(
        status: Int, contentType: String, headers: [(name: String, value: String)] = [], lending bytes: LentBytes
    ) {
        self.status = status
        self.contentType = contentType
        self.before = headers
        self.payload = .lent(bytes)
    }

    /// A response with `Content-Type` `contentType`, then `headers`.
    public init(
        status: Int, contentType: String, headers: [(name: String, value: String)] = [], body: [UInt8]
    ) {
        self.status = status
        self.contentType = contentType
        self.before = headers
        self.payload = .array(body)
    }

    /// Headers in the order they are sent; `Content-Length` is added by the bridge.
    public var headers: [(name: String, value: String)] {
        get {
            var all: [(name: String, value: String)] = []
            forEachHeader { all.append(($0, $1)) }
            return all
        }
        set {
            contentType = nil
            requestID = nil
            after = []
            var rest = newValue[...]
            if let first = rest.first, first.name == Self.contentTypeName {
                contentType = first.value
                rest = rest.dropFirst()
            }
            before = Array(rest)
        }
    }

    /// Hands each header to `body`, in the order they are sent, without making an array.
    public func forEachHeader(_ body: (_ name: String, _ value: String) -> Void) {
        if let contentType { body(Self.contentTypeName, contentType) }
        for (name, value) in before { body(name, value) }
        if let requestID { body(Self.requestIDName, requestID) }
        for (name, value) in after { body(name, value) }
    }

    /// Adds a header after the others.
    public mutating func addHeader(_ name: String, _ value: String) {
        if name == Self.requestIDName, requestID == nil, after.isEmpty {
            requestID = value
        } else {
            after.append((name, value))
        }
    }

    private static let contentTypeName = "Content-Type"
    private static let requestIDName = "X-Request-Id"

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
        var found: String?
        forEachHeader { n, v in
            if found == nil, n.lowercased() == lower { found = v }
        }
        return found
    }
}

/// Turns a status and a human-readable detail into a complete error response.
///
/// The bridge answers some requests itself (body too large, conflicting framing
/// headers) before the service sees them; it asks the service for the body so that
/// every error has the same `application/problem+json` shape.
public typealias ProblemResponder = @Sendable (_ status: Int, _ detail: String) -> ServiceResponse
