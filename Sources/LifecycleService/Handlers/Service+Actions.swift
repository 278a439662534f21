import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `POST /v1/sessions/{id}/actions`: apply one action (an array: a batch, Service+Batch.swift).
    /// A `moveTo` searches: on a search thread, on a copy of the state (Service+MoveTo.swift).
    func postAction(_ id: UUID, _ request: ServiceRequest) throws(Problem) -> Routed {
        let action: Action
        var parsed: JSONValue?
        // The closure below reads the body only: capturing the request copied it.
        let requestBody = request.body
        if let bare = ActionDecoding.bare(requestBody) {
            action = bare
        } else {
            let body = try parseBody(
                requestBody, expecting: "an action object (or an array of them)", example: ActionDecoding.example)
            if case .array(let items) = body { return try postBatch(id, items) }
            parsed = body
            action = try ActionDecoding.decode(body)
        }
        guard !memory.isExhausted else { throw Problem.memoryFull(limits.maxMemory) }
        if case .moveTo = action { return try moveTo(id, action, parsed: parsed, body: requestBody) }
        let answer = try withSession(id) { (session: inout Session) throws(Problem) -> JSONWriter in
            try apply(action, parsed: parsed, body: requestBody, to: &session)
        }
        return .ready(self.json(200, answer))
    }

    /// Applies one action to a session under its lock and writes its answer: a `moveTo`
    /// along `path` when given (found from this very state). On any failure the session
    /// is as it was.
    func apply(
        _ action: Action, parsed: JSONValue?, body requestBody: [UInt8], to session: inout Session,
        along path: [PlainAction]? = nil
    ) throws(Problem) -> JSONWriter {
        let callbacks: LogRun
        let droppedBefore = session.log.dropped
        // A copy for the rollback only when something may fail after the action: a
        // journal write, or an answer that could pass --max-response (a payload is
        // echoed by a few callbacks at most, so a body under --max-body stays far
        // below it at the defaults). Holding a copy makes the log's append copy all
        // its entries (copy on write), so it is not taken for every action.
        let journal = store.journal
        let mayOverflow = requestBody.count * 16 + (256 << 10) > limits.maxResponse
        let before = journal == nil && !mayOverflow ? nil : session
        // A bare `{"type":…}` has no member for the config to rule out (and this
        // stays off the commonest path: reading the config costs an allocation).
        if parsed != nil { try ActionDecoding.check(action, against: session.simulator.config) }
        do throws(ActionRefusal) {
            callbacks = try session.apply(action, along: path)
        } catch {
            metrics.recordAction(action.kind, .refused)
            throw Problem.refused(error, allowed: session.allowance, choice: session.simulator.choice(of: action))
        }
        // Made once the callbacks are known: room for all of them (an observed action
        // has about 18, issue #20), where a fixed size grew and copied twice. A plain
        // action's stays under 1 KiB with the storage's header: glibc's per-thread cache
        // serves blocks of up to 1,032 bytes, a larger one takes the slower path.
        var w = JSONWriter(capacity: callbacks.count > 4 ? 704 + callbacks.count * 144 : 960)
        // Measured before it is committed: an answer over --max-response would tell the
        // client the action failed, so it must not happen (rolled back like a journal failure).
        w.writeResult(
            action: action, callbacks: callbacks, state: session.state, simulator: session.simulator,
            path: session.lastPath)
        if w.count > limits.maxResponse, let before {
            memory.release(session.bytesHeld - before.bytesHeld)  // the log's and the journal's
            session = before
            metrics.recordAction(action.kind, .refused)
            throw Problem.responseTooLarge(
                limits.maxResponse,
                hint:
                    "the action was not applied; raise --max-response, or send actions that produce fewer callbacks at once"
            )
        }
        // Journaled before it is acknowledged; if that fails, the action never happened.
        if let journal, let before {
            let body: JSONValue
            if let parsed {
                body = parsed
            } else {
                body = try parseBody(requestBody, expecting: "an action object", example: ActionDecoding.example)
            }
            do throws(JournalError) { try journal.append(session.id, action: body) } catch {
                memory.release(session.bytesHeld - before.bytesHeld)  // the log's and the journal's
                session = before
                throw Problem.journalFailed(error)
            }
        }
        metrics.recordAction(action.kind, .applied)
        metrics.record(.callbacksLogged, callbacks.count)
        metrics.record(.callbacksDropped, session.log.dropped - droppedBefore)
        return w
    }

    /// `GET /v1/sessions/{id}/callbacks?after=SEQ&limit=N`: the log, oldest first.
    func getCallbacks(_ id: UUID, _ request: ServiceRequest) throws(Problem) -> ServiceResponse {
        let after = try queryInt(request, "after", default: 0, range: 0...Int.max)
        let limit = try queryInt(request, "limit", default: 1000, range: 1...10_000)
        let format = try TraceFormat(request)
        var w = JSONWriter(capacity: 4096)
        var trace: Trace?
        var text: [UInt8]?
        try withSession(id) { (session: inout Session) in
            var page = session.log.page(after: after, limit: limit)
            if format == .text, let written = LogPageText.render(page) {
                text = written
                return
            }
            if format != .json {
                trace = Trace(logPage: page, after: after, of: session)
                return
            }
            w.beginObject()
            w.key("callbacks")
            w.beginArray()
            // A page stops short of --max-response (keeping at least one callback); `next` says where to go on.
            page = page.prefix(fitting: limits.maxResponse - 256)
            w.write(callbacks: page)
            w.endArray()
            // Poll again with after=next; it never goes backwards.
            w.key("next")
            w.int(page.lastSeq ?? max(after, session.log.dropped))
            w.key("dropped")
            w.int(session.log.dropped)
            w.key("total")
            w.int(session.log.lastSeq)
            w.endObject()
        }
        if let text {
            return ServiceResponse(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: text)
        }
        if let trace, let text = format.response(trace) { return text }
        return json(200, w)
    }
}

extension Problem {
    /// 409: the action, the state, what the action needs and what the app can do instead.
    /// `choice` names the refused variant (`terminate by user`), and `allowedVariants` the
    /// values possible of a kind only partly possible (`terminate` `by` `system`), so the
    /// answer never reads "terminate is not possible; possible now: terminate".
    static func refused(_ r: ActionRefusal, allowed: Allowance, choice: VariantChoice? = nil) -> Problem {
        let refused = choice.map { "\(r.action.rawValue) \($0.member) \($0.value)" } ?? r.action.rawValue
        var problem = Problem(
            kind: .actionNotAllowed,
            detail:
                "\(refused) is not possible while the app is \(r.state.rawValue): it needs \(r.needs); possible now: \(allowed.description)"
        )
        .with("action", .string(r.action.rawValue))
        .with("state", .string(r.state.rawValue))
        .with("needs", .string(r.needs))
        .with("allowedActions", .array(allowed.actions.map { .string($0.rawValue) }))
        if !allowed.variants.isEmpty { problem = problem.with("allowedVariants", allowed.json) }
        return problem
    }

    static func sessionNotFound(_ id: UUID) -> Problem {
        sessionNotFound(id.lowercased)
    }

    static func sessionNotFound(_ id: String) -> Problem {
        Problem(
            kind: .sessionNotFound,
            detail:
                "no session \"\(id)\": it was deleted, expired after --session-ttl of idleness, or never existed; create one with POST /v1/sessions"
        )
    }

    func withHeader(_ name: String, _ value: String) -> Problem {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}
