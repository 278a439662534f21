import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `POST /v1/sessions`: a new simulated app from a config (`{}` or no body: defaults).
    func createSession(_ request: ServiceRequest) throws(Problem) -> ServiceResponse {
        let body =
            request.body.allSatisfy(JSONParser.isWhitespace)
            ? JSONValue.object([])  // no body at all: every default, like `{}`
            : try parseBody(request.body, expecting: "a session config object", example: ConfigDecoding.example)
        let config = try ConfigDecoding.decode(body)
        guard !memory.isExhausted else { throw Problem.memoryFull(limits.maxMemory) }
        guard let box = store.create(config: config) else {
            throw Problem.sessionLimit(limits)
        }
        if let journal = store.journal {
            do throws(JournalError) { try journal.create(box.id, ordinal: box.ordinal, config: body) } catch {
                store.remove(box.id)
                throw Problem.journalFailed(error)
            }
        }
        metrics.record(.sessionsCreated)
        var w = JSONWriter()
        box.session.withLock { w.write($0, allowedActions: true) }
        return json(201, w, headers: [("Location", "/v1/sessions/\(box.id.lowercased)")])
    }

    /// `GET /v1/sessions/{id}`.
    func getSession(_ id: UUID) throws(Problem) -> ServiceResponse {
        var w = JSONWriter()
        try withSession(id) { w.write($0, allowedActions: true) }
        return json(200, w)
    }

    /// `DELETE /v1/sessions/{id}`.
    func deleteSession(_ id: UUID) throws(Problem) -> ServiceResponse {
        guard store.remove(id) else { throw Problem.sessionNotFound(id) }
        metrics.record(.sessionsDeleted)
        return ServiceResponse(status: 204)
    }

    /// `GET /v1/sessions?after=CURSOR&limit=N`: sessions in creation order.
    func listSessions(_ request: ServiceRequest) throws(Problem) -> ServiceResponse {
        let after = try queryInt(request, "after", default: 0, range: 0...Int.max)
        let limit = try queryInt(request, "limit", default: 100, range: 1...1000)
        let (boxes, more) = store.list(after: after, limit: limit)
        var w = JSONWriter(capacity: 256 * boxes.count + 32)
        w.beginObject()
        w.key("sessions")
        w.beginArray()
        for box in boxes {
            box.session.withLock { w.write($0, allowedActions: false) }
        }
        w.endArray()
        w.key("next")
        if more, let last = boxes.last { w.int(last.ordinal) } else { w.null() }
        w.endObject()
        return json(200, w)
    }
}

extension JSONWriter {
    /// A session: id, resolved config, state, callback count (and what it may do next).
    mutating func write(_ s: Session, allowedActions: Bool) {
        beginObject()
        member("id", s.id.lowercased)
        key("config")
        write(s.simulator.config, quirks: s.simulator.profile.resolvedQuirks)
        key("state")
        write(s.state, s.simulator)
        key("callbackCount")
        int(s.log.lastSeq)
        if allowedActions {
            let allowance = s.allowance
            member("allowedActions", strings: allowance.actions.map(\.rawValue))
            // Only the kinds partly possible now (`terminate` `by` `system`): most states have none.
            if !allowance.variants.isEmpty {
                key("allowedVariants")
                value(allowance.json)
            }
        }
        endObject()
    }
}

extension UUID {
    /// The canonical lowercase form used in URLs and bodies.
    var lowercased: String { uuidString.lowercased() }
}

extension Problem {
    /// 503: `--max-sessions` sessions are held (POST and PUT of a session).
    static func sessionLimit(_ limits: ServiceLimits) -> Problem {
        Problem(
            kind: .sessionLimit,
            detail:
                "the service holds its maximum of \(limits.maxSessions) sessions (--max-sessions); delete sessions you no longer need (DELETE /v1/sessions/{id}) or retry later: idle ones expire after \(Int(limits.sessionTTL)) s"
        )
        .with("limit", .number(String(limits.maxSessions)))
        .withHeader("Retry-After", "\(Service.retryAfterSeconds)")
    }
}
