import LifecycleModel

/// A session's callback log: seq 1, 2, 3 … across all actions, keeping the newest
/// `capacity` callbacks (`--max-log`) whose encoded size is at most `byteCapacity`
/// (`--max-log-bytes`), and counting the ones dropped.
///
/// Callbacks are kept already encoded as JSON (`LoggedCallback`): a payload costs its
/// encoded size, once, rather than a tree of values per callback.
struct CallbackLog: Sendable {
    let capacity: Int
    let byteCapacity: Int
    /// Kept entries are `entries[start...]`, oldest first.
    private var entries: [LoggedCallback] = []
    private var start = 0
    /// The seq of the newest callback (0 when none yet).
    private(set) var lastSeq = 0
    /// Bytes the kept entries account for (`LoggedCallback.cost`).
    private(set) var bytes = 0

    init(capacity: Int, byteCapacity: Int = .max) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(0, byteCapacity)
    }

    /// Callbacks kept.
    var kept: Int { entries.count - start }

    /// Callbacks no longer kept (the oldest ones).
    var dropped: Int { lastSeq - kept }

    /// Numbers, encodes and keeps `callbacks`; returns them numbered, in order, where
    /// the log keeps them (no array of their own). The slice shares the log's storage:
    /// a caller that keeps it past the log's next change makes it an `Array` (else that
    /// change copies the log). `sharing` is the action's payload: encoded once, shared
    /// by every callback whose arguments hold it.
    mutating func append(_ callbacks: [Callback], sharing: SharedPayload? = nil) -> ArraySlice<LoggedCallback> {
        let firstSeq = lastSeq + 1
        // Grown by half, and to the exact size at first: doubling left an idle launched
        // session's log up to half empty.
        let needed = entries.count + callbacks.count
        if entries.capacity < needed { entries.reserveCapacity(max(needed, entries.capacity + entries.capacity / 2)) }
        let first = entries.count
        // Read through the buffer: `callbacks[i]` would copy each callback (retaining its Strings).
        callbacks.withUnsafeBufferPointer { model in
            guard let base = model.baseAddress else { return }
            for i in model.indices {
                entries.append(LoggedCallback.logging(base + i, seq: firstSeq + i, sharing: sharing))
            }
        }
        lastSeq += callbacks.count
        // The shared piece is counted once, by the newest entry holding it: entries go
        // oldest first, so it stays counted while any entry holding it is kept.
        if let sharing, let newest = entries[first...].lastIndex(where: \.holdsShared) {
            entries[newest].cost += sharing.bytes.count
        }
        for i in first..<entries.count { bytes += entries[i].cost }
        trim()
        if kept >= callbacks.count { return entries[(entries.count - callbacks.count)...] }
        // The log keeps fewer than this action made: the answer still has them all, the
        // ones already dropped numbered and encoded again (the same bytes: same seq, same callback).
        let gone = callbacks.count - kept
        var all = (0..<gone).map { LoggedCallback(seq: firstSeq + $0, callback: callbacks[$0], sharing: sharing) }
        all += entries[start...]
        return all[...]
    }

    /// Drops the oldest entries until both capacities hold.
    private mutating func trim() {
        while kept > capacity || (bytes > byteCapacity && kept > 0) {
            bytes -= entries[start].cost
            entries[start] = LoggedCallback.dropped
            start += 1
        }
        if start >= 64, start * 2 >= entries.count {
            entries.removeFirst(start)
            start = 0
        }
    }

    /// Up to `limit` kept callbacks with seq > `after`, oldest first.
    func page(after: Int, limit: Int) -> ArraySlice<LoggedCallback> {
        guard after < lastSeq else { return [] }  // also keeps `after + 1` from overflowing
        let firstKept = dropped + 1
        let from = max(after + 1, firstKept)
        guard from <= lastSeq, limit > 0 else { return [] }
        let count = min(limit, lastSeq - from + 1)
        let first = start + (from - firstKept)
        return entries[first..<(first + count)]
    }
}
