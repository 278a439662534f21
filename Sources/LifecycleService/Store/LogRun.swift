import LifecycleModel

/// Callbacks the log keeps, consecutive, where it keeps them: an action's, or a page's
/// part in one chunk. Written into an answer from their entries
/// (`JSONWriter.write(callbacks:)`); read one by one (`LoggedCallback`) by the text
/// formats and the diff.
///
/// A run holds its chunk (a copy of the value, sharing its storage): while it lives,
/// the log's next append to that chunk copies it. Keep a run only until the session
/// changes again, or keep `detached()`.
struct LogRun: Sendable, RandomAccessCollection {
    let chunk: LogChunk
    /// The run's entries in `chunk.entries`.
    let range: Range<Int>

    static let empty = LogRun(chunk: LogChunk(firstSeq: 1, entryCapacity: 0), range: 0..<0)

    var startIndex: Int { 0 }
    var endIndex: Int { range.count }

    /// Callback `i` of the run, read out.
    subscript(i: Int) -> LoggedCallback {
        let e = chunk.entries[range.lowerBound + i]
        var w = JSONWriter(capacity: 160)
        w.write(callbacks: LogRun(chunk: chunk, range: (range.lowerBound + i)..<(range.lowerBound + i + 1)))
        return LoggedCallback(seq: seq(i), method: e.method, receiver: e.receiver, appState: e.appState, json: w.bytes)
    }

    /// The seq of callback `i`.
    func seq(_ i: Int) -> Int { chunk.firstSeq + range.lowerBound + i }

    /// The newest seq in the run (nil when empty).
    var lastSeq: Int? { isEmpty ? nil : seq(count - 1) }

    /// The encoded size of callback `i`.
    func byteCount(_ i: Int) -> Int {
        byteCount(of: chunk.entries[range.lowerBound + i], seq: seq(i))
    }

    /// The encoded size of every callback of the run, summed.
    var byteCount: Int {
        var total = 0
        for i in range { total += byteCount(of: chunk.entries[i], seq: chunk.firstSeq + i) }
        return total
    }

    private func byteCount(of e: LogSlot, seq: Int) -> Int {
        guard case .pieces = e.arguments else { return Int(e.cost) - CallbackLog.overhead }
        return chunk.pieces[seq]?.reduce(0) { $0 + $1.count } ?? 0
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
    /// bytes; at least one. Most pages fit whole: a run that fits is summed, not walked.
    func prefix(fitting budget: Int) -> LogPage {
        var size = 0
        for (r, run) in runs.enumerated() {
            let whole = size + run.byteCount + run.count
            if whole <= budget {
                size = whole
                continue
            }
            for i in run.indices {
                size += run.byteCount(i) + 1
                if size > budget, r > 0 || i > 0 {
                    return LogPage(runs: Array(runs[..<r]) + (i > 0 ? [run.prefix(i)] : []))
                }
            }
        }
        return self
    }
}

extension JSONWriter {
    /// A page's callbacks as array elements.
    mutating func write(callbacks page: LogPage) {
        for run in page.runs { write(callbacks: run) }
    }
}
