import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// Most actions in one batch, like `/v1/simulate` (the response grows with each).
    static let maxBatchActions = maxSimulateActions

    /// `POST /v1/sessions/{id}/actions` with an array: every action in order, all or nothing.
    ///
    /// Every action is decoded before any runs (a bad one is a 400 naming `actions[i]…`
    /// and `step: i`); then they run under the session's lock on a draft (Session.apply(batch:)),
    /// so a refused step is a 409 with `step` and the session stays exactly as it was; so
    /// does an answer past `--max-response` (413) or a failed `--data-dir` write (500). A
    /// batch with a `moveTo` searches first, on a copy of the state (Service+MoveTo.swift).
    func postBatch(_ id: UUID, _ items: [JSONValue]) throws(Problem) -> Routed {
        guard !items.isEmpty else {
            throw Problem.invalidField(
                "(body)",
                "the batch is empty; send an action object, e.g. \(ActionDecoding.example), or a non-empty array of them, e.g. [{\"type\":\"launch\"},{\"type\":\"background\"}]"
            )
        }
        guard items.count <= Self.maxBatchActions else {
            throw Problem.invalidField(
                "(body)",
                "at most \(Self.maxBatchActions) actions per batch (got \(items.count)); send them in several batches")
        }
        let actions = try Self.decodeSteps(items)
        guard !memory.isExhausted else { throw Problem.memoryFull(limits.maxMemory) }
        if actions.contains(where: { $0.kind == .moveTo }) { return try moveTo(id, batch: actions, items: items) }
        let w = try withSession(id) { (session: inout Session) throws(Problem) -> JSONWriter in
            try apply(batch: actions, items: items, to: &session)
        }
        return .ready(json(200, w))
    }

    /// Applies a batch to a session under its lock and writes its answer: the `moveTo` at
    /// step i along `paths[i]` when given (found from this very state). On any failure the
    /// session is as it was.
    func apply(
        batch actions: [Action], items: [JSONValue], to session: inout Session, paths: [Int: [PlainAction]] = [:]
    ) throws(Problem) -> JSONWriter {
        var w = JSONWriter(capacity: 512 * actions.count)
        try ActionDecoding.check(actions, against: session.simulator.config, field: "actions")
        let droppedBefore = session.log.dropped
        let before = session
        let results: [(callbacks: LogRun, state: AppSnapshot)]
        do throws(BatchRefusal) {
            results = try session.apply(batch: actions, paths: paths)
        } catch {
            metrics.recordAction(error.refusal.action, .refused)
            throw Problem.refused(error.refusal, allowed: error.allowed, choice: error.choice).atStep(error.step)
        }
        // Undoes the whole batch: for a failure after the model accepted every step.
        func rollBack(_ problem: Problem) -> Problem {
            memory.release(session.bytesHeld - before.bytesHeld)
            session = before
            return problem
        }
        w.beginObject()
        w.key("steps")
        w.beginArray()
        for (i, (action, result)) in zip(actions, results).enumerated() {
            w.writeResult(
                action: action, callbacks: result.callbacks, state: result.state, simulator: session.simulator)
            // Too large an answer is refused (413), so the batch must not happen either.
            if w.bytes.count > limits.maxResponse {
                throw rollBack(
                    Problem.responseTooLarge(
                        limits.maxResponse,
                        hint:
                            "step \(i) passes it; send the batch in smaller parts (the first \(i) steps fit in one)"
                    )
                    .with("step", .number(String(i))))
            }
        }
        w.endArray()
        w.key("state")
        w.write(session.state, session.simulator)
        w.endObject()
        // Journaled (--data-dir) in one write before it is acknowledged; if that fails, the batch never happened.
        if let journal = store.journal {
            do throws(JournalError) { try journal.append(session.id, actions: items) } catch {
                throw rollBack(Problem.journalFailed(error))
            }
        }
        for action in actions { metrics.recordAction(action.kind, .applied) }
        metrics.record(.callbacksLogged, results.reduce(0) { $0 + $1.callbacks.count })
        metrics.record(.callbacksDropped, session.log.dropped - droppedBefore)
        return w
    }

    /// Decodes `actions[i]` for every i, or the first bad one's 400 with `step: i`.
    static func decodeSteps(_ items: [JSONValue]) throws(Problem) -> [Action] {
        var actions: [Action] = []
        actions.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do throws(Problem) {
                actions.append(try ActionDecoding.decode(item, path: "actions[\(i)]"))
            } catch {
                throw error.atStep(i)
            }
        }
        return actions
    }
}

extension Problem {
    /// The problem of step `i` of a batch or simulate run: `step: i` and a detail that
    /// starts "step i: " (both count from 0, like the `actions[i]` field paths).
    func atStep(_ i: Int) -> Problem {
        var p = with("step", .number(String(i)))
        p.detail = "step \(i): " + p.detail
        return p
    }
}
