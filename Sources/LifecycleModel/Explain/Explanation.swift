/// What `Simulator.explain` found: the shortest action sequence whose watched
/// callbacks are the log, or where no sequence within the bounds goes on.
public struct Explanation: Sendable {
    /// An action sequence reproduces the whole log.
    public var explained: Bool
    /// The explanation; when not explained, the actions of the longest explained
    /// prefix (their watched callbacks are the log's first `divergence.index` entries,
    /// then, if the last action goes on, one that is not the log's next).
    public var actions: [Action]
    /// Each action's outcome, applied in turn from the start snapshot.
    public var outcomes: [ActionOutcome]
    /// Where no sequence goes on; nil when explained.
    public var divergence: Divergence?
    /// The bound or budget that stopped the search before it had tried everything;
    /// nil when it found the answer or tried every sequence within the bounds.
    public var stopped: ExplainStop?
    /// (Abstract state, log position) pairs the search visited.
    public var nodesVisited: Int
}

/// The first log entry no action sequence reproduces.
public struct Divergence: Sendable, Equatable {
    /// How many leading entries some action sequence reproduces (counted per
    /// callback, not per action): the entry at this index is the one that diverges.
    public var index: Int
    /// The entry at `index`; nil when the log ends there, while every sequence that
    /// reproduces it goes on with more watched callbacks in the same action.
    public var observed: LogEntry?
    /// The watched callbacks the model could make next instead, from the states of
    /// the longest explained prefixes, each with the action that makes it.
    public var expected: [ExpectedCallback]
}

/// A watched callback the model makes at the divergence, and the action making it.
public struct ExpectedCallback: Sendable, Equatable {
    public var callback: CallbackKey
    /// The plain action's label (`launch`, `push name=detail`, `terminate by=user`).
    public var action: String
}

/// A limit the explanation search stops at.
public enum ExplainStop: Sendable, Equatable {
    /// Sequences longer than this many actions were not tried.
    case maxActions(Int)
    /// The search visited this many (abstract state, log position) pairs.
    case nodeBudget(Int)
    /// Sequences through states beyond these bounds were not tried.
    case stateBounds(ExplorationBounds)

    /// The bound's name on the wire: `maxActions`, `nodeBudget`, `stateBounds`.
    public var bound: String {
        switch self {
        case .maxActions: "maxActions"
        case .nodeBudget: "nodeBudget"
        case .stateBounds: "stateBounds"
        }
    }

    /// What stopped the search and what to send instead.
    public var message: String {
        switch self {
        case .maxActions(let n):
            "sequences of more than \(n) actions were not tried (maxActions \(n)); a longer one may explain the log: send a larger maxActions (at most \(ExplainLimits.maxActionsCap))"
        case .nodeBudget(let n):
            "the search visited its budget of \(n) (state, log position) pairs; explain a shorter log, or a part of it with `from`"
        case .stateBounds(let b):
            "sequences through more than \(b.scenes) scenes, \(b.tasks) background tasks or \(b.depth) view controllers above the roots were not tried"
        }
    }
}

/// The bounds of one explanation search.
public struct ExplainLimits: Sendable, Equatable {
    /// The longest action sequence tried.
    public var maxActions: Int
    /// Most (abstract state, log position) pairs visited.
    public var nodeBudget: Int
    /// The states searched: widened to hold the start, and deeper (up to
    /// `ExplorationBounds.maximum`) for a log that names several view controllers.
    public var bounds: ExplorationBounds

    /// `maxActions` when a request names none.
    public static let defaultMaxActions = 12
    /// The largest `maxActions` a request may ask for: about a thousand-entry log of
    /// a view-controller app (bench `explain`).
    public static let maxActionsCap = 256
    /// The node budget: about a second of search on one core at most (an explained
    /// 1,000-entry log visits about 2,600; bench `explain`).
    public static let defaultNodeBudget = 10_000

    public init(
        maxActions: Int = ExplainLimits.defaultMaxActions, nodeBudget: Int = ExplainLimits.defaultNodeBudget,
        bounds: ExplorationBounds = .standard
    ) {
        self.maxActions = maxActions
        self.nodeBudget = nodeBudget
        self.bounds = bounds
    }
}
