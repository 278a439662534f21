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

extension Simulator {
    /// Most abstract states one path search (and so one `moveTo`) visits: a one-window
    /// app has a few hundred within the standard bounds; an iPad with several windows
    /// has thousands, and a target beyond this many is reported unreachable.
    public static let maxPathStates = 2000

    /// The shortest sequence of plain actions from `state` to `target` (empty when it
    /// is already there), searched within `bounds` widened to hold `state`.
    public func shortestPath(
        from state: AppSnapshot, to target: StateTarget,
        bounds: ExplorationBounds = .standard,
        maxStates: Int = Simulator.maxPathStates
    ) throws(UnreachableTarget) -> [PlainAction] {
        let start = AbstractState(state)
        if target.isReached(by: start) { return [] }
        if target.scene != nil, config.lifecycle == .app {
            throw UnreachableTarget(
                reason:
                    "a sceneless app (lifecycle \"app\") has no scenes; leave out scene, or use lifecycle \"scene\"",
                reachableApp: [])
        }
        let graph = StateGraph(
            simulator: self, from: state, bounds: bounds.widened(toHold: start), maxStates: maxStates,
            stop: target.isReached)
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
        throw UnreachableTarget(reason: why, reachableApp: reachable)
    }
}
