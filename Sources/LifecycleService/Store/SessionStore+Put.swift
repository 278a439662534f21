import Foundation
import LifecycleModel

/// What `PUT /v1/sessions/{id}` found or did.
enum PutOutcome {
    /// A new session with the client's id.
    case created(SessionBox)
    /// A live session with that id already exists; `sameConfig` says whether its
    /// resolved config equals the one asked for.
    case existing(SessionBox, sameConfig: Bool)
    /// `maxSessions` are already held.
    case full
}

extension SessionStore {
    /// Creates the session `id` unless it already exists: the check and the insert
    /// happen under the shard's lock, so two racing PUTs of one id make one session.
    ///
    /// An expired session with that id is forgotten first (and counted as expired).
    func put(id: UUID, config: SessionConfig) -> PutOutcome {
        let now = clock()
        // Lock order shard → session, as everywhere else (nothing takes them the other way).
        let (outcome, expiredBox) = shard(id).sessions.withLock { sessions -> (PutOutcome, SessionBox?) in
            var expired: SessionBox?
            if let box = sessions.byId[id] {
                if !isExpired(box, now: now) {
                    box.lastAccess.store(now, ordering: .relaxed)
                    let same = box.session.withLock { $0.simulator.config == config }
                    return (.existing(box, sameConfig: same), nil)
                }
                _ = sessions.remove(id)
                count.wrappingSubtract(1, ordering: .relaxed)
                expiredCount.wrappingAdd(1, ordering: .relaxed)
                expired = box
            }
            let added = count.wrappingAdd(1, ordering: .relaxed).newValue
            guard added <= limits.maxSessions else {
                count.wrappingSubtract(1, ordering: .relaxed)
                return (.full, expired)
            }
            let session = Session(id: id, config: config, maxLog: limits.maxLog,
                                  maxLogBytes: limits.maxLogBytes, memory: memory)
            memory.charge(Session.baseCost)
            let ordinal = nextOrdinal.wrappingAdd(1, ordering: .relaxed).oldValue
            let box = SessionBox(session: session, ordinal: ordinal, now: now)
            sessions.insert(box)
            return (.created(box), expired)
        }
        // An action racing the expiry must see the old session as gone.
        if let expiredBox {
            let held = expiredBox.session.withLock { session in
                session.isDeleted = true
                return session.bytesHeld
            }
            memory.release(held)
            journal?.remove(id)
        }
        return outcome
    }
}
