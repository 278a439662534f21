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

/// A (node, label) pair: what coverage counts.
struct TransitionKey: Hashable {
    var node: Int
    var label: String
}

extension Simulator {
    /// Most actions in one coverage sequence (so each replays as one `/v1/simulate`).
    public static let maxCoverageSequenceLength = 500

    /// Sequences covering every transition reachable from a fresh install within `bounds`.
    ///
    /// Greedy, like a Chinese-postman walk without the optimum: from where a sequence
    /// stands, take an uncovered transition if the current snapshot accepts it, else go
    /// by the shortest path in the graph to the nearest state with one; when the real
    /// snapshot refuses a step (it only stands for its abstract state), or nothing is
    /// left to reach, start the next sequence along the search tree to the first
    /// uncovered transition.
    public func coverage(bounds: ExplorationBounds = .standard, maxStates: Int = StateGraph.maxStates)
        throws(CoverageTooLarge) -> CoveragePlan
    {
        let graph = StateGraph(simulator: self, from: AppSnapshot(), bounds: bounds, maxStates: maxStates)
        if graph.truncated { throw CoverageTooLarge(maxStates: maxStates) }
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
            /// Applies a step; false (nothing changed) if refused or it leaves the graph.
            func step(_ plain: PlainAction) -> Bool {
                guard let out = try? apply(plain.action, to: snapshot),
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
                    assertionFailure("the search tree did not replay")
                    break
                }
            }
            // Then onwards while the real snapshot goes along.
            walk: while sequence.count < Self.maxCoverageSequenceLength, uncoveredAt.contains(where: { $0 > 0 }) {
                if uncoveredAt[node] > 0 {
                    // The node's uncovered actions, as this snapshot has them.
                    let here = plainActions(in: snapshot)
                    var moved = false
                    for e in outgoing[node] where uncovered.contains(TransitionKey(node: node, label: e.action.label)) {
                        if let plain = here.first(where: { $0.label == e.action.label }), step(plain) {
                            moved = true
                            break
                        }
                    }
                    if moved { continue walk }
                }
                guard
                    let route = Self.route(
                        in: graph, outgoing: outgoing, from: node, to: { uncoveredAt[$0] > 0 && $0 != node })
                else { break }
                for label in route {
                    guard sequence.count < Self.maxCoverageSequenceLength,
                        let plain = plainActions(in: snapshot).first(where: { $0.label == label }), step(plain)
                    else { break walk }
                }
            }
            sequences.append(sequence)
        }
        return CoveragePlan(
            sequences: sequences, states: graph.nodes.count, transitions: total, covered: total - uncovered.count)
    }

    /// The labels of a shortest path in the graph from `start` to a node satisfying `goal`.
    private static func route(
        in graph: StateGraph, outgoing: [[StateGraph.Edge]], from start: Int, to goal: (Int) -> Bool
    ) -> [String]? {
        var parent: [Int: (Int, String)] = [start: (start, "")]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            for e in outgoing[n] where parent[e.to] == nil {
                parent[e.to] = (n, e.action.label)
                if goal(e.to) {
                    var labels: [String] = []
                    var m = e.to
                    while m != start, let (p, label) = parent[m] {
                        labels.append(label)
                        m = p
                    }
                    return labels.reversed()
                }
                queue.append(e.to)
            }
        }
        return nil
    }
}
