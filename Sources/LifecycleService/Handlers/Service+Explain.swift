import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `POST /v1/explain`: the shortest sequence of user and system actions whose
    /// callbacks, restricted to the methods the log names, are the log (issues #21,
    /// #34); or the longest explained prefix and the first entry no sequence
    /// reproduces; or, when a bound stopped the search, how far it got and why.
    ///
    /// The whole request stays within `search`'s budget (issue #35): the `from` actions
    /// (a `moveTo` among them searches), the search, and the replay of its answer. A bound
    /// that stops the search answers its best partial explanation, with `reason`.
    func explain(_ request: ServiceRequest, _ search: SearchContext) throws(Problem) -> ServiceResponse {
        let format = try TraceFormat(request)
        let body = try parseBody(request.body, expecting: "an explain request", example: ExplainLog.example)
        let r = try ObjectReader(
            body, path: "", what: "an explain request", known: ["config", "from", "callbacks", "log", "maxActions"])
        let config = try ConfigDecoding.decode(r["config"] ?? .object([]), path: "config")
        let from = try decodeActionList(r["from"], field: "from", max: Self.maxPathFromActions, required: false)
        // A member only the config rules out is a 400, as in paths (issue #22), not a refused step.
        try ActionDecoding.check(from, against: config, field: "from")
        let maxActions = try r.integer(
            "maxActions", in: 1...ExplainLimits.maxActionsCap,
            what:
                "a whole number from 1 to \(ExplainLimits.maxActionsCap): the longest action sequence to try (none: as long as the log needs)"
        )
        let log = try ExplainLog.decode(r)
        // `from` must hold under the request's own config (a refusal is a 409), and start
        // from few enough scene sessions (a 400); a `moveTo` in it searches, once: the
        // search and the replay below take the plain actions it stands for.
        var meter = search.meter()
        var plainFrom: [Action] = []
        _ = try Session.after(from, config: config, meter: &meter, plain: &plainFrom)
        let resolvedFrom = from.contains { $0.kind == .moveTo } ? plainFrom : from

        let result = Explainer.explain(
            log.entries, config: config, from: resolvedFrom, limits: ExplainLimits(maxActions: maxActions),
            budget: search.budget(after: meter))
        // Nobody reads the answer of a client that left: the 499 of the other searches.
        if result.stopped == .budget(.cancelled) { throw Problem.searchStopped(.cancelled, hint: "") }
        let assumedConfig = result.assumed?.config ?? config
        // Plain actions only, which the search already took from here: no search, no budget.
        var session = try Session.after(resolvedFrom + (result.assumed?.from ?? []), config: assumedConfig)
        let start = session.state

        var w = JSONWriter(capacity: 1024 * (result.actions.count + 2))
        var trace = Trace(steps: [], initialAppState: start.app)
        w.beginObject()
        w.key("explained")
        w.bool(result.explained)
        w.key("actions")
        w.writeActions(result.actions)
        w.key("divergence")
        if let d = result.divergence { w.write(d, log: log) } else { w.null() }
        w.key("reason")
        if let stop = result.stopped {
            w.write(stop, explainedEntries: result.explainedEntries, log: log)
        } else {
            w.null()
        }
        w.key("nodesVisited")
        w.int(result.nodesVisited)
        w.key("entries")
        w.int(log.entries.count)
        w.key("ignoredLines")
        w.beginArray()
        for n in log.ignoredLines { w.int(n) }
        w.endArray()
        w.key("explainedEntries")
        w.int(result.explainedEntries)
        w.key("alternatives")
        w.beginArray()
        for alternative in result.alternatives { w.writeActions(alternative) }
        w.endArray()
        w.key("assumed")
        if let assumed = result.assumed { w.write(assumed) } else { w.null() }
        w.key("hints")
        w.beginArray()
        for hint in result.hints { w.write(hint) }
        w.endArray()
        w.key("unreadLines")
        w.beginArray()
        for line in log.unreadLines { w.write(line) }
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
        return finishRun(&w, config: assumedConfig, session: session, trace: trace, format: format)
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

    fileprivate mutating func writeActions(_ actions: [Action]) {
        beginArray()
        for a in actions { write(a) }
        endArray()
    }

    /// `{"from":[…],"config":{…},"detail":"…"}`: what the answer assumed.
    fileprivate mutating func write(_ assumed: ExplainAssumption) {
        beginObject()
        key("from")
        writeActions(assumed.from)
        key("config")
        write(assumed.configChanges)
        member("detail", assumed.detail)
        endObject()
    }

    /// `{"config":{…},"explainedEntries":5,"detail":"…"}`.
    fileprivate mutating func write(_ hint: ExplainHint) {
        beginObject()
        key("config")
        write(hint.configChanges)
        key("explainedEntries")
        int(hint.explainedEntries)
        member("detail", hint.detail)
        endObject()
    }

    /// The changed config members as an object, `{"lifecycle":"app"}`.
    fileprivate mutating func write(_ changes: [ConfigChange]) {
        beginObject()
        for change in changes {
            key(escaping: change.member)
            value(change.value)
        }
        endObject()
    }

    /// `{"line":3,"text":"view Did Load","method":"viewDidLoad()","hint":"…"}`.
    fileprivate mutating func write(_ line: UnreadLine) {
        beginObject()
        key("line")
        int(line.number)
        member("text", line.text)
        member("method", ifPresent: line.method)
        member("hint", line.hint)
        endObject()
    }

    /// `{"bound":"maxActions","limit":12,"explainedEntries":40,"line":41,"detail":"…"}`.
    fileprivate mutating func write(_ stop: ExplainStop, explainedEntries: Int, log: ExplainLog) {
        beginObject()
        member("bound", stop.bound)
        switch stop {
        case .budget(.steps(let n)):
            key("limit")
            int(n)
        case .budget(.deadline(let ms)):
            key("limit")
            int(ms)
        case .budget(.cancelled):
            break
        case .maxActions(let n), .nodeBudget(let n), .silentActions(let n):
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
        key("explainedEntries")
        int(explainedEntries)
        if explainedEntries < log.lines.count {
            key("line")
            int(log.lines[explainedEntries])
        }
        member("detail", stop.message)
        endObject()
    }
}
