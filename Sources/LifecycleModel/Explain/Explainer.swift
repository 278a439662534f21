extension Simulator {
    /// The shortest action sequence from `start` whose watched callbacks (those about
    /// an entry's key: method, and receiver or view controller where the log gives
    /// them, whatever their arguments) match `entries` (argument and all, for a
    /// framework event that means its argument); or, if none, the longest explained
    /// prefix and where it diverges; or, if a bound stopped the search, how far it got.
    ///
    /// The search reads the log left to right (`LogSearch`) over this simulator's
    /// config. When the log does not fit from `start`, it tries the states a few
    /// actions on (the log starts in a running app) and answers from there if that
    /// explains more, with the actions it assumed in `assumed.from`. Nearby configs are
    /// `Explainer.explain`'s.
    public func explain(
        _ entries: [LogEntry], from start: AppSnapshot = AppSnapshot(), limits: ExplainLimits = ExplainLimits(),
        budget: SearchBudget = SearchBudget(maxSteps: ExplainLimits.defaultStepBudget)
    ) -> Explanation {
        var meter = SearchMeter(budget)
        var explanation = ExplainAttempt(
            simulator: self, entries: entries, start: start, limits: limits, mayAssumeStart: start == AppSnapshot()
        ).run(meter: &meter)
        explanation.steps = meter.steps
        return explanation
    }
}

/// `POST /v1/explain`'s search: the request's config first, then the nearby configs
/// the log suggests (`NearbyConfig`) while none explains it.
public enum Explainer {
    /// Most alternatives an answer lists.
    public static let maxAlternatives = 3

    /// The explanation of `entries` in a session of `config` after `from` (actions
    /// the config accepts). Without `from`, a log that does not fit a new session may
    /// start in a running app: the answer then assumes the actions before it. When the
    /// log does not fit the config but a nearby one explains it, the answer holds under
    /// that one and says so in `assumed`; when none explains it but some read further,
    /// `hints` lists them.
    public static func explain(
        _ entries: [LogEntry], config: SessionConfig, from: [Action] = [], limits: ExplainLimits = ExplainLimits(),
        budget: SearchBudget = SearchBudget(maxSteps: ExplainLimits.defaultStepBudget)
    ) -> Explanation {
        var meter = SearchMeter(budget)
        let log = WatchedSet(entries.map(CallbackKey.init))
        var answer: (explanation: Explanation, nearby: NearbyConfig)?
        var tried: [(explanation: Explanation, nearby: NearbyConfig)] = []
        for nearby in NearbyConfig.candidates(for: config, log: log) {
            let simulator = Simulator(config: nearby.config)
            // Within the meter: a `moveTo` in `from` is a search of its own (issue #35).
            guard let start = simulator.state(after: from, meter: &meter) else {
                if meter.stopped != nil { break }
                continue
            }
            let result = ExplainAttempt(
                simulator: simulator, entries: entries, start: start, limits: limits, mayAssumeStart: from.isEmpty
            ).run(meter: &meter)
            tried.append((result, nearby))
            if result.explained {
                answer = (result, nearby)
                break
            }
            if meter.stopped != nil { break }
        }
        // Nothing explains it: the answer under the request's config (or its root name)
        // that reads furthest, and hints for the nearby ones that read further still.
        let own = tried.filter { $0.nearby.changes.isEmpty || $0.nearby.isRootName }
        guard
            let chosen = answer
                ?? own.max(by: { $0.explanation.explainedEntries < $1.explanation.explainedEntries })
                ?? tried.first
        else {
            // No config accepted `from` (the service checks it first), or the budget ran out in it.
            return Explanation(
                explained: false, actions: [], outcomes: [], divergence: nil,
                stopped: meter.stopped.map(ExplainStop.budget),
                nodesVisited: 0, explainedEntries: 0, steps: meter.steps)
        }
        var explanation = chosen.explanation
        if !chosen.nearby.changes.isEmpty {
            let prefix = explanation.assumed?.from ?? []
            explanation.assumed = ExplainAssumption(
                from: prefix, config: chosen.nearby.config, configChanges: chosen.nearby.changes,
                detail: ([chosen.nearby.why] + (explanation.assumed.map { [$0.detail] } ?? [])).joined(separator: "; "))
        }
        if !explanation.explained {
            explanation.hints = tried.filter {
                !$0.nearby.isRootName && !$0.nearby.changes.isEmpty
                    && $0.explanation.explainedEntries > explanation.explainedEntries
            }.map { t in
                ExplainHint(
                    configChanges: t.nearby.changes, explainedEntries: t.explanation.explainedEntries,
                    detail:
                        "\(t.nearby.why): with \(t.nearby.changes.map(\.member).joined(separator: ", ")) set, \(t.explanation.explainedEntries) of \(entries.count) entries are explained"
                )
            }
        }
        explanation.nodesVisited = tried.reduce(0) { $0 + $1.explanation.nodesVisited }
        explanation.steps = meter.steps
        return explanation
    }
}

extension Simulator {
    /// The state after `from`, each action a step of `meter` and each `moveTo` a search
    /// within it; nil when an action is refused or the meter stops.
    func state(after from: [Action], meter: inout SearchMeter) -> AppSnapshot? {
        var state = AppSnapshot()
        for action in from {
            do {
                if case .moveTo(let move) = action {
                    let path = try moveToPath(app: move.app, scene: move.scene, from: state, meter: &meter)
                    _ = try apply(moveToAlong: path, updating: &state)
                } else {
                    guard meter.step() else { return nil }
                    _ = try apply(action, updating: &state)
                }
            } catch {
                return nil
            }
        }
        return state
    }
}

/// One explanation under one config from one start: the search from the start, then,
/// if that does not explain the log, from the states a few actions on.
struct ExplainAttempt {
    let simulator: Simulator
    let entries: [LogEntry]
    let start: AppSnapshot
    let limits: ExplainLimits
    /// The request did not say where the log starts (no `from`): it may start in a
    /// running app, unless its first entries are a whole first action (the app
    /// starting). A `from` says where it starts.
    let mayAssumeStart: Bool

    /// Actions tried before a log that starts in a running app: enough for "launched",
    /// "launched and in the background", "launched and a controller pushed".
    static let maxAssumedActions = 2

    func run(meter: inout SearchMeter) -> Explanation {
        let result = run(projection: nil, meter: &meter)
        // A key that left out something the log depends on shows as an answer that does
        // not replay; the full key cannot (StateKey).
        guard result.explained, !replays(result) else {
            return result
        }
        return run(projection: .full, meter: &meter)
    }

    private func run(projection: StateKey.Projection?, meter: inout SearchMeter) -> Explanation {
        let keys = entries.map(CallbackKey.init)
        let log = WatchedSet(keys)
        var bounds = limits.bounds.widened(toHold: AbstractState(start))
        bounds.depth = max(bounds.depth, min(log.controllerNames.count, ExplorationBounds.maximum.depth))
        var graph = ExplainGraph(
            simulator: simulator, log: log, parameters: ExplainParameters(entries, names: log.controllerNames),
            projection: projection ?? StateKey.Projection(log), bounds: bounds, maxSilent: limits.maxSilentActions)
        let startVertex = graph.vertex(of: start)
        var search = LogSearch(
            graph: graph, seeds: [LogSearch.Seed(vertex: startVertex, prefix: [])], maxActions: limits.maxActions,
            nodeBudget: limits.nodeBudget)
        if entries.isEmpty {
            return Explanation(
                explained: true, actions: [], outcomes: [], divergence: nil, stopped: nil, nodesVisited: 1,
                explainedEntries: 0)
        }
        // A log of methods the model never emits: nothing it does is watched, so there
        // is nothing to search (and nothing UIKit could call instead).
        guard keys.contains(where: \.isEmitted) else { return answer(search) }
        search.run(meter: &meter)
        // A log whose first action's callbacks are all there shows the app starting: it
        // does not start in a running app, and its divergence is one.
        let startsWithTheApp = search.nodes.contains { $0.position > 0 }
        guard search.goals.isEmpty, search.meterStop == nil, mayAssumeStart, !startsWithTheApp else {
            return answer(search)
        }
        // The log does not fit from the start: try the states one action on, then two.
        graph = search.graph
        var found = search
        var nodes = search.nodes.count
        for depth in 1...Self.maxAssumedActions {
            let seeds = assumedStarts(from: startVertex, depth: depth, in: &graph, meter: &meter)
            var seeded = LogSearch(
                graph: graph, seeds: seeds, maxActions: limits.maxActions, nodeBudget: limits.nodeBudget)
            seeded.run(meter: &meter)
            graph = seeded.graph
            nodes += seeded.nodes.count
            if !seeded.goals.isEmpty || seeded.best > found.best || seeded.meterStop != nil { found = seeded }
            if !found.goals.isEmpty || found.meterStop != nil { break }
        }
        var out = answer(found)
        out.nodesVisited = nodes
        return out
    }

    /// The start (no assumption) and every state within `depth` actions of it, each
    /// with the actions that lead there.
    private func assumedStarts(
        from start: Int, depth: Int, in graph: inout ExplainGraph, meter: inout SearchMeter
    ) -> [LogSearch.Seed] {
        var seeds = [LogSearch.Seed(vertex: start, prefix: [])]
        var seen: Set<Int> = [start]
        var layer = seeds
        for _ in 0..<depth {
            var next: [LogSearch.Seed] = []
            for seed in layer {
                guard let edges = graph.edges(of: seed.vertex, meter: &meter) else { return seeds }
                for edge in edges {
                    guard let target = edge.target, seen.insert(target).inserted else { continue }
                    next.append(
                        LogSearch.Seed(
                            vertex: target,
                            prefix: seed.prefix + [LogSearch.Step(label: edge.label, action: edge.action, position: -1)]
                        ))
                }
            }
            seeds += next
            layer = next
        }
        return seeds
    }

    /// Tied paths looked at for the alternatives: most are the same story told with
    /// another way into the app (`story`).
    static let alternativesTried = 32

    /// What an alternative must differ in to be listed: its action types, an icon tap,
    /// a link, a notification tap and a quick action all read as opening the app (the
    /// log shows the same calls, save the unshown handler of the link; DOC), and an
    /// interruption's kind or outcome not at all.
    static func story(_ actions: [Action]) -> [ActionKind] {
        actions.map { action in
            switch action.kind {
            case .openURL, .openUniversalLink, .tapNotification, .quickAction: .launch
            default: action.kind
            }
        }
    }

    /// The search's answer, replayed from the start.
    private func answer(_ search: LogSearch) -> Explanation {
        let goal = search.goals.first
        let steps = goal.map(search.steps(to:)) ?? search.bestPrefix()
        let stop = goal == nil ? search.stop : nil
        var prefixCount = steps.prefix { $0.position < 0 }.count
        let (actions, outcomes) = replay(Array(steps), parameters: search.graph.parameters)
        // When the log starts in a running app, actions at its start that make nothing it
        // shows happened before it as much as in it: they join the assumed prefix.
        if prefixCount > 0 {
            while prefixCount < outcomes.count - 1,
                !outcomes[prefixCount].callbacks.contains(where: search.graph.log.watches)
            {
                prefixCount += 1
            }
        }
        let prefix = steps.prefix(prefixCount)
        let assumed = Array(actions.prefix(prefix.count))
        var explanation = Explanation(
            explained: goal != nil, actions: Array(actions.dropFirst(prefix.count)),
            outcomes: Array(outcomes.dropFirst(prefix.count)),
            divergence: goal == nil && stop == nil
                ? Divergence(
                    index: search.best, observed: search.best < entries.count ? entries[search.best] : nil,
                    expected: search.expected) : nil,
            stopped: stop, nodesVisited: search.nodes.count,
            explainedEntries: goal == nil ? search.best : entries.count)
        if !assumed.isEmpty {
            explanation.assumed = ExplainAssumption(
                from: assumed, config: nil, configChanges: [],
                detail:
                    "the log starts in a running app: it is explained after \(prefix.map(\.label).joined(separator: ", ")), which it does not show"
            )
        }
        if let goal {
            var seen: Set<[ActionKind]> = [Self.story(explanation.actions)]
            let others = search.alternatives(to: goal, limit: Self.alternativesTried, count: Explainer.maxAlternatives)
            {
                seen.insert(Self.story($0.drop { $0.position < 0 }.map(\.action))).inserted
            }
            for other in others {
                let (all, _) = replay(other, parameters: search.graph.parameters)
                explanation.alternatives.append(Array(all.dropFirst(other.prefix { $0.position < 0 }.count)))
            }
        }
        return explanation
    }

    /// The actions of `steps` in the states they reach from the start (each candidate
    /// found again by its label, so that a scene is the one at the same place), with
    /// the URLs their log positions show, and their outcomes; up to the first the
    /// model refuses.
    private func replay(_ steps: [LogSearch.Step], parameters: ExplainParameters) -> ([Action], [ActionOutcome]) {
        var state = start
        var actions: [Action] = []
        var outcomes: [ActionOutcome] = []
        for step in steps {
            let found =
                Self.namesItsState(step.action)
                ? parameters.candidates(simulator: simulator, in: state).first { $0.label == step.label }?.action
                    ?? step.action : step.action
            let action = step.position < 0 ? found : parameters.action(found, at: step.position)
            guard let out = try? simulator.apply(action, to: state) else { break }
            actions.append(action)
            outcomes.append(out)
            state = out.state
        }
        return (actions, outcomes)
    }

    /// An action whose members name something of the state it was found in (a scene
    /// by its id, a background task, a child), found again in the replayed state.
    private static func namesItsState(_ action: Action) -> Bool {
        switch action {
        case .endBackgroundTask, .removeChild: true
        case .activateScene(let a): a.sceneId != nil
        case .closeScene(let a): a.sceneId != nil
        case .disconnectScene(let a): a.sceneId != nil
        case .pop(let a): a.sceneId != nil
        case .dismiss(let a): a.sceneId != nil
        case .cancelInteractivePop(let a): a.sceneId != nil
        case .push(let a): a.sceneId != nil
        case .present(let a): a.sceneId != nil
        case .addChild(let a): a.sceneId != nil
        case .rotate(let a): a.sceneId != nil
        case .selectTab(let a): a.sceneId != nil
        default: false
        }
    }

    /// The answer's outcomes make exactly the log.
    private func replays(_ explanation: Explanation) -> Bool {
        let log = WatchedSet(entries.map(CallbackKey.init))
        var position = 0
        for outcome in explanation.outcomes {
            guard case .advanced(let next) = log.follow(outcome.callbacks.filter(log.watches), from: position) else {
                return false
            }
            position = next
        }
        return position == entries.count
    }
}
