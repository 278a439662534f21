/// Why `moveTo` found no path to take.
public enum MoveToFailure: Error, Sendable, Equatable {
    /// The model refuses the `moveTo`: no path reaches its target (the 409 that
    /// `apply(.moveTo(…))` throws).
    case refused(ActionRefusal)
    /// The search's budget stopped it before it could tell (`SearchBudget`).
    case stopped(SearchStop)
}

extension Simulator {
    /// `moveTo`'s search alone: the plain actions `apply(.moveTo(app:scene:), …)` takes
    /// from `state`, found within `meter`. With `apply(moveToAlong:…)` a caller can search
    /// on a copy of a state and commit the move afterwards (the service does, so that no
    /// session's lock is held while it searches).
    public func moveToPath(
        app: AppState, scene: SceneState?, from state: AppSnapshot, meter: inout SearchMeter
    ) throws(MoveToFailure) -> [PlainAction] {
        do throws(PathSearchFailure) {
            return try shortestPath(from: state, to: StateTarget(app: app, scene: scene), meter: &meter)
        } catch {
            switch error {
            case .unreachable(let why):
                throw .refused(
                    ActionRefusal(action: .moveTo, state: state.app, needs: Needs.reachableTarget(why.reason)))
            case .stopped(let stop): throw .stopped(stop)
            }
        }
    }

    /// Applies a `moveTo` along `path`, which `moveToPath` found from this very `state`,
    /// without searching again: the same callbacks, state and steps as
    /// `apply(_:updating:)` with the `moveTo` itself. Throws, leaving
    /// `state` as it was, if a step does not replay (it does whenever `path` was found
    /// from `state`).
    public func apply(
        moveToAlong path: [PlainAction], updating state: inout AppSnapshot
    ) throws(ActionRefusal) -> (callbacks: [Callback], steps: [TakenStep]) {
        // As `apply(_:updating:)` does for a kind that may refuse after it acted: on a copy.
        var t = Transition(model: model, action: .moveTo, state: state)
        try MoveToAction.follow(path, in: &t)
        if t.observing { t.observeEndOfTurn() }
        assert(t.state.windowsFollowScenes, "moveTo left windows that do not follow the scenes")
        swap(&state, &t.state)
        return (t.callbacks, t.steps)
    }
}
