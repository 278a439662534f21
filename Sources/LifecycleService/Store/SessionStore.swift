import Foundation
import LifecycleModel
import ServiceHTTP
import Synchronization

/// All sessions, in memory, sharded so that no lock is global.
///
/// A shard's lock is held only to find, add or remove a box; the simulation runs
/// under the session's own lock (`SessionBox.session`).
final class SessionStore: Sendable {
    static let shardCount = 64

    let limits: ServiceLimits
    /// Where sessions' bytes are counted.
    let memory: MemoryBudget
    /// The sessions' journals with `--data-dir`.
    let journal: SessionJournal?
    // Not private: SessionStore+Put.swift uses them.
    let shards: [Shard]
    let count = Atomic<Int>(0)
    let nextOrdinal = Atomic<Int>(1)
    /// Sessions removed because they had expired (for /metrics).
    let expiredCount = Atomic<Int>(0)
    /// Above this many freed bytes, a sweep returns free heap memory to the system.
    static let trimThreshold = 16 << 20
    let clock: @Sendable () -> UInt64
    /// `limits.sessionTTL` in nanoseconds, worked out once (it was per request).
    private let ttlNanos: UInt64

    init(
        limits: ServiceLimits, memory: MemoryBudget, journal: SessionJournal? = nil,
        clock: @escaping @Sendable () -> UInt64
    ) {
        self.limits = limits
        self.memory = memory
        self.journal = journal
        self.clock = clock
        self.ttlNanos =
            limits.sessionTTL >= Double(UInt64.max / 1_000_000_000) ? .max : UInt64(limits.sessionTTL * 1e9)
        self.shards = (0..<Self.shardCount).map { _ in Shard() }
    }

    /// One slice of the id space behind its own lock.
    final class Shard: Sendable {
        let sessions = StoreLock<ShardSessions>(ShardSessions())
    }

    func shard(_ id: UUID) -> Shard {
        // UUID v4 bytes are random, so any byte spreads sessions evenly.
        shards[Int(id.uuid.15) % Self.shardCount]
    }

    var sessionCount: Int { count.load(ordering: .relaxed) }

    /// Bytes released (sessions gone, responses sent) not yet handed back by a trim.
    var bytesFreedSinceTrim: Int { memory.bytesReleased }

    /// Adds a session, or returns nil when `maxSessions` are already held.
    func create(config: SessionConfig) -> SessionBox? {
        let added = count.wrappingAdd(1, ordering: .relaxed).newValue
        guard added <= limits.maxSessions else {
            count.wrappingSubtract(1, ordering: .relaxed)
            return nil
        }
        let session = Session(
            id: UUID(), config: config, maxLog: limits.maxLog,
            maxLogBytes: limits.maxLogBytes, memory: memory)
        memory.charge(Session.baseCost)
        let ordinal = nextOrdinal.wrappingAdd(1, ordering: .relaxed).oldValue
        let box = SessionBox(session: session, ordinal: ordinal, now: clock())
        shard(session.id).sessions.withLock { $0.insert(box) }
        return box
    }

    /// The live session with this id, its idle clock reset; nil if unknown or expired.
    func find(_ id: UUID) -> SessionBox? {
        let key = SessionKey(id)
        guard let box = shard(id).sessions.withLock({ $0.byId[key] }) else { return nil }
        let now = clock()
        if isExpired(box, now: now) {
            if remove(id) { expiredCount.wrappingAdd(1, ordering: .relaxed) }
            return nil
        }
        box.lastAccess.store(now, ordering: .relaxed)
        return box
    }

    /// Forgets a session; false if it was not there.
    @discardableResult
    func remove(_ id: UUID) -> Bool {
        let removed = shard(id).sessions.withLock { sessions -> Bool in
            guard let box = sessions.remove(id) else { return false }
            retire(box)
            return true
        }
        guard removed else { return false }
        count.wrappingSubtract(1, ordering: .relaxed)
        return true
    }

    /// Ends a session just taken out of its shard: call with the shard's lock held, so
    /// that the id cannot be used again (a PUT writes its journal header) before the old
    /// journal is unlinked, and an action still running on the old session finishes
    /// (its lock) before the unlink and sees it deleted afterwards.
    func retire(_ box: SessionBox) {
        let held = box.session.withLock { session in
            session.isDeleted = true
            return session.bytesHeld
        }
        memory.release(held)
        journal?.remove(box.id)
    }

    /// Live sessions created after the one with ordinal `after`, oldest first.
    func list(after: Int, limit: Int) -> (boxes: [SessionBox], more: Bool) {
        let now = clock()
        // Each shard keeps its sessions in creation order: take at most `limit + 1`
        // live ones after `after` from each, then the lowest `limit + 1` of those. No
        // pass over every session, no sort of them all.
        let keep = limit + 1
        var found: [SessionBox] = []
        for shard in shards {
            shard.sessions.withLock { sessions in
                var taken = 0
                var i = sessions.order.partitioningIndex { $0.ordinal > after }
                while i < sessions.order.count, taken < keep {
                    let box = sessions.order[i]
                    if !isExpired(box, now: now) {
                        found.append(box)
                        taken += 1
                    }
                    i += 1
                }
            }
        }
        found.sort { $0.ordinal < $1.ordinal }
        return (Array(found.prefix(limit)), found.count > limit)
    }

    /// Removes every session idle for longer than the TTL.
    func sweep() {
        let now = clock()
        for shard in shards {
            let expired = shard.sessions.withLock { $0.order.filter { isExpired($0, now: now) }.map { $0.id } }
            for id in expired where remove(id) { expiredCount.wrappingAdd(1, ordering: .relaxed) }
        }
        trimIfMuchWasFreed()
    }

    /// glibc keeps freed memory in its arenas; after much was released (sessions
    /// deleted or expired, large responses sent), hand it back so the process shrinks.
    func trimIfMuchWasFreed() {
        guard memory.bytesReleased >= Self.trimThreshold else { return }
        _ = memory.takeReleased()
        #if os(Linux)
            _ = glibcMallocTrim(0)
        #endif
    }

    func isExpired(_ box: SessionBox, now: UInt64) -> Bool {
        let last = box.lastAccess.load(ordering: .relaxed)
        return now > last && now - last > ttlNanos
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false then
    /// true along the array (binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if predicate(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

#if os(Linux)
    /// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
    @_silgen_name("malloc_trim")
    private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

extension SessionStore {
    /// Removes every session (the fuzzer's service stays small).
    func sweepAll() {
        for shard in shards {
            for box in shard.sessions.withLock({ Array($0.byId.values) }) { remove(box.id) }
        }
    }
}

extension SessionStore {
    /// Puts back a session replayed from its journal, with its id and creation ordinal.
    func restore(_ session: Session, ordinal: Int) {
        count.wrappingAdd(1, ordering: .relaxed)
        memory.charge(Session.baseCost)
        // Later sessions are numbered after every restored one.
        while true {
            let next = nextOrdinal.load(ordering: .relaxed)
            if next > ordinal
                || nextOrdinal.compareExchange(expected: next, desired: ordinal + 1, ordering: .relaxed).exchanged
            {
                break
            }
        }
        let box = SessionBox(session: session, ordinal: ordinal, now: clock())
        shard(session.id).sessions.withLock { $0.insert(box) }
    }
}

/// One shard's sessions: by id, and in creation order (for listing).
struct ShardSessions: ~Copyable {
    var byId: [SessionKey: SessionBox] = [:]
    /// Sorted by `ordinal`. Creates arrive almost in order, so inserting is an append.
    var order: [SessionBox] = []

    mutating func insert(_ box: SessionBox) {
        byId[SessionKey(box.id)] = box
        if let last = order.last, last.ordinal > box.ordinal {
            order.insert(box, at: order.partitioningIndex { $0.ordinal > box.ordinal })
        } else {
            order.append(box)
        }
    }

    mutating func remove(_ id: UUID) -> SessionBox? {
        guard let box = byId.removeValue(forKey: SessionKey(id)) else { return nil }
        let at = order.partitioningIndex { $0.ordinal >= box.ordinal }
        if at < order.count, order[at] === box { order.remove(at: at) }
        return box
    }
}
