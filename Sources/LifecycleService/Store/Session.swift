import Foundation
import Synchronization
import LifecycleModel

/// One simulated app: its model, its current state and its callback log.
struct Session: Sendable {
    let id: UUID
    let simulator: Simulator
    private(set) var state = AppSnapshot()
    private(set) var log: CallbackLog
    /// The plain actions the last action took (a `moveTo`'s path; empty otherwise).
    private(set) var lastPath: [TakenStep] = []
    /// Set when the session is deleted, so an action that raced the delete fails.
    var isDeleted = false

    init(id: UUID, config: SessionConfig, maxLog: Int) {
        self.id = id
        self.simulator = Simulator(config: config)
        self.log = CallbackLog(capacity: maxLog)
    }

    /// Applies an action; on refusal nothing changes.
    mutating func apply(_ action: Action) throws(ActionRefusal) -> [LoggedCallback] {
        let outcome = try simulator.apply(action, to: state)
        state = outcome.state
        lastPath = outcome.steps
        return log.append(outcome.callbacks)
    }

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

    init(session: Session, ordinal: Int, now: UInt64) {
        self.id = session.id
        self.ordinal = ordinal
        self.session = Mutex(session)
        self.lastAccess = Atomic(now)
    }
}
