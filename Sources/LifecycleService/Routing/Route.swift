import Foundation

/// The resources of the contract, matched from a path.
enum Route: Equatable {
    case health
    case readiness
    case metrics
    case sessions
    case session(UUID)
    case actions(UUID)
    case callbacks(UUID)
    /// `GET /v1/sessions/{id}/journal`: the accepted actions, for replay.
    case journal(UUID)
    case simulate
    /// `GET /openapi.yaml`: the contract, compiled in.
    case openapi
    /// `POST /v1/diff`, `/v1/paths`, `/v1/coverage`: the model explored (issue #14).
    case diff, paths, coverage
    /// `POST /v1/explain`: the actions behind a recorded callback log (issue #21).
    case explain
    /// `GET /`: the playground page.
    case playground
    /// A session path whose id is not a UUID: answered 404 like any unknown session.
    case unknownSession(String)

    /// The methods each resource answers; HEAD goes with GET. Shared arrays: an
    /// array literal here would be allocated on every request.
    var methods: [String] {
        switch self {
        case .health, .readiness, .metrics, .callbacks, .journal, .playground, .openapi: Route.readable
        case .sessions: Route.collection
        case .session: Route.resource
        case .actions, .simulate, .diff, .paths, .coverage, .explain: Route.postOnly
        case .unknownSession: []
        }
    }

    private static let readable = ["GET", "HEAD"]
    private static let collection = ["GET", "HEAD", "POST", "DELETE"]
    private static let resource = ["GET", "HEAD", "PUT", "DELETE"]
    private static let postOnly = ["POST"]

    /// Matches a path; nil for paths the service does not have.
    init?(path: String) {
        // Matched on the UTF-8 bytes in place, without splitting into Strings: the
        // split, its array and its Strings were 3 % of the service's CPU under the
        // action load. Byte equality equals String equality here:
        // no other character is canonically equivalent to the lowercase ASCII
        // letters, digits and "/" of the literals.
        var path = path
        guard let route = path.withUTF8(Route.match) else { return nil }
        self = route
    }

    private static func match(_ p: UnsafeBufferPointer<UInt8>) -> Route? {
        if same(p, "/") { return .playground }
        if same(p, "/healthz") { return .health }
        if same(p, "/readyz") { return .readiness }
        if same(p, "/metrics") { return .metrics }
        if same(p, "/v1/simulate") { return .simulate }
        if same(p, "/openapi.yaml") { return .openapi }
        if same(p, "/v1/diff") { return .diff }
        if same(p, "/v1/paths") { return .paths }
        if same(p, "/v1/coverage") { return .coverage }
        if same(p, "/v1/explain") { return .explain }
        let prefix: StaticString = "/v1/sessions"
        guard p.count >= prefix.utf8CodeUnitCount,
            same(UnsafeBufferPointer(rebasing: p[..<prefix.utf8CodeUnitCount]), prefix)
        else { return nil }
        var i = prefix.utf8CodeUnitCount
        if i == p.count { return .sessions }
        guard p[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        let start = i
        var parsed: UUID?
        if p.count - start >= 36, p.count == start + 36 || p[start + 36] == UInt8(ascii: "/"),
            let id = UUID(pathBytes: UnsafeBufferPointer(rebasing: p[start..<(start + 36)]))
        {
            // The usual path: an id, which holds no "/", so no byte-by-byte scan for the
            // segment's end.
            parsed = id
            i = start + 36
        } else {
            while i < p.count, p[i] != UInt8(ascii: "/") { i += 1 }
        }
        let segment = UnsafeBufferPointer(rebasing: p[start..<i])
        if i == p.count {  // /v1/sessions/{id}
            guard !segment.isEmpty else { return nil }
            guard let id = parsed ?? UUID(pathBytes: segment) else {
                return .unknownSession(String(decoding: segment, as: UTF8.self))
            }
            return .session(id)
        }
        let rest = UnsafeBufferPointer(rebasing: p[(i + 1)...])  // after /v1/sessions/{id}/
        let make: (UUID) -> Route
        if same(rest, "actions") {
            make = Route.actions
        } else if same(rest, "callbacks") {
            make = Route.callbacks
        } else if same(rest, "journal") {
            make = Route.journal
        } else {
            return nil
        }
        guard let id = parsed ?? UUID(pathBytes: segment) else {
            return .unknownSession(String(decoding: segment, as: UTF8.self))
        }
        return make(id)
    }

    /// Whether `p` holds exactly the bytes of `literal` (a memcmp: the generic
    /// `elementsEqual` over a `String.UTF8View` cost more than the rest of the match).
    private static func same(_ p: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard p.count == literal.utf8CodeUnitCount else { return false }
        guard let base = p.baseAddress, p.count > 0 else { return true }
        return memcmp(base, literal.utf8Start, p.count) == 0
    }
}
