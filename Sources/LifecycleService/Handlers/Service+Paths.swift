import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// Most actions in `from` (they are applied before the search).
    static let maxPathFromActions = 1000

    /// `POST /v1/paths`: the shortest sequence of plain actions from a fresh install
    /// (or from where `from` leaves it) to an app state and, optionally, a scene state;
    /// the same search `moveTo` applies, answered without a session. `from` and the
    /// search draw on the request's one budget.
    func paths(_ request: ServiceRequest, _ search: SearchContext) throws(Problem) -> ServiceResponse {
        let format = try TraceFormat(request)
        let example = #"{"config":{"iosVersion":"17.0"},"to":{"app":"suspended"}}"#
        let body = try parseBody(request.body, expecting: "a paths request", example: example)
        let r = try ObjectReader(body, path: "", what: "a paths request", known: ["config", "from", "to"])
        let config = try ConfigDecoding.decode(r["config"] ?? .object([]), path: "config")
        let from = try decodeActionList(r["from"], field: "from", max: Self.maxPathFromActions, required: false)
        try ActionDecoding.check(from, against: config, field: "from")
        guard let toValue = r["to"] else {
            throw Problem.invalidField(
                "to",
                "to is required: the state to reach, e.g. {\"app\":\"suspended\"} or {\"app\":\"background\",\"scene\":\"background\"}"
            )
        }
        let to = try ObjectReader(toValue, path: "to", what: "a target state", known: ["app", "scene"])
        let app = try to.require(
            "app", to.choice("app", AppState.self),
            hint: "the app state to reach: \(AppState.allCases.map(\.rawValue).joined(separator: ", "))")
        let target = StateTarget(app: app, scene: try to.choice("scene", SceneState.self))

        var meter = search.meter()
        var session = try Session.after(from, config: config, meter: &meter)
        let start = session.state
        let path: [PlainAction]
        do throws(PathSearchFailure) {
            path = try session.simulator.shortestPath(from: start, to: target, meter: &meter)
        } catch {
            switch error {
            case .unreachable(let why):
                throw Problem.refused(
                    ActionRefusal(
                        action: .moveTo, state: start.app, needs: "a target plain actions can reach: \(why.reason)"),
                    allowed: session.allowance)
            case .stopped(let stop):
                throw Problem.searchStopped(
                    stop,
                    hint:
                        "a target nearer the start, or a start with fewer scene sessions (from), or ask for the app state alone without scene"
                )
            }
        }
        var w = JSONWriter(capacity: 1024 * (path.count + 1))
        var trace = Trace(steps: [], initialAppState: start.app)
        w.beginObject()
        w.key("actions")
        w.beginArray()
        for p in path { w.write(p.action) }
        w.endArray()
        w.key("steps")
        w.beginArray()
        for plain in path {
            do throws(ActionRefusal) {
                let callbacks = try session.apply(plain.action)
                w.writeResult(
                    action: plain.action, callbacks: callbacks, state: session.state, simulator: session.simulator)
                trace.steps.append(
                    Trace.Step(
                        action: plain.action.traceLabel, callbacks: callbacks.compactMap(Trace.Entry.init),
                        appStateAfter: session.state.app))
            } catch {
                throw Problem(kind: .internalError, detail: "the path the search found did not replay: \(error.needs)")
            }
        }
        return finishRun(&w, config: config, session: session, trace: trace, format: format)
    }

    /// An optional (or required) array of action objects, at most `max`.
    func decodeActionList(_ value: JSONValue?, field: String, max: Int, required: Bool) throws(Problem) -> [Action] {
        guard let value else {
            if required {
                throw Problem.invalidField(
                    field, "\(field) is required: an array of action objects, e.g. [{\"type\":\"launch\"}]")
            }
            return []
        }
        guard case .array(let items) = value else {
            throw Problem.invalidField(
                field, "\(field) must be an array of action objects, e.g. [{\"type\":\"launch\"}]")
        }
        guard items.count <= max else { throw Problem.invalidField(field, "\(field) holds at most \(max) actions") }
        var actions: [Action] = []
        for (i, item) in items.enumerated() {
            do throws(Problem) { actions.append(try ActionDecoding.decode(item, path: "\(field)[\(i)]")) } catch {
                throw error.with("step", .number(String(i)))
            }
        }
        return actions
    }
}
