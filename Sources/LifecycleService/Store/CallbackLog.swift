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
    /// Kept entries, oldest first: `chunks[0][start...]`, then every later chunk whole.
    /// In chunks so that a long log grows without copying what it holds: the first chunk
    /// grows by half (to the exact size at first: doubling left an idle launched
    /// session's log up to half empty) up to `chunkSize`, and each later one is made
    /// whole. A single growing array copied every entry again at each growth (2 % of an
    /// action's cost, 3 % of an observed one's, issue #20).
    private var chunks: [[LoggedCallback]] = []
    private var start = 0
    /// The seq of the newest callback (0 when none yet).
    private(set) var lastSeq = 0
    /// Bytes the kept entries account for (`LoggedCallback.cost`).
    private(set) var bytes = 0
    /// Callbacks kept.
    private(set) var kept = 0

    /// Entries a chunk after the first holds (32 KiB of entries).
    static let chunkSize = 1024

    init(capacity: Int, byteCapacity: Int = .max) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(0, byteCapacity)
    }

    /// Callbacks no longer kept (the oldest ones).
    var dropped: Int { lastSeq - kept }

    /// Numbers, encodes and keeps `callbacks`; returns them numbered, in order, where
    /// the log keeps them (no array of their own: one action's entries are always in one
    /// chunk). The slice shares the log's storage: a caller that keeps it past the log's
    /// next change makes it an `Array` (else that change copies the chunk). `sharing` is
    /// the action's payload: encoded once, shared by every callback whose arguments hold it.
    mutating func append(_ callbacks: [Callback], sharing: SharedPayload? = nil) -> ArraySlice<LoggedCallback> {
        guard !callbacks.isEmpty else { return [] }
        let firstSeq = lastSeq + 1
        let last = makeRoom(callbacks.count)
        // The chunk is taken out while it grows: appending through `chunks[last]` checked
        // both arrays' uniqueness for every entry.
        var chunk: [LoggedCallback] = []
        swap(&chunk, &chunks[last])
        let first = chunk.count
        var added = 0
        // Read through the buffer: `callbacks[i]` would copy each callback (retaining its Strings).
        callbacks.withUnsafeBufferPointer { model in
            guard let base = model.baseAddress else { return }
            for i in model.indices {
                let entry = LoggedCallback.logging(base + i, seq: firstSeq + i, sharing: sharing)
                added += entry.cost
                chunk.append(entry)
            }
        }
        // The shared piece is counted once, by the newest entry holding it: entries go
        // oldest first, so it stays counted while any entry holding it is kept.
        if let sharing, let newest = chunk[first...].lastIndex(where: \.holdsShared) {
            chunk[newest].cost += sharing.bytes.count
            added += sharing.bytes.count
        }
        swap(&chunk, &chunks[last])
        lastSeq += callbacks.count
        kept += callbacks.count
        bytes += added
        trim()
        if kept >= callbacks.count, let newest = chunks.indices.last {
            return chunks[newest][(chunks[newest].count - callbacks.count)...]
        }
        // The log keeps fewer than this action made: the answer still has them all, the
        // ones already dropped numbered and encoded again (the same bytes: same seq, same callback).
        let gone = callbacks.count - kept
        var all = (0..<gone).map { LoggedCallback(seq: firstSeq + $0, callback: callbacks[$0], sharing: sharing) }
        if let newest = chunks.indices.last { all += chunks[newest][(chunks[newest].count - kept)...] }
        return all[...]
    }

    /// The chunk `count` new entries go to, with room for them all: the last one, grown
    /// while it is the first, or a new one.
    private mutating func makeRoom(_ count: Int) -> Int {
        guard let last = chunks.indices.last else {
            chunks.append([])
            chunks[0].reserveCapacity(count)
            return 0
        }
        let needed = chunks[last].count + count
        if needed <= chunks[last].capacity { return last }
        if last == 0, needed <= Self.chunkSize {
            chunks[0].reserveCapacity(min(Self.chunkSize, max(needed, chunks[0].capacity + chunks[0].capacity / 2)))
            return 0
        }
        var chunk: [LoggedCallback] = []
        chunk.reserveCapacity(max(count, Self.chunkSize))
        chunks.append(chunk)
        return last + 1
    }

    /// Drops the oldest entries until both capacities hold.
    private mutating func trim() {
        while kept > capacity || (bytes > byteCapacity && kept > 0) {
            bytes -= chunks[0][start].cost
            chunks[0][start] = LoggedCallback.dropped
            start += 1
            kept -= 1
            if start == chunks[0].count, chunks.count > 1 {
                chunks.removeFirst()
                start = 0
            }
        }
        // A log shorter than a chunk trims its only chunk in place now and then.
        if chunks.count == 1, start >= 64, start * 2 >= chunks[0].count {
            chunks[0].removeFirst(start)
            start = 0
        }
    }

    /// Up to `limit` kept callbacks with seq > `after`, oldest first.
    func page(after: Int, limit: Int) -> ArraySlice<LoggedCallback> {
        guard after < lastSeq else { return [] }  // also keeps `after + 1` from overflowing
        let firstKept = dropped + 1
        let from = max(after + 1, firstKept)
        guard from <= lastSeq, limit > 0 else { return [] }
        var wanted = min(limit, lastSeq - from + 1)
        // Where `from` is: past the dropped part of the first chunk, then chunk by chunk.
        var offset = start + (from - firstKept)
        var chunk = 0
        while offset >= chunks[chunk].count {
            offset -= chunks[chunk].count
            chunk += 1
        }
        if offset + wanted <= chunks[chunk].count { return chunks[chunk][offset..<(offset + wanted)] }
        var page: [LoggedCallback] = []
        page.reserveCapacity(wanted)
        while wanted > 0 {
            let taken = min(wanted, chunks[chunk].count - offset)
            page += chunks[chunk][offset..<(offset + taken)]
            wanted -= taken
            offset = 0
            chunk += 1
        }
        return page[...]
    }
}
