extension Simulator {
    /// The shortest action sequence from `start` whose watched callbacks (those
    /// matching an entry's key: method, and receiver or view controller where the log
    /// gives them) are exactly `entries`; or, if none within `limits`, the longest
    /// explained prefix and where it diverges.
    ///
    /// Breadth first over (abstract state, log position): each step tries the plain
    /// actions of `paths`/`coverage` with parameters from the log (`ExplainParameters`),
    /// keeps an action only when its watched callbacks are the log's next entries, and
    /// visits each (abstract state, position, view-controller names) once. The first
    /// level that reaches the log's end holds the shortest explanations; of those it
    /// answers the one with the fewest callbacks the log does not show (the simplest
    /// story: an alert that comes and goes rather than a deep link nobody logged).
    public func explain(
        _ entries: [LogEntry], from start: AppSnapshot = AppSnapshot(), limits: ExplainLimits = ExplainLimits()
    ) -> Explanation {
        let keys = entries.map(CallbackKey.init)
        var search = ExplainSearch(
            simulator: self, log: WatchedSet(keys), parameters: ExplainParameters(entries), start: start,
            limits: limits)
        let found = search.run()
        let actions = found ?? search.bestPrefix()
        var outcomes: [ActionOutcome] = []
        var state = start
        for action in actions {
            // The search applied these very actions to these very states.
            guard let out = try? apply(action, to: state) else { break }
            outcomes.append(out)
            state = out.state
        }
        return Explanation(
            explained: found != nil, actions: actions, outcomes: outcomes,
            divergence: found == nil ? search.divergence(entries) : nil,
            stopped: found == nil ? search.stop : nil, nodesVisited: search.nodeCount)
    }
}

/// One explanation search: the nodes in breadth-first order and what the best
/// (longest) prefix looked like.
struct ExplainSearch {
    let simulator: Simulator
    let log: WatchedSet
    let parameters: ExplainParameters
    let limits: ExplainLimits
    let bounds: ExplorationBounds

    private var snapshots: [AppSnapshot?] = []
    private var positions: [Int] = []
    private var depths: [Int] = []
    private var parents: [(node: Int, action: Action)?] = []
    /// Callbacks the log does not show along each node's path: among sequences of
    /// the same length, the search keeps the one with the fewest.
    private var unshown: [Int] = []
    private var visited: [VisitKey: Int] = [:]

    /// The longest reproduced prefix: its length, a node that ends exactly there (if
    /// any), else an action that goes past it before diverging.
    private var best = 0
    private var bestNode: Int? = 0
    private var bestAttempt: (node: Int, action: Action)?
    private var expected: [ExpectedCallback] = []
    private var expectedKeys = Set<CallbackKey>()
    /// A node budget that ran out.
    private var budgetSpent = false
    /// The furthest log position an action cut by `maxActions` or by the state bounds
    /// would have reached (-1: none): the bound stopped the search only if it is at
    /// least the best prefix.
    private var cutByDepth = -1
    private var cutByBounds = -1
    /// Whether visits tell interfaces apart (`WatchedSet.watchesInterface`).
    private let interfaceMatters: Bool
    /// The first entry the model never emits (a method it does not know, or not to
    /// that receiver): no sequence gets past it, so the search stops there.
    private let reachable: Int

    /// What stopped the search short of the answer, if a bound did.
    var stop: ExplainStop? {
        if budgetSpent { return .nodeBudget(limits.nodeBudget) }
        if best == reachable, reachable < log.entries.count { return nil }
        if cutByDepth >= best { return .maxActions(limits.maxActions) }
        if cutByBounds >= best { return .stateBounds(bounds) }
        return nil
    }

    var nodeCount: Int { positions.count }

    init(
        simulator: Simulator, log: WatchedSet, parameters: ExplainParameters, start: AppSnapshot, limits: ExplainLimits
    ) {
        self.simulator = simulator
        self.log = log
        self.parameters = parameters
        self.limits = limits
        // A log naming several controllers may stack them: deeper, up to the maximum.
        var bounds = limits.bounds.widened(toHold: AbstractState(start))
        bounds.depth = max(bounds.depth, min(log.controllerNames.count, ExplorationBounds.maximum.depth))
        self.bounds = bounds
        self.reachable = log.entries.firstIndex { !$0.isEmitted } ?? log.entries.count
        self.interfaceMatters = log.watchesInterface
        add(start, position: 0, depth: 0, parent: nil)
    }

    /// The explanation, or nil when none was found.
    mutating func run() -> [Action]? {
        if log.entries.isEmpty { return [] }
        // A log of methods the model never emits: nothing it does is watched, so there
        // is nothing to search (and nothing UIKit could call instead).
        if !log.entries.contains(where: \.isEmitted) { return nil }
        var head = 0
        /// Nodes at the log's end; once one is found, its depth is the last.
        var goals: [Int] = []
        /// Once a node stands before an entry no sequence gets past, only the nodes
        /// there go on: to find what the model could call instead.
        var beforeUnreachable = false
        while head < positions.count {
            let node = head
            head += 1
            if let goal = goals.first, depths[node] >= depths[goal] { break }
            let position = positions[node]
            if position == reachable { beforeUnreachable = true }
            guard let state = snapshots[node], !beforeUnreachable || position == reachable else { continue }
            snapshots[node] = nil  // expanded: the path replays it if needed
            let atLimit = depths[node] >= limits.maxActions
            for plain in parameters.candidates(simulator: simulator, in: state, at: position) {
                guard let out = try? simulator.apply(plain.action, to: state) else { continue }
                let step = log.follow(out.callbacks, from: position)
                if let wrong = step.first {
                    // Past the limit, only what comes next from this node counts.
                    if !atLimit || step.matched == 0 {
                        diverged(at: position + step.matched, with: wrong, node: node, plain: plain)
                    }
                    continue
                }
                let next = position + step.watched
                if atLimit {
                    cutByDepth = max(cutByDepth, next)
                    continue
                }
                let abstract = AbstractState(out.state)
                guard bounds.contains(abstract) else {
                    // Only a step that went along the log says the bounds were in the way
                    // (a fourth push the log does not watch says nothing).
                    if next > position { cutByBounds = max(cutByBounds, next) }
                    continue
                }
                let extra = unshown[node] + out.callbacks.count - step.watched
                let key = VisitKey(abstract, next, out.state, interface: interfaceMatters)
                if let seen = visited[key] {
                    // The same length with fewer callbacks the log does not show: the
                    // simpler story (a node of the next level is not expanded yet).
                    if depths[seen] == depths[node] + 1, extra < unshown[seen] {
                        parents[seen] = (node, plain.action)
                        unshown[seen] = extra
                        snapshots[seen] = out.state
                    }
                    continue
                }
                guard positions.count < limits.nodeBudget else {
                    budgetSpent = true
                    return nil
                }
                visited[key] = positions.count
                add(out.state, position: next, depth: depths[node] + 1, parent: (node, plain.action), unshown: extra)
                if next == log.entries.count { goals.append(positions.count - 1) }
            }
        }
        guard let goal = goals.min(by: { unshown[$0] < unshown[$1] }) else { return nil }
        return path(to: goal)
    }

    private mutating func add(
        _ state: AppSnapshot, position: Int, depth: Int, parent: (node: Int, action: Action)?, unshown extra: Int = 0
    ) {
        let index = positions.count
        snapshots.append(state)
        positions.append(position)
        depths.append(depth)
        parents.append(parent)
        unshown.append(extra)
        if parent == nil {
            visited[VisitKey(AbstractState(state), position, state, interface: interfaceMatters)] = index
        }
        if position > best {
            best = position
            bestNode = nil
            bestAttempt = nil
            expected = []
            expectedKeys = []
        }
        if position == best, bestNode == nil { bestNode = index }
    }

    /// An action from `node` reproduces the log up to `index`, then makes `callback`.
    private mutating func diverged(at index: Int, with callback: Callback, node: Int, plain: PlainAction) {
        if index > best {
            best = index
            bestNode = nil
            bestAttempt = (node, plain.action)
            expected = []
            expectedKeys = []
        }
        guard index == best else { return }
        let key = CallbackKey(callback)
        if expectedKeys.insert(key).inserted { expected.append(ExpectedCallback(callback: key, action: plain.label)) }
    }

    private func path(to node: Int) -> [Action] {
        var actions: [Action] = []
        var n = node
        while let (parent, action) = parents[n] {
            actions.append(action)
            n = parent
        }
        return actions.reversed()
    }

    /// The actions of the longest explained prefix.
    func bestPrefix() -> [Action] {
        if let node = bestNode { return path(to: node) }
        if let (node, action) = bestAttempt { return path(to: node) + [action] }
        return []
    }

    func divergence(_ entries: [LogEntry]) -> Divergence {
        Divergence(index: best, observed: best < entries.count ? entries[best] : nil, expected: expected)
    }
}

/// What the search tells nodes apart by: the abstract state, the log position, the
/// interface (orientation, appearance, tab, traits a controller missed), and the
/// names of the view controllers in the windows, all of which the abstract state
/// leaves out and later callbacks depend on (a log naming controllers, the trait
/// calls of a Dark Mode switch); a controller's children by name only, since
/// nothing bounds how many `addChild` adds.
struct VisitKey: Hashable {
    var state: AbstractState
    var position: Int
    /// The device's orientation and appearance: they outlive the process.
    var orientation: InterfaceOrientation
    var style: UserInterfaceStyle
    var windows: [Window]

    struct Window: Hashable {
        var orientation: InterfaceOrientation
        var style: UserInterfaceStyle
        var tab: Int?
        /// Per context, bottom to top.
        var stacks: [[Controller]]
    }

    struct Controller: Hashable {
        var name: String
        var children: Set<String>
        var missedStyle: UserInterfaceStyle?
        var missedPortrait: Bool?
    }

    /// Without `interface`, the orientation, appearance and missed traits are left out
    /// (every one the same), for a log that watches nothing they decide.
    init(_ state: AbstractState, _ position: Int, _ snapshot: AppSnapshot, interface: Bool) {
        self.state = state
        self.position = position
        orientation = interface ? snapshot.interface.orientation : .portrait
        style = interface ? snapshot.interface.style : .light
        windows = snapshot.windows.map { window in
            Window(
                orientation: interface ? window.interface.orientation : .portrait,
                style: interface ? window.interface.style : .light, tab: window.interface.tabBar?.selected,
                stacks: window.contexts.map { context in
                    context.stack.map {
                        Controller(
                            name: $0.name, children: Set($0.children.map(\.name)),
                            missedStyle: interface ? $0.missedTraits?.style : nil,
                            missedPortrait: interface ? $0.missedTraits?.portrait : nil)
                    }
                })
        }
    }
}
