import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// Most actions one `/v1/simulate` call may run (the response grows with each).
    static let maxSimulateActions = 1000

    /// `POST /v1/simulate`: run actions on a fresh session that is not kept. A run with a
    /// `moveTo` searches: it runs on a search thread, within the request's budget.
    func simulate(_ request: ServiceRequest) throws(Problem) -> Routed {
        let format = try TraceFormat(request)
        let example = #"{"session":{"lifecycle":"app","iosVersion":"11.0"},"actions":[{"type":"launch"}]}"#
        let body = try parseBody(request.body, expecting: "a simulate object", example: example)
        let r = try ObjectReader(body, path: "", what: "a simulate request", known: ["session", "actions"])
        let config = try ConfigDecoding.decode(r["session"] ?? .object([]), path: "session")
        guard let actionsValue = r["actions"] else {
            throw Problem.invalidField("actions", "actions is required: an array of action objects, e.g. \(example)")
        }
        guard case .array(let items) = actionsValue else {
            throw Problem.invalidField("actions", "actions must be an array of action objects, e.g. \(example)")
        }
        guard items.count <= Self.maxSimulateActions else {
            throw Problem.invalidField(
                "actions",
                "at most \(Self.maxSimulateActions) actions per simulate call; create a session for longer runs")
        }
        let actions = try Self.decodeSteps(items)
        try ActionDecoding.check(actions, against: config, field: "actions")
        guard actions.contains(where: { $0.kind == .moveTo }) else {
            var meter = SearchMeter(.unlimited)
            return .ready(try run(actions, config: config, format: format, meter: &meter))
        }
        return .search(
            SearchJob { [self] search throws(Problem) in
                var meter = search.meter()
                return try run(actions, config: config, format: format, meter: &meter)
            })
    }

    /// The run of `/v1/simulate`: each action a step of `meter`, each `moveTo` a search.
    private func run(
        _ actions: [Action], config: SessionConfig, format: TraceFormat, meter: inout SearchMeter
    ) throws(Problem) -> ServiceResponse {
        // A session that lives only for this request (the log keeps every callback).
        var session = Session(id: UUID(), config: config, maxLog: Int.max)
        var w = JSONWriter(capacity: 512 * max(1, actions.count))
        var trace = Trace(steps: [], initialAppState: session.state.app)
        w.beginObject()
        w.key("steps")
        w.beginArray()
        for (i, action) in actions.enumerated() {
            do throws(MoveToFailure) {
                let callbacks = try session.apply(action, meter: &meter)
                w.writeResult(
                    action: action, callbacks: callbacks, state: session.state, simulator: session.simulator,
                    path: session.lastPath)
                if format != .json {  // the text formats read the callbacks back from their JSON
                    trace.steps.append(
                        Trace.Step(
                            action: action.traceLabel, callbacks: callbacks.compactMap(Trace.Entry.init),
                            appStateAfter: session.state.app))
                }
            } catch {
                switch error {
                case .refused(let refusal):
                    throw Problem.refused(
                        refusal, allowed: session.allowance, choice: session.simulator.choice(of: action)
                    )
                    .atStep(i)
                case .stopped(let stop):
                    throw Problem.searchStopped(
                        stop,
                        hint:
                            "a moveTo with a nearer target, or the plain actions it stands for (POST /v1/paths finds them)"
                    )
                    .atStep(i)
                }
            }
            // Stop building as soon as the answer is too large (it is refused anyway).
            if w.bytes.count > limits.maxResponse {
                throw Problem.responseTooLarge(
                    limits.maxResponse,
                    hint:
                        "step \(i) passes it; split the run into several /v1/simulate calls (the first \(i) steps fit in one), or run the actions on a session (POST /v1/sessions) and page through GET /v1/sessions/{id}/callbacks"
                )
                .with("step", .number(String(i)))
            }
        }
        return finishRun(&w, config: config, session: session, trace: trace, format: format)
    }

    /// The end of a run's answer (`/v1/simulate`, `/v1/paths`): closes `steps`, adds the
    /// config and the final state, and answers in the requested format.
    func finishRun(
        _ w: inout JSONWriter, config: SessionConfig, session: Session, trace: Trace, format: TraceFormat
    ) -> ServiceResponse {
        w.endArray()
        w.key("config")
        w.write(config, quirks: session.simulator.profile.resolvedQuirks)
        w.key("state")
        w.write(session.state, session.simulator)
        w.endObject()
        if let text = format.response(trace) { return text }
        return json(200, w)
    }
}
