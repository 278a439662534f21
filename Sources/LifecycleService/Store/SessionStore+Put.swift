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
    ///
    /// With `--data-dir`, `journalConfig` (the config as sent) starts the new session's
    /// journal before the session is visible: an action can never find it without one.
    func put(id: UUID, config: SessionConfig, journalConfig: JSONValue) throws(JournalError) -> PutOutcome {
        let now = clock()
        // Lock order shard → session, as everywhere else (nothing takes them the other way).
        return try shard(id).sessions.withLock { sessions throws(JournalError) -> PutOutcome in
            if let box = sessions.byId[SessionKey(id)] {
                if !isExpired(box, now: now) {
                    box.lastAccess.store(now, ordering: .relaxed)
                    return .existing(box, sameConfig: box.config == config)
                }
                _ = sessions.remove(id)
                count.wrappingSubtract(1, ordering: .relaxed)
                expiredCount.wrappingAdd(1, ordering: .relaxed)
                // Before the id is used again: an action racing the expiry sees the old
                // session as gone, and the old journal is unlinked before the new header.
                retire(box)
            }
            let added = count.wrappingAdd(1, ordering: .relaxed).newValue
            guard added <= limits.maxSessions else {
                count.wrappingSubtract(1, ordering: .relaxed)
                return .full
            }
            let ordinal = nextOrdinal.wrappingAdd(1, ordering: .relaxed).oldValue
            do throws(JournalError) {
                try journal?.create(id, ordinal: ordinal, config: journalConfig)
            } catch {
                count.wrappingSubtract(1, ordering: .relaxed)
                journal?.remove(id)  // a header half written
                throw error
            }
            let session = Session(
                id: id, config: config, maxLog: limits.maxLog,
                maxLogBytes: limits.maxLogBytes, memory: memory)
            memory.charge(Session.baseCost)
            let box = SessionBox(session: session, ordinal: ordinal, now: now)
            sessions.insert(box)
            return .created(box)
        }
    }
}
