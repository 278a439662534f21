import LifecycleModel

/// Where one logged callback is in its chunk, and what it is: 16 bytes, nothing to
/// retain or release (a log drops and copies entries without touching their bytes).
struct LogSlot: Sendable {
    /// Its JSON object in the chunk's bytes: from `{` to just past `}`. An empty range:
    /// the entry is kept in pieces of its own (`LogChunk.pieces`).
    var start: Int32
    var end: Int32
    /// Bytes it accounts for against `--max-log-bytes` (`CallbackLog.bytes`).
    var cost: Int32
    var method: CallbackMethod
    var receiver: Receiver
    var appState: AppState

    var isInPieces: Bool { start == end }
}

/// Consecutive logged callbacks: their JSON objects, comma-separated, in one buffer,
/// and where each one is. A callback that holds its action's shared payload (a large
/// notification payload, `SharedPayload`) is kept in pieces of its own instead, the
/// payload one piece shared with the other callbacks and the journal entry holding it,
/// so that a payload costs its size once.
///
/// Unchecked Sendable: `JSONWriter` copies share their storage, so a chunk's bytes are
/// written only by `CallbackLog.append`, after `makeUnique()`; every other copy (a
/// session copied for a rollback, a run an answer holds) only reads them.
struct LogChunk: @unchecked Sendable {
    /// The JSON objects: `{…},{…},…` (kept-in-pieces entries have no bytes here).
    var bytes: JSONWriter
    var entries: [LogSlot] = []
    /// The seq of `entries[0]`.
    var firstSeq: Int
    /// By seq, the pieces of the entries kept in pieces (`[own, shared, own, …]`).
    var pieces: [Int: [[UInt8]]] = [:]

    init(firstSeq: Int, byteCapacity: Int, entryCapacity: Int) {
        bytes = JSONWriter(capacity: byteCapacity)
        self.firstSeq = firstSeq
        entries.reserveCapacity(entryCapacity)
    }

    private init(bytes: JSONWriter, entries: [LogSlot], firstSeq: Int, pieces: [Int: [[UInt8]]]) {
        self.bytes = bytes
        self.entries = entries
        self.firstSeq = firstSeq
        self.pieces = pieces
    }

    /// The entries from `index` on, in a chunk of their own (bytes and entries copied,
    /// offsets moved): a log's only chunk drops what it no longer keeps this way now and
    /// then, and a batch's answers hold their steps' callbacks this way.
    func suffix(from index: Int, through last: Int? = nil, spare: Int = 0) -> LogChunk {
        let end = last.map { $0 + 1 } ?? entries.count
        let kept = entries[index..<end]
        let from = Int(kept.first(where: { !$0.isInPieces })?.start ?? 0)
        let to = Int(kept.last(where: { !$0.isInPieces })?.end ?? Int32(from))
        let all = bytes.written
        let moved = JSONWriter(
            continuing: UnsafeBufferPointer(rebasing: all[from..<to]), capacity: to - from + spare)
        let shift = Int32(from)
        let entries = kept.map { e in
            var e = e
            if !e.isInPieces {
                e.start -= shift
                e.end -= shift
            } else {
                e.start = 0
                e.end = 0
            }
            return e
        }
        let firstSeq = firstSeq + index
        let pieces = self.pieces.filter { $0.key >= firstSeq && $0.key < firstSeq + entries.count }
        return LogChunk(bytes: moved, entries: entries, firstSeq: firstSeq, pieces: pieces)
    }
}
