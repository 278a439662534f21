/// A state to reach: app state `app` and, with `scene`, some scene session in that state.
public struct StateTarget: Codable, Hashable, Sendable {
    public var app: AppState
    public var scene: SceneState?

    public init(app: AppState, scene: SceneState? = nil) {
        self.app = app
        self.scene = scene
    }
}

/// `POST /v1/paths`: the shortest plain-action path to a state and each step's result.
public struct PathsResult: Decodable, Hashable, Sendable {
    /// The plain actions, in order (empty when the start is already there).
    public var actions: [Action]
    public var steps: [ActionResult]
    public var config: SessionConfig
    public var state: State
}

/// Limits of an exploration; an absent member takes the server's default.
public struct ExplorationBounds: Codable, Hashable, Sendable {
    /// Scene sessions at once (1–3, default 2).
    public var scenes: Int?
    /// Background tasks running at once (0–2, default 1).
    public var tasks: Int?
    /// View controllers above the windows' roots (0–3, default 2).
    public var depth: Int?

    public init(scenes: Int? = nil, tasks: Int? = nil, depth: Int? = nil) {
        self.scenes = scenes
        self.tasks = tasks
        self.depth = depth
    }
}

/// `POST /v1/coverage`: action sequences that together take every reachable transition.
public struct CoverageResult: Decodable, Hashable, Sendable {
    /// Abstract states reachable within the bounds.
    public var states: Int
    /// Pairs of a reachable abstract state and a plain action the model accepts there.
    public var transitions: Int
    /// Of those, how many the sequences take.
    public var covered: Int
    /// Actions in all sequences together.
    public var actions: Int
    /// Each sequence starts from a fresh install; replay one with `simulate`.
    public var sequences: [[Action]]
    /// The bounds used.
    public var bounds: ExplorationBounds
    public var config: SessionConfig
}

/// `POST /v1/diff`: the same actions on two configs, the callbacks aligned per step.
public struct DiffResult: Decodable, Hashable, Sendable {
    public var steps: [DiffStep]
    public var summary: DiffSummary
    /// The two resolved configs.
    public var configs: [SessionConfig]
}

/// One action of a diff: both outcomes and the aligned callbacks.
public struct DiffStep: Decodable, Hashable, Sendable {
    public var action: Action
    /// Per config: the app state after the step and, if that config refused it, what it needed.
    public var outcomes: [DiffOutcome]
    public var alignment: [DiffRow]
}

/// One config's outcome of a diff step.
public struct DiffOutcome: Decodable, Hashable, Sendable {
    public var appState: AppState
    /// What the action needed, when this config refused it.
    public var refused: String?
}

/// One aligned callback: `op` is `same` (both), `first` or `second` (only that one).
public struct DiffRow: Decodable, Hashable, Sendable {
    public var op: String
    public var first: Callback?
    public var second: Callback?
}

/// Aligned rows of every step, by kind.
public struct DiffSummary: Decodable, Hashable, Sendable {
    public var same: Int
    public var firstOnly: Int
    public var secondOnly: Int
}
