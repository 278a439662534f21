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
    case simulate
    /// `POST /v1/diff`, `/v1/paths`, `/v1/coverage`: the model explored (issue #14).
    case diff, paths, coverage
    /// `GET /`: the playground page.
    case playground
    /// A session path whose id is not a UUID: answered 404 like any unknown session.
    case unknownSession(String)

    /// The methods each resource answers; HEAD goes with GET. Shared arrays: an
    /// array literal here would be allocated on every request.
    var methods: [String] {
        switch self {
        case .health, .readiness, .metrics, .callbacks, .playground: Route.readable
        case .sessions: Route.collection
        case .session: Route.resource
        case .actions, .simulate, .diff, .paths, .coverage: Route.postOnly
        case .unknownSession: []
        }
    }

    private static let readable = ["GET", "HEAD"]
    private static let collection = ["GET", "HEAD", "POST"]
    private static let resource = ["GET", "HEAD", "PUT", "DELETE"]
    private static let postOnly = ["POST"]

    /// Matches a path; nil for paths the service does not have.
    init?(path: String) {
        // Matched on the UTF-8 bytes in place, without splitting into Strings: the
        // split, its array and its Strings were 3 % of the service's CPU under the
        // action load (bench/PROFILE.md). Byte equality equals String equality here:
        // no other character is canonically equivalent to the lowercase ASCII
        // letters, digits and "/" of the literals.
        var path = path
        guard let route = path.withUTF8(Route.match) else { return nil }
        self = route
    }

    private static func match(_ p: UnsafeBufferPointer<UInt8>) -> Route? {
        if p.elementsEqual("/".utf8) { return .playground }
        if p.elementsEqual("/healthz".utf8) { return .health }
        if p.elementsEqual("/readyz".utf8) { return .readiness }
        if p.elementsEqual("/metrics".utf8) { return .metrics }
        if p.elementsEqual("/v1/simulate".utf8) { return .simulate }
        if p.elementsEqual("/v1/diff".utf8) { return .diff }
        if p.elementsEqual("/v1/paths".utf8) { return .paths }
        if p.elementsEqual("/v1/coverage".utf8) { return .coverage }
        let prefix = "/v1/sessions".utf8
        guard p.starts(with: prefix) else { return nil }
        var i = prefix.count
        if i == p.count { return .sessions }
        guard p[i] == UInt8(ascii: "/") else { return nil }
        i += 1
        let start = i
        while i < p.count, p[i] != UInt8(ascii: "/") { i += 1 }
        let segment = UnsafeBufferPointer(rebasing: p[start..<i])
        if i == p.count {  // /v1/sessions/{id}
            guard !segment.isEmpty else { return nil }
            guard let id = UUID(pathBytes: segment) else { return .unknownSession(String(decoding: segment, as: UTF8.self)) }
            return .session(id)
        }
        let rest = UnsafeBufferPointer(rebasing: p[(i + 1)...])  // after /v1/sessions/{id}/
        let isActions = rest.elementsEqual("actions".utf8)
        guard isActions || rest.elementsEqual("callbacks".utf8) else { return nil }
        guard let id = UUID(pathBytes: segment) else { return .unknownSession(String(decoding: segment, as: UTF8.self)) }
        return isActions ? .actions(id) : .callbacks(id)
    }
}
