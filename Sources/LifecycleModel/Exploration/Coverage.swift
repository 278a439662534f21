/// A small set of action sequences that together take every transition of a
/// `StateGraph` from a fresh install: each (abstract state, plain action) pair the
/// model accepts within the bounds, at least once. Each sequence starts from a fresh
/// install (`notRunning`, nothing on disk) and contains no refused action.
public struct CoveragePlan: Sendable {
    /// The sequences, each from a fresh install.
    public var sequences: [[PlainAction]]
    /// Abstract states reachable within the bounds.
    public var states: Int
    /// Transitions (state, plain action pairs) reachable within the bounds.
    public var transitions: Int
    /// Of those, how many the sequences take (all of them).
    public var covered: Int
    /// Actions in all sequences together.
    public var totalActions: Int { sequences.reduce(0) { $0 + $1.count } }
}

/// Coverage needs the whole space: the bounds held more states than a search keeps.
public struct CoverageTooLarge: Error, Sendable {
    public var maxStates: Int
}

/// Why coverage gave no plan.
public enum CoverageFailure: Error, Sendable, Equatable {
    /// The bounds hold more abstract states than a search keeps.
    case tooLarge(maxStates: Int)
    /// The search's budget stopped it (`SearchBudget`).
    case stopped(SearchStop)
}

/// A (node, label) pair: what coverage counts.
struct TransitionKey: Hashable {
    var node: Int
    var label: String
}

extension Simulator {
    /// Most actions in one coverage sequence (so each replays as one `/v1/simulate`).
    public static let maxCoverageSequenceLength = 500

    /// Sequences covering every transition reachable from a fresh install within
    /// `bounds`. Unbounded in work: for in-process use and tests.
    public func coverage(bounds: ExplorationBounds = .standard, maxStates: Int = StateGraph.maxStates)
        throws(CoverageTooLarge) -> CoveragePlan
    {
        var meter = SearchMeter(.unlimited)
        do throws(CoverageFailure) {
            return try coverage(bounds: bounds, maxStates: maxStates, meter: &meter)
        } catch {
            switch error {
            case .tooLarge(let maxStates): throw CoverageTooLarge(maxStates: maxStates)
            // An unlimited meter never stops; should it, the caller still gets an answer.
            case .stopped: throw CoverageTooLarge(maxStates: maxStates)
            }
        }
    }

    /// Sequences covering every transition reachable from a fresh install within `bounds`,
    /// within `meter`: every action applied, to build the graph or along a sequence, is a
    /// step, and each walk to the nearest uncovered transition asks the budget first.
    ///
    /// Greedy, like a Chinese-postman walk without the optimum: from where a sequence
    /// stands, take an uncovered transition if the current snapshot accepts it, else go
    /// by the shortest path in the graph to the nearest state with one; when the real
    /// snapshot refuses a step (it only stands for its abstract state), or nothing is
    /// left to reach, start the next sequence along the search tree to the first
    /// uncovered transition.
    public func coverage(
        bounds: ExplorationBounds = .standard, maxStates: Int = StateGraph.maxStates,
        meter: inout SearchMeter
    ) throws(CoverageFailure) -> CoveragePlan {
        let graph = StateGraph(
            simulator: self, from: AppSnapshot(), bounds: bounds, maxStates: maxStates, meter: &meter)
        if let stop = meter.stopped { throw .stopped(stop) }
        if graph.truncated { throw .tooLarge(maxStates: maxStates) }
        var outgoing = Array(repeating: [StateGraph.Edge](), count: graph.nodes.count)
        var uncoveredAt = Array(repeating: 0, count: graph.nodes.count)
        var uncovered = Set<TransitionKey>()
        for e in graph.edges where uncovered.insert(TransitionKey(node: e.from, label: e.action.label)).inserted {
            outgoing[e.from].append(e)
            uncoveredAt[e.from] += 1
        }
        let total = uncovered.count
        var sequences: [[PlainAction]] = []
        var firstUncovered = 0  // edges before it are covered
        var walks = RouteSearch(outgoing)

        while !uncovered.isEmpty {
            while !uncovered.contains(
                TransitionKey(node: graph.edges[firstUncovered].from, label: graph.edges[firstUncovered].action.label))
            {
                firstUncovered += 1
            }
            let target = graph.edges[firstUncovered]
            var sequence: [PlainAction] = []
            var snapshot = AppSnapshot()
            var node = 0
            /// Applies a step; false (nothing changed) if refused, if it leaves the graph,
            /// or if the meter stopped.
            func step(_ plain: PlainAction) -> Bool {
                guard meter.step(), let out = try? apply(plain.action, to: snapshot),
                    let to = graph.node(of: AbstractState(out.state))
                else { return false }
                if uncovered.remove(TransitionKey(node: node, label: plain.label)) != nil { uncoveredAt[node] -= 1 }
                sequence.append(plain)
                snapshot = out.state
                node = to
                return true
            }
            // Along the tree: replays the representatives exactly, so no step is refused.
            for plain in graph.path(to: target.from) + [target.action] {
                guard step(plain) else {
                    assert(meter.stopped != nil, "the search tree did not replay")
                    break
                }
            }
            // Then onwards while the real snapshot goes along. (Some node has an uncovered
            // transition exactly while `uncovered` is not empty.)
            walk: while sequence.count < Self.maxCoverageSequenceLength, !uncovered.isEmpty, meter.stopped == nil {
                if uncoveredAt[node] > 0 {
                    // The node's uncovered actions, as this snapshot has them.
                    var moved = false
                    for e in outgoing[node] where uncovered.contains(TransitionKey(node: node, label: e.action.label)) {
                        if let plain = plainAction(labelled: e.action.label, in: snapshot), step(plain) {
                            moved = true
                            break
                        }
                    }
                    if moved { continue walk }
                }
                guard meter.check(),
                    let route = walks.route(from: node, to: { uncoveredAt[$0] > 0 && $0 != node })
                else { break }
                for label in route {
                    guard sequence.count < Self.maxCoverageSequenceLength,
                        let plain = plainAction(labelled: label, in: snapshot), step(plain)
                    else { break walk }
                }
            }
            if let stop = meter.stopped { throw .stopped(stop) }
            sequences.append(sequence)
        }
        return CoveragePlan(
            sequences: sequences, states: graph.nodes.count, transitions: total, covered: total - uncovered.count)
    }
}

/// Breadth-first walks over a coverage graph, on a copy of its edges reduced to node
/// numbers and with their bookkeeping kept from one walk to the next: a dictionary of
/// parents a walk, each entry with a copy of its label, over the edges themselves (each
/// visit a copy of an action), made coverage of an iPad's 2,000 states take seconds.
private struct RouteSearch {
    private let outgoing: [[StateGraph.Edge]]
    /// `outgoing` as the nodes each edge leads to.
    private let successors: [[Int]]
    /// For each node reached by the current walk: the node it was reached from and the
    /// index of that edge in `outgoing[parent]`.
    private var parent: [(node: Int, edge: Int)]
    /// The walk that last reached each node (a node not reached by this one is unvisited).
    private var reachedIn: [Int]
    private var walk = 0
    private var queue: [Int] = []

    init(_ outgoing: [[StateGraph.Edge]]) {
        self.outgoing = outgoing
        successors = outgoing.map { $0.map(\.to) }
        parent = Array(repeating: (0, 0), count: outgoing.count)
        reachedIn = Array(repeating: 0, count: outgoing.count)
    }

    /// The labels of a shortest path in the graph from `start` to a node satisfying `goal`
    /// (the first such node in breadth-first order, edges in `outgoing` order).
    mutating func route(from start: Int, to goal: (Int) -> Bool) -> [String]? {
        walk += 1
        reachedIn[start] = walk
        queue.removeAll(keepingCapacity: true)
        queue.append(start)
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            for (i, to) in successors[n].enumerated() where reachedIn[to] != walk {
                reachedIn[to] = walk
                parent[to] = (n, i)
                if goal(to) {
                    var labels: [String] = []
                    var m = to
                    while m != start {
                        let (p, edge) = parent[m]
                        labels.append(outgoing[p][edge].action.label)
                        m = p
                    }
                    return labels.reversed()
                }
                queue.append(to)
            }
        }
        return nil
    }
}
