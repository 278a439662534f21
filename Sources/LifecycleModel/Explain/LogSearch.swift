/// The explanation search: the log read left to right, one best path kept per state
/// at each position (a layered shortest-path search, issue #34).
///
/// A node is a state standing before log entry `position`. From each node at a
/// position, the actions the log does not see (the state's `ExplainGraph.Closure`)
/// lead to the states from which one action makes the entry at that position, and
/// that action's watched callbacks carry the path past as many entries as they match.
/// A node keeps the cheapest path that reaches it (`Cost`: the assumed prefix, then
/// actions, then callbacks the log does not show) and the other paths as short (its
/// `ties`, for `alternatives`). Every edge goes forward in the log, so once the
/// positions before one are done, its nodes are final: the work per entry is the
/// number of states that stand there, not the length of the log.
struct LogSearch {
    /// What a path costs, compared in this order.
    struct Cost: Comparable {
        /// Actions assumed before the log begins (a log that starts in a running app).
        var prefix: Int
        var actions: Int
        /// Callbacks the log does not show: among paths as short, the simplest story (an
        /// alert that comes and goes rather than a deep link nobody logged).
        var unshown: Int

        static func < (a: Cost, b: Cost) -> Bool {
            (a.prefix, a.actions, a.unshown) < (b.prefix, b.actions, b.unshown)
        }

        /// As short: the same prefix and as many actions.
        func ties(_ other: Cost) -> Bool { prefix == other.prefix && actions == other.actions }
    }

    /// How a node is reached: from `node`, the closure's path to `item`, then `edge`.
    struct Parent {
        var node: Int
        var item: Int
        var edge: Int
    }

    struct Node {
        var vertex: Int
        var position: Int
        var cost: Cost
        var parent: Parent?
        /// Other parents whose paths cost as many actions, the simplest `maxTies` of
        /// them, simplest first.
        var ties: [(parent: Parent, cost: Cost)] = []
        /// The start the path comes from.
        var seed: Int
    }

    /// A start: a state, and the actions assumed to have led there before the log
    /// begins (none for the session's own state).
    struct Seed {
        var vertex: Int
        var prefix: [Step]
    }

    /// One action of an answer, as found.
    struct Step {
        var label: String
        var action: Action
        /// The log position it starts at (for the URL it takes).
        var position: Int
    }

    /// Ties kept per node: enough for the alternatives an answer lists (several ties
    /// are the same story: a link that opens the app instead of its icon).
    static let maxTies = 8

    var graph: ExplainGraph
    let seeds: [Seed]
    let maxActions: Int?
    let nodeBudget: Int

    private(set) var nodes: [Node] = []
    /// Per position, the node of each vertex standing there.
    private var layers: [[Int: Int]]
    private var entryCount: Int { graph.log.entries.count }

    /// The furthest position some path reaches, counted per callback: the entry there
    /// is where no path goes on.
    private(set) var best = 0
    /// A path that goes past `best` within its last action before diverging, when no
    /// node stands at `best`.
    private var bestAttempt: Parent?
    private(set) var expected: [ExpectedCallback] = []
    private var expectedKeys = Set<CallbackKey>()
    /// The furthest position an action cut by `maxActions` or by the bounds would have
    /// reached (-1: none).
    private var cutByDepth = -1
    private var cutByBounds = -1
    /// The furthest position whose search left out longer runs of unseen actions (-1: none).
    private var cutBySilence = -1
    private var nodeBudgetSpent = false
    private(set) var meterStop: SearchStop?

    init(graph: ExplainGraph, seeds: [Seed], maxActions: Int?, nodeBudget: Int) {
        self.graph = graph
        self.seeds = seeds
        self.maxActions = maxActions
        self.nodeBudget = nodeBudget
        self.layers = Array(repeating: [:], count: graph.log.entries.count + 1)
        for (i, seed) in seeds.enumerated() {
            relax(
                seed.vertex, at: 0, cost: Cost(prefix: seed.prefix.count, actions: 0, unshown: 0), parent: nil, seed: i)
        }
    }

    /// What stopped the search short of an answer, if a bound did.
    var stop: ExplainStop? {
        if let meterStop { return .budget(meterStop) }
        if nodeBudgetSpent { return .nodeBudget(nodeBudget) }
        if cutByDepth >= best, let maxActions { return .maxActions(maxActions) }
        if cutByBounds >= best { return .stateBounds(graph.bounds) }
        if cutBySilence >= 0 { return .silentActions(graph.maxSilent) }
        return nil
    }

    /// The nodes at the log's end, cheapest first: the explanations.
    var goals: [Int] {
        layers[entryCount].values.sorted { (nodes[$0].cost, $0) < (nodes[$1].cost, $1) }
    }

    mutating func run(meter: inout SearchMeter) {
        for position in 0..<entryCount {
            let standing = layers[position].values.sorted { (nodes[$0].cost, $0) < (nodes[$1].cost, $1) }
            let methods = graph.log.entries[position].methods.map(\.index)
            for node in standing {
                guard let closure = graph.closure(of: nodes[node].vertex, meter: &meter) else {
                    meterStop = meter.stopped ?? graph.stopped
                    return
                }
                if closure.cutBySilence { cutBySilence = max(cutBySilence, position) }
                for (item, edge) in methods.flatMap({ closure.loud[$0] ?? [] }) + closure.repeatableFirst {
                    follow(from: node, position: position, item: item, edge: edge, closure: closure)
                }
                if nodeBudgetSpent { return }
            }
        }
        if layers[entryCount].isEmpty { collectExpected(meter: &meter) }
    }

    /// One path: from `node`, through the closure to `item`, then `edge`.
    private mutating func follow(from node: Int, position: Int, item: Int, edge e: Int, closure: ExplainGraph.Closure) {
        let through = closure.items[item]
        guard let edge = graph.vertices[through.vertex].edges?[e] else { return }
        let base = nodes[node].cost
        let cost = Cost(
            prefix: base.prefix, actions: base.actions + through.actions + 1,
            unshown: base.unshown + through.unshown + edge.unshown)
        let parent = Parent(node: node, item: item, edge: e)
        switch graph.log.follow(edge.watched, from: position) {
        case .advanced(let next) where next > position:
            guard let target = edge.target else {
                cutByBounds = max(cutByBounds, next)
                return
            }
            if let maxActions, cost.actions > maxActions {
                cutByDepth = max(cutByDepth, next)
                return
            }
            relax(target, at: next, cost: cost, parent: parent, seed: nodes[node].seed)
        case .advanced:
            return  // a layout pass the log leaves out, nothing else: a silent step
        case .diverged(let at, let callback):
            if let maxActions, cost.actions > maxActions {
                cutByDepth = max(cutByDepth, at)
                return
            }
            diverged(at: at, with: callback, parent: parent, label: edge.label, action: edge.action, position: position)
        }
    }

    private mutating func relax(_ vertex: Int, at position: Int, cost: Cost, parent: Parent?, seed: Int) {
        if let existing = layers[position][vertex] {
            var node = nodes[existing]
            if cost < node.cost {
                if cost.ties(node.cost), let old = node.parent {
                    Self.keep((old, node.cost), in: &node.ties)
                } else {
                    node.ties = []
                }
                node.cost = cost
                node.parent = parent
                node.seed = seed
            } else if cost.ties(node.cost), let parent {
                Self.keep((parent, cost), in: &node.ties)
            }
            nodes[existing] = node
            return
        }
        guard nodes.count < nodeBudget else {
            nodeBudgetSpent = true
            return
        }
        layers[position][vertex] = nodes.count
        nodes.append(Node(vertex: vertex, position: position, cost: cost, parent: parent, seed: seed))
        if position > best {
            best = position
            bestAttempt = nil
            expected = []
            expectedKeys = []
        }
    }

    /// Keeps `tie` among the simplest `maxTies` ties.
    private static func keep(_ tie: (parent: Parent, cost: Cost), in ties: inout [(parent: Parent, cost: Cost)]) {
        let i = ties.firstIndex { tie.cost < $0.cost } ?? ties.endIndex
        guard i < maxTies else { return }
        ties.insert(tie, at: i)
        if ties.count > maxTies { ties.removeLast() }
    }

    /// A path reproduces the log up to `index`, then makes `callback`.
    private mutating func diverged(
        at index: Int, with callback: Callback, parent: Parent, label: String, action: Action, position: Int
    ) {
        if index > best {
            best = index
            bestAttempt = parent
            expected = []
            expectedKeys = []
        }
        guard index == best else { return }
        if bestAttempt == nil, layers[best].isEmpty { bestAttempt = parent }
        let key = CallbackKey(callback)
        if expectedKeys.insert(key).inserted {
            expected.append(
                ExpectedCallback(
                    callback: key, action: graph.parameters.label(label, of: action, at: position)))
        }
    }

    /// At the furthest position where nodes stand, what every action from there makes
    /// first that the log watches: what UIKit could call instead.
    private mutating func collectExpected(meter: inout SearchMeter) {
        guard best < entryCount else { return }
        let standing = layers[best].values.sorted { (nodes[$0].cost, $0) < (nodes[$1].cost, $1) }
        for node in standing {
            guard let closure = graph.closure(of: nodes[node].vertex, meter: &meter) else { return }
            if closure.cutBySilence { cutBySilence = max(cutBySilence, best) }
            for (i, item) in closure.items.enumerated() {
                for (e, edge) in (graph.vertices[item.vertex].edges ?? []).enumerated() {
                    guard case .diverged(best, let callback) = graph.log.follow(edge.watched, from: best) else {
                        continue
                    }
                    if let maxActions, nodes[node].cost.actions + item.actions + 1 > maxActions {
                        cutByDepth = max(cutByDepth, best)
                        continue
                    }
                    diverged(
                        at: best, with: callback, parent: Parent(node: node, item: i, edge: e), label: edge.label,
                        action: edge.action, position: best)
                }
            }
        }
    }

    // MARK: Paths

    /// The actions of the path to `node`.
    func steps(to node: Int) -> [Step] {
        var chain: [[Step]] = []
        var n = node
        while let parent = nodes[n].parent {
            chain.append(steps(of: parent))
            n = parent.node
        }
        return seeds[nodes[n].seed].prefix + chain.reversed().flatMap { $0 }
    }

    /// The actions `parent` adds to its node's path: the closure's, then the edge.
    func steps(of parent: Parent) -> [Step] {
        let from = nodes[parent.node]
        let vertex = graph.vertices[from.vertex]
        guard let closure = vertex.closure else { return [] }
        let through = closure.items[parent.item]
        var edges = graph.path(to: parent.item, in: closure)
        if let edge = graph.vertices[through.vertex].edges?[parent.edge] { edges.append(edge) }
        return edges.map { Step(label: $0.label, action: $0.action, position: from.position) }
    }

    /// The actions of the longest explained prefix: the cheapest node furthest in the
    /// log, else a path whose last action goes past it before diverging.
    func bestPrefix() -> [Step] {
        let standing = layers[best].values.min { (nodes[$0].cost, $0) < (nodes[$1].cost, $1) }
        if let node = standing { return steps(to: node) }
        if let attempt = bestAttempt { return steps(to: attempt.node) + steps(of: attempt) }
        return seeds.first?.prefix ?? []
    }

    /// Other explanations as short as `goal`'s, simplest first, `limit` at most: the
    /// other goals of its cost, and the paths that leave its path at one node for a tie.
    /// Each is built only once chosen, and `accept` says whether to keep it (it tells
    /// another story), until `count` are kept.
    func alternatives(to goal: Int, limit: Int, count: Int, accept: ([Step]) -> Bool) -> [[Step]] {
        let answer = steps(to: goal)
        enum Source {
            case goal(Int)
            /// The tie of `node`, then the answer's steps from `from` on.
            case tie(Parent, from: Int)
        }
        var found: [(source: Source, cost: Cost)] = []
        for other in goals where other != goal && nodes[other].cost.ties(nodes[goal].cost) {
            found.append((.goal(other), nodes[other].cost))
        }
        // The answer's nodes, latest first, with the number of its steps up to each.
        var n = goal
        var remaining = answer.count
        while let parent = nodes[n].parent, found.count < limit {
            let after = nodes[goal].cost.unshown - nodes[n].cost.unshown
            for tie in nodes[n].ties {
                var cost = tie.cost
                cost.unshown += after
                found.append((.tie(tie.parent, from: remaining), cost))
            }
            remaining -= (graph.vertices[nodes[parent.node].vertex].closure?.items[parent.item].actions ?? 0) + 1
            n = parent.node
        }
        var out: [[Step]] = []
        for (source, _) in found.sorted(by: { $0.cost < $1.cost }).prefix(limit) {
            let path: [Step]
            switch source {
            case .goal(let node): path = steps(to: node)
            case .tie(let parent, let from): path = steps(to: parent.node) + steps(of: parent) + answer[from...]
            }
            if accept(path) { out.append(path) }
            if out.count == count { break }
        }
        return out
    }
}
