/// A state to reach: an app state and, optionally, a scene state some scene session
/// must be in.
public struct StateTarget: Sendable, Equatable {
    public var app: AppState
    public var scene: SceneState?

    public init(app: AppState, scene: SceneState? = nil) {
        self.app = app
        self.scene = scene
    }

    public func isReached(by s: AbstractState) -> Bool {
        s.app == app && (scene.map { s.scenes.contains($0) } ?? true)
    }
}

/// Why a target cannot be reached.
public struct UnreachableTarget: Error, Sendable, Equatable {
    /// Says why, and what to ask for instead.
    public var reason: String
    /// The app states that are reachable (within the bounds), in `AppState` order.
    public var reachableApp: [AppState]
}

/// Why a path search found no path.
public enum PathSearchFailure: Error, Sendable, Equatable {
    /// No sequence of plain actions reaches the target within the bounds.
    case unreachable(UnreachableTarget)
    /// The search's budget stopped it before it could tell (`SearchBudget`).
    case stopped(SearchStop)
}

extension Simulator {
    /// Most abstract states one path search (and so one `moveTo`) visits: a one-window
    /// app has a few hundred within the standard bounds; an iPad with several windows
    /// has thousands, and a target beyond this many is reported unreachable.
    public static let maxPathStates = 2000

    /// Most scene sessions a path search (and so `moveTo`) may start from. The search's
    /// bounds widen to hold its start, and every scene multiplies both the states and the
    /// plain actions of each (its own foreground, background, close and activate), and
    /// makes every step dearer: from 30 scenes an unreachable target took seconds of CPU,
    /// from 200 minutes (issue #35). Eight windows are more than an iPad shows at once.
    public static let maxSearchScenes = 8

    /// The shortest sequence of plain actions from `state` to `target` (empty when it
    /// is already there), searched within `bounds` widened to hold `state`. Unbounded in
    /// work: for in-process use and tests.
    public func shortestPath(
        from state: AppSnapshot, to target: StateTarget,
        bounds: ExplorationBounds = .standard,
        maxStates: Int = Simulator.maxPathStates
    ) throws(UnreachableTarget) -> [PlainAction] {
        var meter = SearchMeter(.unlimited)
        do throws(PathSearchFailure) {
            return try shortestPath(from: state, to: target, bounds: bounds, maxStates: maxStates, meter: &meter)
        } catch {
            switch error {
            case .unreachable(let why): throw why
            // An unlimited meter never stops; should it, the caller still gets an answer.
            case .stopped(let stop):
                throw UnreachableTarget(reason: "the search stopped (\(stop.bound))", reachableApp: [])
            }
        }
    }

    /// The same within `meter` (each action tried is a step, `StateGraph`).
    public func shortestPath(
        from state: AppSnapshot, to target: StateTarget,
        bounds: ExplorationBounds = .standard,
        maxStates: Int = Simulator.maxPathStates, meter: inout SearchMeter
    ) throws(PathSearchFailure) -> [PlainAction] {
        let start = AbstractState(state)
        if target.isReached(by: start) { return [] }
        if target.scene != nil, config.lifecycle == .app {
            throw .unreachable(
                UnreachableTarget(
                    reason:
                        "a sceneless app (lifecycle \"app\") has no scenes; leave out scene, or use lifecycle \"scene\"",
                    reachableApp: []))
        }
        guard start.scenes.count <= Self.maxSearchScenes else {
            throw .unreachable(
                UnreachableTarget(
                    reason:
                        "the search starts from at most \(Self.maxSearchScenes) scene sessions and this state has \(start.scenes.count); close some first (closeScene)",
                    reachableApp: []))
        }
        let graph = StateGraph(
            simulator: self, from: state, bounds: bounds.widened(toHold: start), maxStates: maxStates,
            meter: &meter, stop: target.isReached)
        if let stop = meter.stopped { throw .stopped(stop) }
        if let last = graph.nodes.indices.last, target.isReached(by: graph.nodes[last].state) {
            return graph.path(to: last)
        }
        let apps = Set(graph.nodes.map(\.state.app))
        let reachable = AppState.allCases.filter(apps.contains)
        let scenes = Set(graph.nodes.filter { $0.state.app == target.app }.flatMap(\.state.scenes))
        var why = "no sequence of plain actions reaches app \(target.app.rawValue)"
        if let scene = target.scene { why += " with a scene \(scene.rawValue)" }
        why += " from here for this config"
        if graph.truncated { why += " among the first \(maxStates) abstract states searched" }
        if target.scene != nil, apps.contains(target.app) {
            why +=
                "; with app \(target.app.rawValue) the scenes can be \(SceneState.allCases.filter(scenes.contains).map(\.rawValue).joined(separator: ", "))"
        } else {
            why += "; reachable app states: \(reachable.map(\.rawValue).joined(separator: ", "))"
        }
        throw .unreachable(UnreachableTarget(reason: why, reachableApp: reachable))
    }
}
