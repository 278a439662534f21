import ServiceHTTP

extension Route {
    /// The query arguments each resource reads; any other is a 400 like an unknown body
    /// field (issue #13: a misspelt `limt=5` would otherwise be ignored in silence).
    func queryNames(method: String) -> [String] {
        switch (self, method) {
        case (.sessions, "GET"), (.sessions, "HEAD"): Route.sessionsQuery
        case (.callbacks, _): Route.callbacksQuery
        case (.simulate, _), (.diff, _), (.paths, _), (.explain, _): Route.simulateQuery
        default: []
        }
    }

    private static let sessionsQuery = ["after", "limit"]
    private static let callbacksQuery = ["after", "limit", "format"]
    private static let simulateQuery = ["format"]
}

extension Problem {
    /// 400 for a query argument the resource does not read, listing those it does.
    static func unknownQuery(_ name: String, _ request: ServiceRequest, known: [String]) -> Problem {
        let shown =
            name.unicodeScalars.count > 40
            ? String(String.UnicodeScalarView(name.unicodeScalars.prefix(40))) + "…" : name
        let takes =
            known.isEmpty
            ? "\(request.method) \(request.path) takes no query arguments"
            : "\(request.method) \(request.path) takes \(known.joined(separator: ", "))"
        return Problem.invalidField(shown, "unknown query argument \"\(shown)\"; \(takes)", allowed: known)
            .suggesting(name, among: known)
    }
}
