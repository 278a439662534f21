import Foundation
import Synchronization
import LifecycleModel
import ServiceHTTP

/// One simulated app: its model, its current state and its callback log.
struct Session: Sendable {
    let id: UUID
    let simulator: Simulator
    private(set) var state = AppSnapshot()
    private(set) var log: CallbackLog
    /// Set when the session is deleted, so an action that raced the delete fails.
    var isDeleted = false
    /// Where the log's bytes are counted (nil for a `/v1/simulate` run).
    let memory: MemoryBudget?

    /// Bytes a session holds besides its log (config, state, store entry), for the budget.
    static let baseCost = 4096

    init(id: UUID, config: SessionConfig, maxLog: Int, maxLogBytes: Int = .max, memory: MemoryBudget? = nil) {
        self.id = id
        self.simulator = Simulator(config: config)
        self.log = CallbackLog(capacity: maxLog, byteCapacity: maxLogBytes)
        self.memory = memory
    }

    /// Applies an action; on refusal nothing changes.
    mutating func apply(_ action: Action) throws(ActionRefusal) -> [LoggedCallback] {
        let outcome = try simulator.apply(action, to: state)
        state = outcome.state
        let before = log.bytes
        let numbered = log.append(outcome.callbacks, sharing: SharedPayload(action))
        memory?.charge(log.bytes - before)
        return numbered
    }

    /// Bytes counted against the memory budget for this session.
    var bytesHeld: Int { Self.baseCost + log.bytes }

    var allowedActions: [ActionKind] { simulator.allowedActions(in: state) }
}

/// What the store hands out: the session behind its own lock.
///
/// One lock per session: two actions on one session never interleave, actions on
/// different sessions never wait for each other.
final class SessionBox: Sendable {
    let id: UUID
    /// Creation order, for stable pagination.
    let ordinal: Int
    let session: Mutex<Session>
    /// Monotonic nanoseconds of the last request that touched the session (for the TTL).
    let lastAccess: Atomic<UInt64>
    /// The resolved config, which never changes: a PUT compares it without the
    /// session's lock (held across a simulation and, with `--fsync always`, an fsync).
    let config: SessionConfig

    init(session: Session, ordinal: Int, now: UInt64) {
        self.id = session.id
        self.ordinal = ordinal
        self.config = session.simulator.config
        self.session = Mutex(session)
        self.lastAccess = Atomic(now)
    }
}
