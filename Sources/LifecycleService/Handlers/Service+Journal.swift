import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `GET /v1/sessions/{id}/journal`: `{"config":…,"actions":[…],"complete":…}`, the
    /// resolved config and every accepted action in order. `POST /v1/sessions` with
    /// `config`, then `actions` (one by one or as one batch), reproduces the session's
    /// log and state exactly. `complete` is false only when the journal outgrew its
    /// bound and stopped recording (ActionJournal.swift).
    func getJournal(_ id: UUID) throws(Problem) -> ServiceResponse {
        var head = JSONWriter(capacity: 512)
        var actions: [UInt8] = []
        var complete = true
        try withSession(id) { (session: inout Session) in
            head.beginObject()
            head.key("config")
            head.write(session.simulator.config, quirks: session.simulator.profile.resolvedQuirks)
            head.key("actions")
            actions = session.journal.encodedActions
            complete = session.journal.isComplete
        }
        var body = head.bytes
        body.reserveCapacity(body.count + actions.count + 24)
        body.append(UInt8(ascii: "["))
        body += actions
        body += Array(#"],"complete":\#(complete)}"#.utf8)
        return ServiceResponse(status: 200, headers: [("Content-Type", "application/json")], body: body)
    }
}
