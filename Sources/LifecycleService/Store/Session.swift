import Foundation
import LifecycleModel
import ServiceHTTP
import Synchronization

/// One simulated app: its model, its current state and its callback log.
struct Session: Sendable {
    let id: UUID
    /// The model, shared with every session of an equal config (`SharedSimulator`).
    private let shared: SharedSimulator
    /// Lent, not copied: a copy was a retain and a release a request.
    var simulator: Simulator { _read { yield shared.simulator } }
    private(set) var state = AppSnapshot()
    private(set) var log: CallbackLog
    /// The plain actions the last action took (a `moveTo`'s path; empty otherwise).
    private(set) var lastPath: [TakenStep] = []
    /// Set when the session is deleted, so an action that raced the delete fails.
    var isDeleted = false
    /// Where the log's (and the journal's) bytes are counted (nil for a `/v1/simulate` run).
    let memory: MemoryBudget?
    /// The accepted actions, for `GET …/journal` (ActionJournal.swift).
    private(set) var journal = ActionJournal()
    /// Changes so far (actions and batches applied): a search made on a copy of the state
    /// outside the lock commits only if this has not moved meanwhile (Service+MoveTo.swift).
    private(set) var version = 0

    /// Bytes a session holds besides its log (config, state, store entry), for the budget.
    static let baseCost = 4096

    init(id: UUID, config: SessionConfig, maxLog: Int, maxLogBytes: Int = .max, memory: MemoryBudget? = nil) {
        self.id = id
        self.shared = SharedSimulator.for(config)
        self.log = CallbackLog(capacity: maxLog, byteCapacity: maxLogBytes)
        self.memory = memory
    }

    /// How a change keeps a refusal from showing.
    private enum Rollback {
        /// `body` changes the state only when it succeeds (one model step:
        /// `Simulator.apply(_:updating:)` swaps its work in at the end), so it gets the
        /// state itself, with no draft to copy (docs/architecture.md).
        case bodyIsAtomic
        /// `body` may fail after changing its argument (a batch, step by step): it gets a
        /// copy-on-write draft, swapped in when it returns.
        case draft
    }

    /// The one place a change to the session's state is decided: `body` works on the
    /// state or a draft of it (`rollback`), and when it throws the state is as it was.
    /// The log and the journal change only after this returns, so a refusal changes
    /// nothing at all.
    private mutating func transact<Result, Failure: Error>(
        _ rollback: Rollback, _ body: (_ state: inout AppSnapshot) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        switch rollback {
        case .bodyIsAtomic:
            return try body(&state)
        case .draft:
            var draft = state
            let result = try body(&draft)
            swap(&state, &draft)
            return result
        }
    }

    /// Applies an action; on refusal nothing changes. Answers the logged callbacks where
    /// the log keeps them (`CallbackLog.append`: keep the run only until the session's
    /// next change, or keep `detached()`). A `moveTo` takes `path` when given, a path
    /// `Simulator.moveToPath` found from this very state, instead of searching.
    mutating func apply(_ action: Action, along path: [PlainAction]? = nil) throws(ActionRefusal) -> LogRun {
        let simulator = self.shared.simulator
        let (callbacks, steps) = try transact(.bodyIsAtomic) { (draft: inout AppSnapshot) throws(ActionRefusal) in
            if let path {
                try simulator.apply(moveToAlong: path, updating: &draft)
            } else {
                try simulator.apply(action, updating: &draft)
            }
        }
        version += 1
        lastPath = steps
        let before = log.bytes + journal.bytes
        let shared = SharedPayload(action)
        journal.record(action, sharing: shared)
        let numbered = log.append(callbacks, sharing: shared)
        memory?.charge(log.bytes + journal.bytes - before)
        return numbered
    }

    /// Bytes counted against the memory budget for this session (its journal included).
    var bytesHeld: Int { Self.baseCost + log.bytes + journal.bytes }

    var allowedActions: [ActionKind] { simulator.allowedActions(in: state) }

    /// What the session can do now, as a 409 says it.
    var allowance: Allowance { Allowance(simulator, state) }

    /// Applies `actions` in order, all or nothing: each runs on a draft of the state and
    /// the callbacks wait uncommitted; only when every step is accepted do the state and
    /// the log change. On a refusal nothing changes (not even the log's seq counter). The
    /// `moveTo` at step i takes `paths[i]` when given (`apply(_:along:)`).
    mutating func apply(
        batch actions: [Action], paths: [Int: [PlainAction]] = [:]
    ) throws(BatchRefusal) -> [(callbacks: LogRun, state: AppSnapshot)] {
        let simulator = shared.simulator
        let pending = try transact(.draft) { (draft: inout AppSnapshot) throws(BatchRefusal) in
            var pending: [(callbacks: [Callback], state: AppSnapshot)] = []
            pending.reserveCapacity(actions.count)
            for (i, action) in actions.enumerated() {
                do throws(ActionRefusal) {
                    let outcome = try simulator.apply(action, to: draft, along: paths[i])
                    draft = outcome.state
                    pending.append((outcome.callbacks, outcome.state))
                } catch {
                    throw BatchRefusal(
                        step: i, refusal: error, allowed: Allowance(simulator, draft),
                        choice: simulator.choice(of: action))
                }
            }
            return pending
        }
        version += 1
        let before = log.bytes + journal.bytes
        let results = zip(actions, pending).map { action, step in
            let shared = SharedPayload(action)
            journal.record(action, sharing: shared)
            return (log.append(step.callbacks, sharing: shared).detached(), step.state)
        }
        memory?.charge(log.bytes + journal.bytes - before)
        return results
    }
}

extension Simulator {
    /// `apply(_:to:)`, or for a `moveTo` with a path found from `state`, the move along it.
    func apply(_ action: Action, to state: AppSnapshot, along path: [PlainAction]?) throws(ActionRefusal)
        -> ActionOutcome
    {
        guard let path else { return try apply(action, to: state) }
        var moved = state
        let (callbacks, steps) = try apply(moveToAlong: path, updating: &moved)
        return ActionOutcome(callbacks: callbacks, state: moved, steps: steps)
    }
}

/// A batch step the model refused, with what the app could do at that point.
struct BatchRefusal: Error {
    var step: Int
    var refusal: ActionRefusal
    var allowed: Allowance
    /// The refused action's distinguishing member value (`by` `user`), if its kind has one.
    var choice: VariantChoice?
}

/// What a state allows, as a 409 and `GET /v1/sessions/{id}` say it: the action types, and
/// for the kinds of which only some values of a member are possible, those values.
struct Allowance {
    var actions: [ActionKind]
    var variants: [AllowedVariants]

    init(_ simulator: Simulator, _ state: AppSnapshot) {
        actions = simulator.allowedActions(in: state)
        variants = simulator.allowedVariants(in: state)
    }

    init(actions: [ActionKind], variants: [AllowedVariants]) {
        self.actions = actions
        self.variants = variants
    }

    /// `launch, terminate (by system), unlock`: the types, each partial one with its values.
    var description: String {
        actions.map { kind in
            guard let partial = variants.first(where: { $0.kind == kind }) else { return kind.rawValue }
            return "\(kind.rawValue) (\(partial.member) \(partial.values.joined(separator: " or ")))"
        }.joined(separator: ", ")
    }

    /// `{"terminate":{"by":["system"]}}`.
    var json: JSONValue {
        .object(
            variants.map {
                JSONMember(
                    $0.kind.rawValue, .object([JSONMember($0.member, .array($0.values.map(JSONValue.string)))]))
            })
    }
}

/// What the store hands out: the session behind its own lock.
///
/// One lock per session: two actions on one session never interleave, actions on
/// different sessions never wait for each other.
final class SessionBox: Sendable {
    let id: UUID
    /// Creation order, for stable pagination.
    let ordinal: Int
    let session: StoreLock<Session>
    /// Monotonic nanoseconds of the last request that touched the session (for the TTL).
    let lastAccess: Atomic<UInt64>
    /// The session's model (one reference to the shared config and profile, not a
    /// copy of the config per session).
    let simulator: Simulator
    /// The resolved config, which never changes: a PUT compares it without the
    /// session's lock (held across a simulation and, with `--fsync always`, an fsync).
    var config: SessionConfig { simulator.config }

    init(session: Session, ordinal: Int, now: UInt64) {
        self.id = session.id
        self.ordinal = ordinal
        self.simulator = session.simulator
        self.session = StoreLock(session)
        self.lastAccess = Atomic(now)
    }
}

/// A simulator (config and profile, several hundred bytes) held once for all the
/// sessions with an equal config, instead of once per session: most sessions share a
/// handful of configs. The newest configs are looked up linearly (a config is not
/// Hashable); a config not among them gets a simulator of its own, cached in turn.
final class SharedSimulator: Sendable {
    let simulator: Simulator

    private init(_ config: SessionConfig) {
        simulator = Simulator(config: config)
    }

    /// Configs looked up before a new simulator is made.
    static let cacheSize = 32
    private static let recent = StoreLock<[SharedSimulator]>([])

    static func `for`(_ config: SessionConfig) -> SharedSimulator {
        recent.withLock { cache in
            if let index = cache.firstIndex(where: { $0.simulator.config == config }) {
                let found = cache[index]
                if index > 0 {
                    cache.remove(at: index)
                    cache.insert(found, at: 0)
                }
                return found
            }
            let made = SharedSimulator(config)
            cache.insert(made, at: 0)
            if cache.count > cacheSize { cache.removeLast() }
            return made
        }
    }
}
