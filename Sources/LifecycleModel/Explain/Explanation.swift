/// What an explanation search found: the shortest action sequence whose watched
/// callbacks are the log, or where no sequence goes on, or how far it got before a
/// bound stopped it.
public struct Explanation: Sendable {
    /// An action sequence reproduces the whole log.
    public var explained: Bool
    /// The explanation; when not explained, the actions of the longest explained
    /// prefix (their watched callbacks are the log's first `explainedEntries` entries,
    /// then, if the last action goes on, one that is not the log's next).
    public var actions: [Action]
    /// Each action's outcome, applied in turn from the start (after `assumed.from`).
    public var outcomes: [ActionOutcome]
    /// Where no sequence goes on: only when the search tried every sequence within
    /// its bounds (nil when explained, and when a bound stopped it: `stopped` then).
    public var divergence: Divergence?
    /// The bound or budget that stopped the search before it had tried everything;
    /// nil when it found the answer or tried every sequence within the bounds.
    public var stopped: ExplainStop?
    /// (State, log position) pairs the search held.
    public var nodesVisited: Int
    /// Leading log entries the answer's actions reproduce (all of them when explained).
    public var explainedEntries: Int
    /// Other explanations with as many actions (as the answer, and as an assumed
    /// prefix), each different in its action types: the story the log cannot tell
    /// apart from the answer's (an alert, or the home screen).
    public var alternatives: [[Action]]
    /// What the answer assumed that the request did not say: actions before the log
    /// begins, a nearby config. Nil when it assumed nothing.
    public var assumed: ExplainAssumption?
    /// Configs near the request's under which more of the log reads (when none
    /// explains it all: then it is `assumed`).
    public var hints: [ExplainHint]
    /// Action applications the search attempted (its `SearchMeter` count).
    public var steps: Int

    public init(
        explained: Bool, actions: [Action], outcomes: [ActionOutcome], divergence: Divergence?,
        stopped: ExplainStop?, nodesVisited: Int, explainedEntries: Int, alternatives: [[Action]] = [],
        assumed: ExplainAssumption? = nil, hints: [ExplainHint] = [], steps: Int = 0
    ) {
        self.explained = explained
        self.actions = actions
        self.outcomes = outcomes
        self.divergence = divergence
        self.stopped = stopped
        self.nodesVisited = nodesVisited
        self.explainedEntries = explainedEntries
        self.alternatives = alternatives
        self.assumed = assumed
        self.hints = hints
        self.steps = steps
    }
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

/// What an answer holds under that the request did not say.
public struct ExplainAssumption: Sendable, Equatable {
    /// Actions assumed to have happened (after the request's `from`) before the log
    /// begins: the log starts in a running app.
    public var from: [Action]
    /// The config the answer holds under, when it is not the request's.
    public var config: SessionConfig?
    /// How that config differs from the request's, member by member.
    public var configChanges: [ConfigChange]
    /// The assumptions in a sentence.
    public var detail: String
}

/// A config member set to a value, as the request's JSON writes it
/// (`lifecycle: "app"`, `observers: ["notifications"]`).
public struct ConfigChange: Sendable, Equatable {
    public var member: String
    public var value: JSONValue

    public init(_ member: String, _ value: JSONValue) {
        self.member = member
        self.value = value
    }
}

/// A config near the request's under which more of the log reads.
public struct ExplainHint: Sendable, Equatable {
    /// The members to change.
    public var configChanges: [ConfigChange]
    /// Leading entries explained under it.
    public var explainedEntries: Int
    /// Why it may fit, and how far it gets.
    public var detail: String
}

/// A limit the explanation search stops at.
public enum ExplainStop: Sendable, Equatable {
    /// Sequences longer than this many actions were not tried.
    case maxActions(Int)
    /// The search held this many (state, log position) pairs.
    case nodeBudget(Int)
    /// Sequences through states beyond these bounds were not tried.
    case stateBounds(ExplorationBounds)
    /// Runs of more than this many actions the log does not see, between two entries
    /// (or before the first), were not tried.
    case silentActions(Int)
    /// The search budget ran out (`steps`), its deadline passed or its client left.
    case budget(SearchStop)

    /// The bound's name on the wire: `maxActions`, `nodeBudget`, `stateBounds`, or the
    /// search budget's (`steps`, `deadline`, `cancelled`).
    public var bound: String {
        switch self {
        case .maxActions: "maxActions"
        case .nodeBudget: "nodeBudget"
        case .stateBounds: "stateBounds"
        case .silentActions: "silentActions"
        case .budget(let stop): stop.bound
        }
    }

    /// What stopped the search and what to send instead.
    public var message: String {
        switch self {
        case .maxActions(let n):
            "sequences of more than \(n) actions were not tried (maxActions \(n)); a longer one may explain the log: send a larger maxActions, or none"
        case .nodeBudget(let n):
            "the search held its budget of \(n) (state, log position) pairs; explain a shorter log, or a part of it with `from`"
        case .stateBounds(let b):
            "sequences through more than \(b.scenes) scenes, \(b.tasks) background tasks or \(b.depth) view controllers above the roots were not tried"
        case .silentActions(let n):
            "runs of more than \(n) actions that make nothing the log shows, between two of its entries, were not tried; a longer run may explain the log: log more of the callbacks around the entry"
        case .budget(.steps(let n)):
            "the search attempted its budget of \(n) actions; explain a shorter log, or a part of it with `from`"
        case .budget(.deadline(let ms)):
            "the search reached its deadline of \(ms) ms; explain a shorter log, or a part of it with `from`"
        case .budget(.cancelled):
            "the search stopped: the client went away"
        }
    }
}

/// The bounds of one explanation search.
public struct ExplainLimits: Sendable, Equatable {
    /// The longest action sequence tried; nil: no limit but the log's.
    public var maxActions: Int?
    /// Most (state, log position) pairs held.
    public var nodeBudget: Int
    /// The states searched: widened to hold the start, and deeper (up to
    /// `ExplorationBounds.maximum`) for a log that names several view controllers.
    public var bounds: ExplorationBounds

    /// `maxActions` when a request names none: no limit (a real 1,000-line session
    /// takes 500 to 670 actions; issue #34).
    public static let defaultMaxActions: Int? = nil
    /// The largest `maxActions` a request may name: more than a log of the most
    /// entries a request may send needs.
    public static let maxActionsCap = 50_000
    /// Actions the log does not see tried in a row between two entries (an alert
    /// that comes and goes unlogged is two; issue #34: "a bounded closure").
    public var maxSilentActions: Int

    /// `maxSilentActions` by default: in effect no limit but the state bounds (the
    /// unseen actions of one closure stay within them, a few dozen at most), so that a
    /// divergence is one; a caller may set fewer to bound the work, and is told when it
    /// was in the way.
    public static let defaultMaxSilentActions = 64
    /// The node budget: far above what a 10,000-entry log holds (a few per entry;
    /// bench `explain`), to bound memory, not time (the step budget bounds time).
    public static let defaultNodeBudget = 500_000
    /// The steps (action applications) one explanation may attempt when the caller
    /// sets none: a 10,000-entry log of real cycles takes a few thousand, a diverging
    /// multi-window log some tens of thousands (bench `explain`).
    public static let defaultStepBudget = 2_000_000

    public init(
        maxActions: Int? = ExplainLimits.defaultMaxActions, nodeBudget: Int = ExplainLimits.defaultNodeBudget,
        bounds: ExplorationBounds = .standard, maxSilentActions: Int = ExplainLimits.defaultMaxSilentActions
    ) {
        self.maxActions = maxActions
        self.nodeBudget = nodeBudget
        self.bounds = bounds
        self.maxSilentActions = maxSilentActions
    }
}
