/// The states an explanation search has met (by `StateKey`), each with one
/// representative snapshot, and what every candidate action does from it: the
/// watched callbacks it makes, how many the log does not show, and the state it
/// leads to. Each state's candidates are applied once, however many log positions
/// the state stands at, so a long log of a few dozen states costs its states'
/// applications plus a table look-up per entry.
///
/// This is the search's one performance mechanism (issue #34's "a search whose cost
/// grows linearly with the log"): the rules are applied only here, each application
/// counted by the `SearchMeter`; `LogSearch` reads the log against this table. The
/// answer is replayed on real snapshots afterwards (`Explainer.replay`), so a state
/// the key merges wrongly would show as a failed replay, never as a wrong answer.
struct ExplainGraph {
    let simulator: Simulator
    let log: WatchedSet
    let parameters: ExplainParameters
    let projection: StateKey.Projection
    let bounds: ExplorationBounds
    /// The most actions the log does not see in a row (`ExplainLimits.maxSilentActions`).
    let maxSilent: Int

    /// One state: its representative and, once expanded, its edges.
    struct Vertex {
        var key: StateKey
        var snapshot: AppSnapshot
        var edges: [Edge]?
        var closure: Closure?
    }

    /// What one candidate does from a state.
    struct Edge {
        var label: String
        var action: Action
        /// The callbacks it makes that the log watches, in order.
        var watched: [Callback]
        /// What the callbacks it makes that the log does not show weigh
        /// (`WatchedSet.unshownWeight`).
        var unshown: Int
        /// The state it leads to; nil when that state is beyond the bounds.
        var target: Int?
    }

    /// The states reachable from one state by at most `maxSilent` actions the log does
    /// not see (no watched callback), each by a shortest such path (fewest actions,
    /// then fewest unshown callbacks), in breadth-first order; and the edges out of them
    /// that make a watched callback, by the method of the first.
    struct Closure {
        struct Item {
            var vertex: Int
            var actions: Int
            var unshown: Int
            /// The item before it and the edge (of that item's vertex) taken; nil for the start.
            var parent: (item: Int, edge: Int)?
        }
        var items: [Item]
        /// (item, edge) pairs by `CallbackMethod.index` of the edge's first watched callback.
        var loud: [Int: [(item: Int, edge: Int)]]
        /// (item, edge) pairs whose first watched callback is repeatable: they may pass
        /// over it, so they are tried at every entry.
        var repeatableFirst: [(item: Int, edge: Int)]
        /// A silent edge that went beyond the bounds.
        var cutByBounds: Bool
        /// A state `maxSilent` actions away has a silent edge to a state not in the
        /// closure: a longer run of unseen actions was not tried.
        var cutBySilence: Bool
    }

    private(set) var vertices: [Vertex] = []
    private var ids: [StateKey: Int] = [:]
    /// The meter stopped an expansion: the graph is incomplete from here on.
    private(set) var stopped: SearchStop?
    /// Action kinds that cannot matter to this log, not tried (`inert`).
    let inert: Set<ActionKind>

    init(
        simulator: Simulator, log: WatchedSet, parameters: ExplainParameters, projection: StateKey.Projection,
        bounds: ExplorationBounds, maxSilent: Int
    ) {
        self.simulator = simulator
        self.log = log
        self.parameters = parameters
        self.projection = projection
        self.bounds = bounds
        self.maxSilent = maxSilent
        self.inert = Self.inert(log: log, projection: projection)
    }

    /// The kinds that, over the states the method catalog explores, never made a
    /// callback this log watches and never changed the state beyond the windows'
    /// stacks (push, rotate, Dark Mode, tabs… for a delegate log): where the key leaves
    /// the stacks, the interface and the observers out, such an action only loops back
    /// to its own state, so it is not tried (issue #34: "not generating candidates
    /// that cannot match"; a two-window iPad offers dozens of them per state).
    private static func inert(log: WatchedSet, projection: StateKey.Projection) -> Set<ActionKind> {
        guard !projection.controllers, !projection.interface, !projection.observers else { return [] }
        let watched = Set(log.entries.flatMap(\.methods))
        var out = Set<ActionKind>()
        for (kind, effect) in MethodCatalog.collected.effects
        where !effect.changesCore && effect.methods.isDisjoint(with: watched) {
            out.insert(kind)
        }
        return out
    }

    /// The vertex of `snapshot`'s state, added if new.
    mutating func vertex(of snapshot: AppSnapshot) -> Int {
        let key = StateKey(snapshot, projection)
        if let id = ids[key] { return id }
        let id = vertices.count
        ids[key] = id
        vertices.append(Vertex(key: key, snapshot: snapshot))
        return id
    }

    /// The edges out of `id`, applying its candidates the first time; nil when the
    /// meter stopped the search first.
    mutating func edges(of id: Int, meter: inout SearchMeter) -> [Edge]? {
        if let edges = vertices[id].edges { return edges }
        let snapshot = vertices[id].snapshot
        var edges: [Edge] = []
        for candidate in parameters.candidates(simulator: simulator, in: snapshot)
        where !inert.contains(candidate.action.kind) {
            guard meter.step() else {
                stopped = meter.stopped
                return nil
            }
            guard let out = try? simulator.apply(candidate.action, to: snapshot) else { continue }
            let watched = out.callbacks.filter(log.watches)
            let inBounds = bounds.contains(AbstractState(out.state))
            edges.append(
                Edge(
                    label: candidate.label, action: candidate.action, watched: watched,
                    unshown: log.unshownWeight(of: out.callbacks), target: inBounds ? vertex(of: out.state) : nil))
        }
        vertices[id].edges = edges
        return edges
    }

    /// The closure of `id` (see `Closure`); nil when the meter stopped the search.
    mutating func closure(of id: Int, meter: inout SearchMeter) -> Closure? {
        if let closure = vertices[id].closure { return closure }
        var items = [Closure.Item(vertex: id, actions: 0, unshown: 0, parent: nil)]
        var index = [id: 0]
        var loud: [Int: [(item: Int, edge: Int)]] = [:]
        var repeatableFirst: [(item: Int, edge: Int)] = []
        var cutByBounds = false
        var cutBySilence = false
        var head = 0
        while head < items.count {
            let item = items[head]
            guard let edges = edges(of: item.vertex, meter: &meter) else { return nil }
            for (e, edge) in edges.enumerated() {
                if let first = edge.watched.first {
                    if first.method.isRepeatable {
                        repeatableFirst.append((head, e))
                    } else {
                        loud[first.method.index, default: []].append((head, e))
                    }
                    continue
                }
                guard let target = edge.target else {
                    cutByBounds = true
                    continue
                }
                let unshown = item.unshown + edge.unshown
                if item.actions == maxSilent {
                    if index[target] == nil { cutBySilence = true }
                    continue
                }
                if let seen = index[target] {
                    // The same length with fewer callbacks the log does not show: the
                    // simpler story (an item of the next layer is not expanded yet).
                    if items[seen].actions == item.actions + 1, unshown < items[seen].unshown, seen > head {
                        items[seen].unshown = unshown
                        items[seen].parent = (head, e)
                    }
                    continue
                }
                index[target] = items.count
                items.append(
                    Closure.Item(vertex: target, actions: item.actions + 1, unshown: unshown, parent: (head, e)))
            }
            head += 1
        }
        let closure = Closure(
            items: items, loud: loud, repeatableFirst: repeatableFirst, cutByBounds: cutByBounds,
            cutBySilence: cutBySilence)
        vertices[id].closure = closure
        return closure
    }

    /// The edges (label, action) from the start of `closure` to its item `item`.
    func path(to item: Int, in closure: Closure) -> [Edge] {
        var out: [Edge] = []
        var i = item
        while let (parent, edge) = closure.items[i].parent {
            out.append(vertices[closure.items[parent].vertex].edges?[edge] ?? Self.missing)
            i = parent
        }
        return out.reversed()
    }

    private static let missing = Edge(label: "", action: .launch, watched: [], unshown: 0, target: nil)
}
