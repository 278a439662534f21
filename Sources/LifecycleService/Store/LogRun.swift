import LifecycleModel

/// Callbacks the log keeps, consecutive, where it keeps them: an action's, or a page's
/// part in one chunk. Written into an answer as one copy of the log's bytes; read one
/// by one (`LoggedCallback`) by the text formats and the diff.
///
/// A run holds its chunk (a copy of the value, sharing its storage): while it lives,
/// the log's next append to that chunk copies it. Keep a run only until the session
/// changes again, or keep `detached()`.
struct LogRun: Sendable, RandomAccessCollection {
    let chunk: LogChunk
    /// The run's entries in `chunk.entries`.
    let range: Range<Int>

    static let empty = LogRun(chunk: LogChunk(firstSeq: 1, byteCapacity: 0, entryCapacity: 0), range: 0..<0)

    var startIndex: Int { 0 }
    var endIndex: Int { range.count }

    /// Callback `i` of the run, read out.
    subscript(i: Int) -> LoggedCallback {
        let e = chunk.entries[range.lowerBound + i]
        let seq = self.seq(i)
        return LoggedCallback(
            seq: seq, method: e.method, receiver: e.receiver, appState: e.appState, json: json(of: e, seq: seq))
    }

    /// The seq of callback `i`.
    func seq(_ i: Int) -> Int { chunk.firstSeq + range.lowerBound + i }

    /// The newest seq in the run (nil when empty).
    var lastSeq: Int? { isEmpty ? nil : seq(count - 1) }

    /// The encoded size of callback `i`.
    func byteCount(_ i: Int) -> Int {
        let e = chunk.entries[range.lowerBound + i]
        guard e.isInPieces else { return Int(e.end - e.start) }
        return chunk.pieces[seq(i)]?.reduce(0) { $0 + $1.count } ?? 0
    }

    /// The first `n` callbacks.
    func prefix(_ n: Int) -> LogRun {
        LogRun(chunk: chunk, range: range.lowerBound..<(range.lowerBound + Swift.min(n, count)))
    }

    /// The run in a chunk of its own, so it can be kept while the log changes (a batch's
    /// steps, answered after every step is logged).
    func detached() -> LogRun {
        guard !isEmpty else { return .empty }
        let own = chunk.suffix(from: range.lowerBound, through: range.upperBound - 1)
        return LogRun(chunk: own, range: 0..<own.entries.count)
    }

    private func json(of e: LogSlot, seq: Int) -> [UInt8] {
        guard e.isInPieces else {
            return Array(UnsafeBufferPointer(rebasing: chunk.bytes.written[Int(e.start)..<Int(e.end)]))
        }
        return Array((chunk.pieces[seq] ?? []).joined())
    }
}

/// A page of the log: one run per chunk it spans, oldest first.
struct LogPage: Sendable {
    var runs: [LogRun]

    var count: Int { runs.reduce(0) { $0 + $1.count } }
    var isEmpty: Bool { runs.allSatisfy(\.isEmpty) }
    /// The newest seq on the page (nil when empty).
    var lastSeq: Int? { runs.last(where: { !$0.isEmpty })?.lastSeq }
    /// Every callback, read out.
    var callbacks: [LoggedCallback] { runs.flatMap { Array($0) } }

    /// The first callbacks whose encoded objects, with a comma each, fit in `budget`
    /// bytes; at least one.
    func prefix(fitting budget: Int) -> LogPage {
        var size = 0
        var kept: [LogRun] = []
        for run in runs {
            for i in run.indices {
                size += run.byteCount(i) + 1
                if size > budget, !(kept.isEmpty && i == 0) {
                    if i > 0 { kept.append(run.prefix(i)) }
                    return LogPage(runs: kept)
                }
            }
            kept.append(run)
        }
        return LogPage(runs: kept)
    }
}

extension JSONWriter {
    /// A run of logged callbacks as array elements: one copy of the log's bytes, unless
    /// it holds callbacks kept in pieces.
    mutating func write(callbacks run: LogRun) {
        guard let first = run.range.first, let last = run.range.last else { return }
        let entries = run.chunk.entries
        if run.chunk.pieces.isEmpty {
            let bytes = run.chunk.bytes.written
            elements(UnsafeBufferPointer(rebasing: bytes[Int(entries[first].start)..<Int(entries[last].end)]))
            return
        }
        for i in run.indices {
            let e = entries[run.range.lowerBound + i]
            if e.isInPieces {
                encoded(pieces: run.chunk.pieces[run.seq(i)] ?? [])
            } else {
                elements(UnsafeBufferPointer(rebasing: run.chunk.bytes.written[Int(e.start)..<Int(e.end)]))
            }
        }
    }

    /// A page's callbacks as array elements.
    mutating func write(callbacks page: LogPage) {
        for run in page.runs { write(callbacks: run) }
    }
}
