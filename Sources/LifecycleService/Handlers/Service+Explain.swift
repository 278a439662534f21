import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `POST /v1/explain`: the shortest sequence of user and system actions whose
    /// callbacks, restricted to the methods the log names, are the log (issue #21); or
    /// the longest explained prefix and the first entry no sequence reproduces.
    func explain(_ request: ServiceRequest) throws(Problem) -> ServiceResponse {
        let format = try TraceFormat(request)
        let body = try parseBody(request.body, expecting: "an explain request", example: ExplainLog.example)
        let r = try ObjectReader(
            body, path: "", what: "an explain request", known: ["config", "from", "callbacks", "log", "maxActions"])
        let config = try ConfigDecoding.decode(r["config"] ?? .object([]), path: "config")
        let from = try decodeActionList(r["from"], field: "from", max: Self.maxPathFromActions, required: false)
        // A member only the config rules out is a 400, as in paths (issue #22), not a refused step.
        try ActionDecoding.check(from, against: config, field: "from")
        let maxActions =
            try r.integer(
                "maxActions", in: 1...ExplainLimits.maxActionsCap,
                what: "a whole number from 1 to \(ExplainLimits.maxActionsCap): the longest action sequence to try")
            ?? ExplainLimits.defaultMaxActions
        let log = try ExplainLog.decode(r)

        var session = try Session.after(from, config: config)
        let start = session.state
        let result = session.simulator.explain(log.entries, from: start, limits: ExplainLimits(maxActions: maxActions))

        var w = JSONWriter(capacity: 1024 * (result.actions.count + 2))
        var trace = Trace(steps: [], initialAppState: start.app)
        w.beginObject()
        w.key("explained")
        w.bool(result.explained)
        w.key("actions")
        w.beginArray()
        for a in result.actions { w.write(a) }
        w.endArray()
        w.key("divergence")
        if let d = result.divergence { w.write(d, log: log) } else { w.null() }
        w.key("reason")
        if let stop = result.stopped { w.write(stop) } else { w.null() }
        w.key("nodesVisited")
        w.int(result.nodesVisited)
        w.key("entries")
        w.int(log.entries.count)
        w.key("ignoredLines")
        w.beginArray()
        for n in log.ignoredLines { w.int(n) }
        w.endArray()
        w.key("steps")
        w.beginArray()
        for action in result.actions {
            do throws(ActionRefusal) {
                let callbacks = try session.apply(action)
                w.writeResult(
                    action: action, callbacks: callbacks, state: session.state, simulator: session.simulator)
                trace.steps.append(
                    Trace.Step(
                        action: action.traceLabel, callbacks: callbacks.compactMap(Trace.Entry.init),
                        appStateAfter: session.state.app))
            } catch {
                throw Problem(kind: .internalError, detail: "the explanation did not replay: \(error.needs)")
            }
            if w.bytes.count > limits.maxResponse {
                throw Problem.responseTooLarge(
                    limits.maxResponse, hint: "explain the log in parts (`from` starts a part where the last one ended)"
                )
            }
        }
        return finishRun(&w, config: config, session: session, trace: trace, format: format)
    }
}

extension JSONWriter {
    /// `{"index":…,"line":…,"observed":{…}|null,"expected":[…]}`.
    fileprivate mutating func write(_ d: Divergence, log: ExplainLog) {
        beginObject()
        key("index")
        int(d.index)
        if d.index < log.lines.count {
            key("line")
            int(log.lines[d.index])
        }
        key("observed")
        if let entry = d.observed {
            write(CallbackKey(entry), receiverName: entry.receiver, action: nil)
        } else {
            null()
        }
        key("expected")
        beginArray()
        for e in d.expected { write(e.callback, receiverName: e.callback.receiver?.rawValue, action: e.action) }
        endArray()
        endObject()
    }

    /// A callback key: `method`, `receiver` and `viewController` where known, and the
    /// action that makes it (for `expected`).
    fileprivate mutating func write(_ key: CallbackKey, receiverName: String?, action: String?) {
        beginObject()
        member("method", key.method)
        member("receiver", ifPresent: receiverName)
        member("viewController", ifPresent: key.viewController)
        member("action", ifPresent: action)
        endObject()
    }

    /// `{"bound":"maxActions","limit":12,"detail":"…"}`.
    fileprivate mutating func write(_ stop: ExplainStop) {
        beginObject()
        member("bound", stop.bound)
        switch stop {
        case .maxActions(let n), .nodeBudget(let n):
            key("limit")
            int(n)
        case .stateBounds(let b):
            key("limit")
            beginObject()
            key("scenes")
            int(b.scenes)
            key("tasks")
            int(b.tasks)
            key("depth")
            int(b.depth)
            endObject()
        }
        member("detail", stop.message)
        endObject()
    }
}
