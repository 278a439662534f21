import LifecycleModel
import ServiceHTTP

/// An RFC 9457 problem: every error the service answers, as a value.
///
/// Handlers throw these; `response` renders `application/problem+json` with `type`,
/// `title`, `status`, `detail` and the extra members that tell the client what to
/// send instead (`field` and `allowed` for 400s, `allowedActions` for 409s, …).
struct Problem: Error {
    var kind: ProblemKind
    var detail: String
    /// Extra members, in order.
    var extras: [JSONMember] = []
    /// Extra response headers (`Allow`, `Retry-After`).
    var headers: [(name: String, value: String)] = []

    var status: Int { kind.status }

    func with(_ key: String, _ value: JSONValue) -> Problem {
        var copy = self
        copy.extras.append(JSONMember(key, value))
        return copy
    }

    var response: ServiceResponse {
        var w = JSONWriter()
        w.beginObject()
        w.member("type", kind.typeURI)
        w.member("title", kind.title)
        w.key("status")
        w.int(status)
        w.member("detail", detail)
        for m in extras {
            w.key(escaping: m.key)
            w.value(m.value)
        }
        w.endObject()
        return ServiceResponse(
            status: status,
            headers: [("Content-Type", "application/problem+json")] + headers,
            body: w.bytes)
    }
}

/// The kinds of problem, each with its status, title and stable type URI.
enum ProblemKind: String, CaseIterable {
    case invalidJSON = "invalid-json"
    case invalidField = "invalid-field"
    case badRequest = "bad-request"
    case sessionNotFound = "session-not-found"
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case actionNotAllowed = "action-not-allowed"
    case payloadTooLarge = "payload-too-large"
    case sessionLimit = "session-limit-reached"
    case sessionExists = "session-exists"
    case notReady = "not-ready"
    case memoryFull = "memory-budget-reached"
    case responseTooLarge = "response-too-large"
    case searchStopped = "search-stopped"
    case searchesBusy = "searches-busy"
    /// Never read: the client had gone (for the access log and the metrics).
    case clientClosedRequest = "client-closed-request"
    case internalError = "internal-error"

    var status: Int {
        switch self {
        case .invalidJSON, .invalidField, .badRequest: 400
        case .sessionNotFound, .notFound: 404
        case .methodNotAllowed: 405
        case .actionNotAllowed, .sessionExists: 409
        case .payloadTooLarge, .responseTooLarge: 413
        // RFC 9110 section 15.5.21: understood, but not done within the search's bounds.
        case .searchStopped: 422
        // [NGINX-499]: a request whose client closed the connection first; no client reads it.
        case .clientClosedRequest: 499
        case .sessionLimit, .notReady, .memoryFull, .searchesBusy: 503
        case .internalError: 500
        }
    }

    var title: String {
        switch self {
        case .invalidJSON: "Body is not valid JSON"
        case .invalidField: "Invalid field"
        case .badRequest: "Bad request"
        case .sessionNotFound: "Session not found"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .actionNotAllowed: "Action not possible in this state"
        case .payloadTooLarge: "Request body too large"
        case .sessionLimit: "Session limit reached"
        case .sessionExists: "Session exists with another config"
        case .notReady: "Not ready: the server is stopping"
        case .memoryFull: "Memory budget reached"
        case .responseTooLarge: "Response too large"
        case .searchStopped: "Search stopped at a bound"
        case .searchesBusy: "Searches busy"
        case .clientClosedRequest: "Client closed request"
        case .internalError: "Internal error"
        }
    }

    var typeURI: String { "urn:lifecycled:problem:\(rawValue)" }

    /// The kind for a status the bridge answers itself.
    static func forStatus(_ status: Int) -> ProblemKind {
        switch status {
        case 413: .payloadTooLarge
        case 404: .notFound
        case 405: .methodNotAllowed
        case 503: .sessionLimit
        case 400..<500: .badRequest
        default: .internalError
        }
    }
}

extension Problem {
    /// 500: `--data-dir` could not be written; the request changed nothing.
    static func journalFailed(_ error: JournalError) -> Problem {
        Problem(
            kind: .internalError,
            detail:
                "the session journal (--data-dir) could not be written, so nothing changed: \(error.description); retry later"
        )
    }

    /// The response with `requestId` in the body and the `X-Request-Id` header (for
    /// answers made outside `Service.handle`).
    func answer(requestID: String) -> ServiceResponse {
        var response = with("requestId", .string(requestID)).response
        response.addHeader("X-Request-Id", requestID)
        return response
    }

    /// 503: the bytes held for clients reached `--max-memory`.
    static func memoryFull(_ limit: Int) -> Problem {
        Problem(
            kind: .memoryFull,
            detail:
                "the service holds its budget of \(limit) bytes for sessions, request bodies and unsent responses (--max-memory); retry later, send smaller bodies, read your responses, or delete sessions you no longer need (DELETE /v1/sessions/{id})"
        )
        .with("limit", .number(String(limit)))
        .withHeader("Retry-After", "\(Service.retryAfterSeconds)")
    }

    /// 413: the answer would be larger than `--max-response`.
    static func responseTooLarge(_ limit: Int, hint: String) -> Problem {
        Problem(kind: .responseTooLarge, detail: "the response would exceed \(limit) bytes (--max-response); \(hint)")
            .with("limit", .number(String(limit)))
    }

    /// 400 naming a field and, where the values are enumerable, the allowed ones.
    static func invalidField(_ field: String, _ detail: String, allowed: [String] = []) -> Problem {
        var p = Problem(kind: .invalidField, detail: detail).with("field", .string(field))
        if !allowed.isEmpty { p = p.with("allowed", .array(allowed.map(JSONValue.string))) }
        return p
    }
}
