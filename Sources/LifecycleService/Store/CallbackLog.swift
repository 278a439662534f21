import LifecycleModel

/// A session's callback log: seq 1, 2, 3 … across all actions, keeping the newest
/// `capacity` callbacks (`--max-log`) whose encoded size is at most `byteCapacity`
/// (`--max-log-bytes`), and counting the ones dropped.
///
/// Callbacks are kept as their facts (`LogSlot`: 16 bytes, and what a chunk's
/// callbacks share), not as the JSON the API sends: an answer and a page of the log
/// write them from those (Wire/CallbackEncoding.swift), the same bytes. A large
/// payload is kept once per action, shared by the callbacks that hold it (`LogChunk`).
struct CallbackLog: Sendable {
    let capacity: Int
    let byteCapacity: Int
    /// Kept entries, oldest first: from `start` in the oldest chunk (`older.first`, or
    /// `current` when there is no older one), then every later chunk whole (`makeRoom`
    /// says how they are sized).
    private var older: [LogChunk] = []
    private var current: LogChunk
    private var start = 0
    /// The seq of the newest callback (0 when none yet).
    private(set) var lastSeq = 0
    /// Bytes the kept entries account for (`LogSlot.cost`): their JSON as the API sends it.
    private(set) var bytes = 0
    /// Callbacks kept.
    private(set) var kept = 0

    /// The most entries a chunk holds (but for an action with more callbacks).
    static let chunkSize = 1024
    /// What an entry costs besides its JSON: an entry and a comma. (The figure of the log
    /// that kept each callback's JSON with a 16-byte entry: `--max-log-bytes` keeps its meaning.)
    static let overhead = 17
    /// What a piece of an entry kept in pieces costs besides its bytes (an array's header
    /// and element).
    static let pieceOverhead = 48

    init(capacity: Int, byteCapacity: Int = .max) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(0, byteCapacity)
        current = LogChunk(firstSeq: 1, entryCapacity: 0)
    }

    /// Callbacks no longer kept (the oldest ones).
    var dropped: Int { lastSeq - kept }

    /// Numbers and keeps `callbacks`; returns them where the log keeps them (one action's
    /// entries are always in one chunk; see `LogRun` for how long to keep it). `sharing`
    /// is the action's payload: encoded once, shared by every callback whose arguments
    /// hold it.
    mutating func append(_ callbacks: [Callback], sharing: SharedPayload? = nil) -> LogRun {
        guard !callbacks.isEmpty else { return .empty }
        let firstSeq = lastSeq + 1
        makeRoom(callbacks.count)
        let first = current.entries.count
        let heads = CallbackHeads.shared
        // Where JSON arguments are encoded to be compared with the chunk's, made at the first.
        var scratch: JSONWriter?
        var added = 0
        var newestSharing: Int?
        // Read through the buffer: an element of the array itself is read as a copy
        // (retaining its names), a buffer's in place.
        callbacks.withUnsafeBufferPointer { model in
            for i in model.indices {
                let seq = firstSeq + i
                var entry: LogSlot
                if let sharing, case .json(let args) = model[i].arguments,
                    let pieces = LoggedCallback.pieces(of: model[i], seq: seq, args: args, sharing: sharing)
                {
                    entry = Self.inPieces(model[i], pieces, seq: seq, in: &current)
                    newestSharing = first + i
                } else if let own = current.entry(
                    of: model[i], seq: seq, heads: heads, overhead: Self.overhead, scratch: &scratch)
                {
                    entry = own
                } else {
                    entry = Self.inPieces(
                        model[i], [LoggedCallback(seq: seq, callback: model[i]).json], seq: seq, in: &current)
                }
                added += Int(entry.cost)
                current.entries.append(entry)
            }
        }
        // The shared piece is counted once, by the newest entry holding it: entries go
        // oldest first, so it stays counted while any entry holding it is kept.
        if let sharing, let newest = newestSharing {
            current.entries[newest].cost += Int32(clamping: sharing.bytes.count)
            added += sharing.bytes.count
        }
        lastSeq += callbacks.count
        kept += callbacks.count
        bytes += added
        // Made before the trim: the answer has every callback even when the log keeps fewer.
        let run = LogRun(chunk: current, range: first..<(first + callbacks.count))
        trim()
        return run
    }

    /// The entry of a callback kept in `pieces` (`[own, shared, own, …]`, or its whole
    /// JSON): what is its own counts against the byte capacity.
    private static func inPieces(_ c: Callback, _ pieces: [[UInt8]], seq: Int, in chunk: inout LogChunk) -> LogSlot {
        chunk.pieces[seq] = pieces
        // pieces = [own, shared, own, shared, …, own]: only the even ones are this entry's.
        let own = pieces.indices.reduce(0) { $0 + ($1 % 2 == 0 ? pieces[$1].count + pieceOverhead : 0) }
        return LogSlot(
            cost: Int32(clamping: own + overhead), arguments: .pieces, method: c.method, receiver: c.receiver,
            appState: c.appState, sceneState: nil, sceneId: 0, viewController: 0)
    }

    /// Makes room in `current` for `count` new entries: as it is, grown, or a new chunk.
    /// The first chunk holds exactly the launch's callbacks (an idle session's log), then
    /// grows in place, by half, up to `chunkSize` (or the log's capacity): a short log is
    /// one chunk, its names kept once. Past that, each new chunk is full-sized, so a long
    /// log grows without copying.
    private mutating func makeRoom(_ count: Int) {
        let entries = current.entries.count
        if entries + count <= current.entries.capacity { return }
        // Never more than the log keeps (`--max-log 1` keeps chunks of one action's callbacks).
        let full = min(Self.chunkSize, capacity)
        if older.isEmpty, start == 0, entries + count <= full {
            let grown = current.entries.capacity + current.entries.capacity / 2
            current.entries.reserveCapacity(min(full, max(entries + count, grown)))
            return
        }
        let size = max(count, min(full, current.entries.capacity * 2))
        let next = LogChunk(firstSeq: lastSeq + 1, entryCapacity: size)
        if older.isEmpty, start == entries {
            start = 0  // nothing kept in it: not an older chunk
        } else {
            older.append(current)
        }
        current = next
    }

    /// Drops the oldest entries until both capacities hold.
    private mutating func trim() {
        while isOver {
            if older.isEmpty {
                Self.dropOldest(of: &current, start: &start, kept: &kept, bytes: &bytes, until: limits)
            } else {
                Self.dropOldest(of: &older[0], start: &start, kept: &kept, bytes: &bytes, until: limits)
                if start == older[0].entries.count {
                    older.removeFirst()
                    start = 0
                }
            }
        }
        // A log shorter than a chunk drops what its only chunk no longer keeps now and then.
        if older.isEmpty, start >= 64, start * 2 >= current.entries.count {
            let room = current.entries.capacity - current.entries.count
            current = current.suffix(from: start)
            current.entries.reserveCapacity(current.entries.count + room)
            start = 0
        }
    }

    /// Bytes the log's chunks hold, kept or not, room included: what it costs in memory
    /// (`bytes` counts what it keeps as the JSON it answers).
    var heldBytes: Int {
        older.reduce(current.heldBytes) { $0 + $1.heldBytes }
    }

    private var limits: (capacity: Int, byteCapacity: Int) { (capacity, byteCapacity) }
    private var isOver: Bool { Self.isOver(kept: kept, bytes: bytes, limits) }

    private static func isOver(kept: Int, bytes: Int, _ limits: (capacity: Int, byteCapacity: Int)) -> Bool {
        kept > limits.capacity || (bytes > limits.byteCapacity && kept > 0)
    }

    /// Drops entries of `chunk` from `start` on, the oldest kept, while the log is over
    /// `limits`, up to the chunk's end; what they held besides themselves is freed.
    private static func dropOldest(
        of chunk: inout LogChunk, start: inout Int, kept: inout Int, bytes: inout Int,
        until limits: (capacity: Int, byteCapacity: Int)
    ) {
        while start < chunk.entries.count, isOver(kept: kept, bytes: bytes, limits) {
            bytes -= Int(chunk.entries[start].cost)
            chunk.release(start)
            start += 1
            kept -= 1
        }
    }

    /// Up to `limit` kept callbacks with seq > `after`, oldest first.
    func page(after: Int, limit: Int) -> LogPage {
        guard after < lastSeq else { return LogPage(runs: []) }  // also keeps `after + 1` from overflowing
        let firstKept = dropped + 1
        let from = max(after + 1, firstKept)
        guard from <= lastSeq, limit > 0 else { return LogPage(runs: []) }
        var wanted = min(limit, lastSeq - from + 1)
        // Where `from` is: past the dropped part of the oldest chunk, then chunk by chunk.
        var offset = start + (from - firstKept)
        var index = 0
        func chunk(_ i: Int) -> LogChunk { i < older.count ? older[i] : current }
        while offset >= chunk(index).entries.count {
            offset -= chunk(index).entries.count
            index += 1
        }
        var runs: [LogRun] = []
        while wanted > 0 {
            let taken = min(wanted, chunk(index).entries.count - offset)
            runs.append(LogRun(chunk: chunk(index), range: offset..<(offset + taken)))
            wanted -= taken
            offset = 0
            index += 1
        }
        return LogPage(runs: runs)
    }
}
