import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// Most actions one diff may run (each step aligns two callback lists).
    static let maxDiffActions = 200

    /// `POST /v1/diff`: the same actions on two configs; per step, the two callback
    /// sequences aligned (JSON, or `?format=text`). Both runs draw on the request's one
    /// budget: each action a step, each `moveTo` a search.
    func diff(_ request: ServiceRequest, _ search: SearchContext) throws(Problem) -> ServiceResponse {
        let format = try TraceFormat(request)
        guard format == .json || format == .text else {
            throw Problem.invalidField(
                "format",
                "a diff comes as json (the default) or text; \(format.rawValue) draws one session, see /v1/simulate",
                allowed: ["json", "text"])
        }
        let example =
            #"{"configs":[{"iosVersion":"12.0"},{"iosVersion":"17.0"}],"actions":[{"type":"openURL","url":"myapp://x"}]}"#
        let body = try parseBody(request.body, expecting: "a diff request", example: example)
        let r = try ObjectReader(body, path: "", what: "a diff request", known: ["configs", "actions"])
        guard case .array(let configValues)? = r["configs"], configValues.count == 2 else {
            throw Problem.invalidField("configs", "configs must be an array of two session configs, e.g. \(example)")
        }
        var sessions: [Session] = []
        for (i, value) in configValues.enumerated() {
            sessions.append(
                Session(id: UUID(), config: try ConfigDecoding.decode(value, path: "configs[\(i)]"), maxLog: Int.max))
        }
        let actions = try decodeActionList(r["actions"], field: "actions", max: Self.maxDiffActions, required: true)

        var steps: [DiffStep] = []
        var meter = search.meter()
        for (i, action) in actions.enumerated() {
            var sides: [DiffStep.Side] = []
            for k in sessions.indices {
                do throws(MoveToFailure) {
                    let callbacks = Array(try sessions[k].apply(action, meter: &meter))
                    sides.append(
                        DiffStep.Side(callbacks: callbacks, appStateAfter: sessions[k].state.app, refused: nil))
                } catch {
                    switch error {
                    case .refused(let refusal):
                        sides.append(
                            DiffStep.Side(callbacks: [], appStateAfter: sessions[k].state.app, refused: refusal.needs))
                    case .stopped(let stop):
                        throw Problem.searchStopped(
                            stop, hint: "fewer actions, or fewer moveTo (the plain actions they stand for instead)"
                        )
                        .atStep(i)
                    }
                }
            }
            steps.append(
                DiffStep(action: action, sides: sides, rows: CallbackDiff.align(sides[0].callbacks, sides[1].callbacks))
            )
        }

        if format == .text {
            let labels = sessions.map { s in
                let c = s.simulator.config
                return "iOS \(c.iosVersion) \(c.lifecycle.rawValue) \(c.device.rawValue)"
            }
            let text = DiffText.render(steps, labels: labels)
            return ServiceResponse(
                status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        var totals = [CallbackDiff.Op.same: 0, .first: 0, .second: 0]
        var w = JSONWriter(capacity: 2048 * max(1, actions.count))
        w.beginObject()
        w.key("steps")
        w.beginArray()
        for step in steps {
            w.beginObject()
            w.key("action")
            w.write(step.action)
            w.key("outcomes")
            w.beginArray()
            for side in step.sides {
                w.beginObject()
                w.member("appState", side.appStateAfter.rawValue)
                if let needs = side.refused { w.member("refused", needs) }
                w.endObject()
            }
            w.endArray()
            w.key("alignment")
            w.beginArray()
            for row in step.rows {
                totals[row.op, default: 0] += 1
                w.beginObject()
                w.member("op", row.op.rawValue)
                if let c = row.first {
                    w.key("first")
                    w.write(c)
                }
                if let c = row.second {
                    w.key("second")
                    w.write(c)
                }
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("summary")
        w.beginObject()
        w.key("same")
        w.int(totals[.same] ?? 0)
        w.key("firstOnly")
        w.int(totals[.first] ?? 0)
        w.key("secondOnly")
        w.int(totals[.second] ?? 0)
        w.endObject()
        w.key("configs")
        w.beginArray()
        for s in sessions { w.write(s.simulator.config, quirks: s.simulator.profile.resolvedQuirks) }
        w.endArray()
        w.endObject()
        return json(200, w)
    }
}
