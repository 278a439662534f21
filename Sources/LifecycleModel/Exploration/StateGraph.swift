/// The transitions of the model reachable from one snapshot within bounds, found
/// breadth first: `Simulator.apply` on real snapshots, one representative snapshot per
/// abstract state (the first one reached, so the tree path to it is a shortest one and
/// replays it exactly). Refused actions are not edges; an action whose result lies
/// outside the bounds is not either.
public struct StateGraph: Sendable {
    /// An abstract state with the snapshot that stands for it and how it was first reached.
    public struct Node: Sendable {
        public let state: AbstractState
        public let representative: AppSnapshot
        /// The node it was first reached from, and by what (nil for the start).
        public let parent: (node: Int, action: PlainAction)?
    }

    /// A transition: a plain action the model accepts in a node's representative.
    public struct Edge: Sendable {
        public let from: Int
        public let action: PlainAction
        public let to: Int
    }

    public private(set) var nodes: [Node] = []
    /// In the order they were found (by source node, then plain-action order).
    public private(set) var edges: [Edge] = []
    /// The search stopped at `maxStates` before it had seen everything.
    public private(set) var truncated = false
    /// Node index of each abstract state.
    private var index: [AbstractState: Int] = [:]

    /// Most nodes one search keeps: with `ExplorationBounds.maximum` the model stays far
    /// below it; it only guards against a model change that would blow the space up.
    public static let maxStates = 20_000

    /// Explores everything reachable from `start` within `bounds`; with `stop`, ends as
    /// soon as a node whose abstract state satisfies it is found (for shortest paths).
    /// Unbounded in work: for in-process use and tests.
    public init(
        simulator: Simulator, from start: AppSnapshot, bounds: ExplorationBounds,
        maxStates: Int = StateGraph.maxStates, stop: ((AbstractState) -> Bool)? = nil
    ) {
        var meter = SearchMeter(.unlimited)
        self.init(simulator: simulator, from: start, bounds: bounds, maxStates: maxStates, meter: &meter, stop: stop)
    }

    /// The same within `meter`: every action tried on a node is one step, accepted or
    /// refused, inside the bounds or not. When the meter stops, so does the search
    /// (`meter.stopped` says why) and the graph holds what was found until then.
    public init(
        simulator: Simulator, from start: AppSnapshot, bounds: ExplorationBounds,
        maxStates: Int = StateGraph.maxStates, meter: inout SearchMeter, stop: ((AbstractState) -> Bool)? = nil
    ) {
        let first = AbstractState(start)
        add(Node(state: first, representative: start, parent: nil))
        if stop?(first) == true { return }
        var next = 0
        while next < nodes.count {
            let from = next
            next += 1
            let rep = nodes[from].representative
            for plain in simulator.plainActions(in: rep) {
                guard meter.step() else { return }
                guard let outcome = try? simulator.apply(plain.action, to: rep) else { continue }
                let abstract = AbstractState(outcome.state)
                guard bounds.contains(abstract) else { continue }
                let to: Int
                if let known = index[abstract] {
                    to = known
                } else {
                    guard nodes.count < maxStates else {
                        truncated = true
                        continue
                    }
                    to = nodes.count
                    add(Node(state: abstract, representative: outcome.state, parent: (from, plain)))
                    if stop?(abstract) == true {
                        edges.append(Edge(from: from, action: plain, to: to))
                        return
                    }
                }
                edges.append(Edge(from: from, action: plain, to: to))
            }
        }
    }

    private mutating func add(_ node: Node) {
        index[node.state] = nodes.count
        nodes.append(node)
    }

    /// The node of an abstract state, if reached.
    public func node(of state: AbstractState) -> Int? { index[state] }

    /// The plain actions from the start to `node` along the search tree: a shortest
    /// path, and applied to the start it gives exactly the node's representative.
    public func path(to node: Int) -> [PlainAction] {
        var actions: [PlainAction] = []
        var n = node
        while let (parent, action) = nodes[n].parent {
            actions.append(action)
            n = parent
        }
        return actions.reversed()
    }
}
