import Foundation

/// The resources of API.md, matched from a path.
enum Route: Equatable {
    case health
    case sessions
    case session(UUID)
    case actions(UUID)
    case callbacks(UUID)
    case simulate
    /// `GET /`: the playground page.
    case playground
    /// A session path whose id is not a UUID: answered 404 like any unknown session.
    case unknownSession(String)

    /// The methods each resource answers; HEAD goes with GET.
    var methods: [String] {
        switch self {
        case .health, .callbacks, .playground: ["GET", "HEAD"]
        case .sessions: ["GET", "HEAD", "POST"]
        case .session: ["GET", "HEAD", "DELETE"]
        case .actions, .simulate: ["POST"]
        case .unknownSession: []
        }
    }

    /// Matches a path; nil for paths the service does not have.
    init?(path: String) {
        // Split the bytes, not the Characters: grapheme breaking showed in the profile.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.first?.isEmpty == true, parts.count >= 2 else { return nil }
        let p = parts.dropFirst().map { String(Substring($0)) }
        switch p.count {
        case 1 where p[0] == "healthz": self = .health
        case 1 where p[0].isEmpty: self = .playground
        case 2 where p == ["v1", "sessions"]: self = .sessions
        case 2 where p == ["v1", "simulate"]: self = .simulate
        case 3 where p[0] == "v1" && p[1] == "sessions" && !p[2].isEmpty:
            self = UUID(pathSegment: p[2]).map(Route.session) ?? .unknownSession(p[2])
        case 4 where p[0] == "v1" && p[1] == "sessions" && (p[3] == "actions" || p[3] == "callbacks"):
            guard let id = UUID(pathSegment: p[2]) else { self = .unknownSession(p[2]); return }
            self = p[3] == "actions" ? .actions(id) : .callbacks(id)
        default: return nil
        }
    }
}
