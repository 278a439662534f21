import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `PUT /v1/sessions/{id}`: creates the session with the client's UUID (201), or
    /// confirms it (200) when it exists with the same resolved config; another config
    /// is a 409. Lets a balancer route by the id before the session exists.
    func putSession(_ id: UUID, _ request: ServiceRequest) throws(Problem) -> ServiceResponse {
        let body =
            request.body.allSatisfy(JSONParser.isWhitespace)
            ? JSONValue.object([])  // no body: every default, as for POST
            : try parseBody(request.body, expecting: "a session config object", example: ConfigDecoding.example)
        let config = try ConfigDecoding.decode(body)
        guard !memory.isExhausted else { throw Problem.memoryFull(limits.maxMemory) }
        let location = ("Location", "/v1/sessions/\(id.lowercased)")
        let outcome: PutOutcome
        do throws(JournalError) { outcome = try store.put(id: id, config: config, journalConfig: body) } catch {
            throw Problem.journalFailed(error)
        }
        switch outcome {
        case .created(let box):
            metrics.record(.sessionsCreated)
            var w = JSONWriter()
            box.session.withLock { w.write($0, allowedActions: true) }
            return json(201, w, headers: [location])
        case .existing(let box, sameConfig: true):
            var w = JSONWriter()
            try withSession(box.id) { w.write($0, allowedActions: true) }
            return json(200, w, headers: [location])
        case .existing(_, sameConfig: false):
            throw Problem(
                kind: .sessionExists,
                detail:
                    "session \(id.lowercased) already exists with another config; GET /v1/sessions/\(id.lowercased) shows it. PUT the same config again (idempotent), DELETE it first, or choose a new UUID"
            )
            .with("id", .string(id.lowercased))
        case .full:
            throw Problem.sessionLimit(limits)
        }
    }
}

extension Problem {
    /// 400 for a `PUT` whose id is not a UUID.
    static func invalidSessionID(_ text: String) -> Problem {
        let shown =
            text.unicodeScalars.count > 40
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
        return invalidField(
            "id",
            "the session id in the path must be a UUID such as 3f2b8c4e-9a61-4d2e-8f7a-1c5d9e0b7a42 (got \"\(shown)\"); generate one per session (uuidgen, uuid.uuid4())"
        )
    }
}
