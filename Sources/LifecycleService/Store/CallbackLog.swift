import LifecycleModel

/// A session's callback log: seq 1, 2, 3 … across all actions, keeping the newest
/// `capacity` callbacks (`--max-log`) whose encoded size is at most `byteCapacity`
/// (`--max-log-bytes`), and counting the ones dropped.
///
/// Callbacks are kept as the JSON objects the API sends, written once when they are
/// logged: an action's answer and a page of the log are copies of those bytes, where
/// each callback used to be assembled again from a compact entry for every answer
/// (issue #20: an observed action has about 18 callbacks). A large payload is kept once
/// per action, shared by the callbacks that hold it (`LogChunk`).
struct CallbackLog: Sendable {
    let capacity: Int
    let byteCapacity: Int
    /// Kept entries, oldest first: from `start` in the oldest chunk (`older.first`, or
    /// `current` when there is no older one), then every later chunk whole (`makeRoom`
    /// says how they are sized). The chunk being written is a stored property of its own:
    /// written through an array, every write checked the array's uniqueness.
    private var older: [LogChunk] = []
    private var current: LogChunk
    private var start = 0
    /// The seq of the newest callback (0 when none yet).
    private(set) var lastSeq = 0
    /// Bytes the kept entries account for (`LogSlot.cost`).
    private(set) var bytes = 0
    /// Callbacks kept.
    private(set) var kept = 0

    /// The most entries of a chunk whose spare bytes are freed once it is full.
    static let shrunkChunk = 64
    /// Spare bytes a chunk grown by long callbacks may keep (beyond a sixteenth of them).
    static let spareBytes = 64 << 10
    /// The most bytes a new chunk reserves (but for its first action's callbacks): a
    /// dropped callback's bytes are freed only when its whole chunk goes, so a chunk of
    /// long callbacks must not hold many times the log's byte budget (`--max-log-bytes`).
    static let chunkBytes = 256 << 10
    /// The most entries a chunk holds (but for an action with more callbacks).
    static let chunkSize = 1024
    /// Bytes reserved a callback to come: about an observer item's or a plain delegate
    /// call's (a longer one grows the chunk).
    static let bytesPerCallback = 112
    /// What an entry costs besides its JSON: the entry and a comma.
    static let overhead = MemoryLayout<LogSlot>.stride + 1
    /// What a piece of an entry kept in pieces costs besides its bytes (an array's header
    /// and element).
    static let pieceOverhead = 48

    /// The most bytes a chunk holds before its entries' offsets (32 bits) would not
    /// hold them; a parameter only so that a test can reach it.
    private let offsetLimit: Int

    init(capacity: Int, byteCapacity: Int = .max, offsetLimit: Int = Int(Int32.max)) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(0, byteCapacity)
        self.offsetLimit = min(offsetLimit, Int(Int32.max))
        current = LogChunk(firstSeq: 1, byteCapacity: 0, entryCapacity: 0)
    }

    /// Callbacks no longer kept (the oldest ones).
    var dropped: Int { lastSeq - kept }

    /// Numbers, encodes and keeps `callbacks`; returns them where the log keeps them (one
    /// action's entries are always in one chunk; see `LogRun` for how long to keep it).
    /// `sharing` is the action's payload: encoded once, shared by every callback whose
    /// arguments hold it.
    mutating func append(_ callbacks: [Callback], sharing: SharedPayload? = nil) -> LogRun {
        guard !callbacks.isEmpty else { return .empty }
        let firstSeq = lastSeq + 1
        makeRoom(callbacks.count)
        current.bytes.makeUnique()
        let reserved = current.bytes.capacity
        let first = current.entries.count
        var added = 0
        var newestSharing: Int?
        var previous = JSONWriter.SeqDigits()
        // The entries are made on the stack and appended at once: appending one at a time
        // checked the array's uniqueness and capacity for each.
        withUnsafeTemporaryAllocation(of: LogSlot.self, capacity: callbacks.count) { slots in
            // Read through the buffer: `callbacks[i]` would copy each callback (retaining its Strings).
            callbacks.withUnsafeBufferPointer { model in
                guard let base = model.baseAddress else { return }
                for i in model.indices {
                    let c = base + i
                    let seq = firstSeq + i
                    var entry = LogSlot(
                        start: 0, end: 0, cost: 0, method: c.pointee.method, receiver: .appDelegate,
                        appState: c.pointee.appState)
                    if let sharing, case .json(let args) = c.pointee.arguments,
                        let pieces = Self.pieces(c.pointee, seq: seq, args: args, sharing: sharing)
                    {
                        entry.receiver = c.pointee.receiver
                        // pieces = [own, shared, own, shared, …, own]: only the even ones are this entry's.
                        let own = pieces.indices.reduce(0) {
                            $0 + ($1 % 2 == 0 ? pieces[$1].count + Self.pieceOverhead : 0)
                        }
                        current.pieces[seq] = pieces
                        entry.cost = Int32(clamping: own + Self.overhead)
                        newestSharing = first + i
                    } else {
                        let before = current.bytes.count
                        let separated = current.bytes.needsSeparator
                        let opening = before + (separated ? 1 : 0)
                        entry.receiver = current.bytes.writeLogged(
                            c, seq: seq, heads: CallbackHeads.shared, tails: ArgumentTails.shared,
                            previous: &previous)
                        if current.bytes.count <= offsetLimit {
                            entry.start = Int32(opening)
                            entry.end = Int32(current.bytes.count)
                            entry.cost = Int32(clamping: current.bytes.count - opening + Self.overhead)
                        } else {
                            // Past what an entry's offsets hold (arguments of gigabytes, with
                            // --max-body raised): kept in a piece of its own.
                            let own = Array(current.bytes.written[opening...])
                            current.bytes.truncate(to: before, needsSeparator: separated)
                            previous = JSONWriter.SeqDigits()
                            current.pieces[seq] = [own]
                            entry.cost = Int32(clamping: own.count + Self.pieceOverhead + Self.overhead)
                        }
                    }
                    added += Int(entry.cost)
                    slots.initializeElement(at: i, to: entry)
                }
            }
            current.entries.append(contentsOf: UnsafeBufferPointer(slots))
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
        // Room past the callbacks is freed when it is more than a little: in a small chunk
        // whose entries are (nearly) all used, which is not written again (`makeRoom`; an
        // idle session's launch, above all), and where callbacks longer than their
        // estimate (long arguments) grew the chunk by doubling.
        let spare = current.bytes.capacity - current.bytes.count
        if spare > current.bytes.count / 16,
            (current.bytes.capacity > reserved && spare > Self.spareBytes)
                || (current.entries.count <= Self.shrunkChunk
                    && current.entries.count * 8 >= current.entries.capacity * 7)
        {
            current.bytes.shrinkToFit()
        }
        // Made before the trim: the answer has every callback even when the log keeps fewer.
        let run = LogRun(chunk: current, range: first..<(first + callbacks.count))
        trim()
        return run
    }

    /// The pieces of a callback whose arguments hold the action's shared payload
    /// (`[own, shared, own, …]`, the general path's bytes); nil when they do not.
    private static func pieces(_ c: Callback, seq: Int, args: JSONValue, sharing: SharedPayload) -> [[UInt8]]? {
        var pieces: [[UInt8]] = []
        var w = JSONWriter(capacity: 160)
        w.openGeneral(seq: seq, receiver: c.receiver, method: c.method, appState: c.appState)
        if let id = c.sceneId { w.member("sceneId", id) }
        if let state = c.sceneState { w.member("sceneState", state.rawValue) }
        if let name = c.viewController { w.member("viewController", name) }
        w.key("args")
        w.value(args, sharing: sharing, parts: &pieces, depth: 0)
        guard !pieces.isEmpty else { return nil }
        w.endObject()
        pieces.append(w.bytes)
        return pieces
    }

    /// Makes room in `current` for `count` new entries: as it is, or a new chunk. No
    /// chunk grows by copying what it holds (but for an action whose callbacks pass the
    /// bytes reserved for them): each new one holds twice the entries of the one before,
    /// up to `chunkSize` (or the log's capacity), so an idle session's log is exactly its launch's callbacks and
    /// a long log grows without copying.
    private mutating func makeRoom(_ count: Int) {
        let entries = current.entries.count
        // Bytes a callback: the chunk's own average so far (scene callbacks are longer), else an estimate.
        let perCallback = entries > 0 ? current.bytes.count / entries + 16 : Self.bytesPerCallback
        if entries + count <= current.entries.capacity,
            current.bytes.count + count * perCallback <= current.bytes.capacity
        {
            return
        }
        // Never more than the log keeps (`--max-log 1` keeps chunks of one action's callbacks).
        let size = max(count, min(Self.chunkSize, capacity, current.entries.capacity * 2))
        // Bytes for its entries, but for long callbacks no more than this action's and
        // `chunkBytes` (a chunk of a thousand callbacks of kilobytes each would reserve
        // megabytes, and hold them until its last callback is dropped).
        let next = LogChunk(
            firstSeq: lastSeq + 1, byteCapacity: min(size * perCallback, max(count * perCallback, Self.chunkBytes)),
            entryCapacity: size)
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
            let spare = min(current.bytes.capacity - current.bytes.count, Self.spareBytes)
            let room = current.entries.capacity - current.entries.count
            current = current.suffix(from: start, spare: spare)
            current.entries.reserveCapacity(current.entries.count + room)
            start = 0
        }
    }

    /// Bytes the log's chunks hold, kept or not, room included: what it costs in memory
    /// (`bytes` counts what it keeps).
    var heldBytes: Int {
        (older + [current]).reduce(0) {
            $0 + $1.bytes.capacity + $1.entries.capacity * MemoryLayout<LogSlot>.stride
        }
    }

    private var limits: (capacity: Int, byteCapacity: Int) { (capacity, byteCapacity) }
    private var isOver: Bool { kept > capacity || (bytes > byteCapacity && kept > 0) }

    /// Drops entries of `chunk` from `start` on, the oldest kept, while the log is over
    /// `limits` (their pieces, if any, are freed), up to the chunk's end.
    private static func dropOldest(
        of chunk: inout LogChunk, start: inout Int, kept: inout Int, bytes: inout Int,
        until limits: (capacity: Int, byteCapacity: Int)
    ) {
        let hasPieces = !chunk.pieces.isEmpty
        let end = chunk.entries.count
        var freed: [Int] = []
        chunk.entries.withUnsafeBufferPointer { entries in
            while start < end, kept > limits.capacity || (bytes > limits.byteCapacity && kept > 0) {
                let entry = entries[start]
                bytes -= Int(entry.cost)
                if hasPieces, entry.isInPieces { freed.append(chunk.firstSeq + start) }
                start += 1
                kept -= 1
            }
        }
        for seq in freed { chunk.pieces[seq] = nil }
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
