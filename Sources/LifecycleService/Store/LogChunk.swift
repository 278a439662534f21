import LifecycleModel

/// One logged callback as the log keeps it: its facts, not its JSON (20 bytes). The
/// scene and view-controller names it carries are numbers into its chunk's table,
/// which keeps each name once, and so are its JSON arguments; an answer writes the
/// callback from these (Wire/CallbackEncoding.swift), the bytes of the general path.
struct LogSlot: Sendable {
    /// Bytes it accounts for against `--max-log-bytes` (`CallbackLog.bytes`): the size
    /// of its JSON object and `CallbackLog.overhead`.
    var cost: Int32
    var arguments: LoggedArguments
    var method: CallbackMethod
    var receiver: Receiver
    var appState: AppState
    /// The scene's state, for a receiver that reports one.
    var sceneState: SceneState?
    /// The scene's id: a number of the chunk's `table`, from 1; 0 when the receiver names none.
    var sceneId: UInt16
    /// The view controller's (or SwiftUI view's) name, likewise.
    var viewController: UInt16
    /// Its head in `CallbackHeads` (`CallbackHeads.head(method:receiver:appState:)`),
    /// found once when it is logged; `CallbackHeads.none` when it has none.
    var head: UInt16 = CallbackHeads.none
}

/// A logged callback's arguments.
enum LoggedArguments: Sendable, Equatable {
    case none
    /// An observer item's typed argument.
    case observer(ObserverArgument)
    /// `,"args":…`, encoded once in the chunk and shared by the callbacks that have the
    /// same (a trait change's `{"userInterfaceStyle":"dark"}`): `LogChunk.table`.
    case shared(UInt16)
    /// `,"args":…` of a size worth freeing as soon as the callback is dropped:
    /// `LogChunk.own`.
    case own(UInt32)
    /// The whole callback is kept in pieces (`LogChunk.pieces`): its arguments hold its
    /// action's shared payload.
    case pieces
}

/// Bytes kept once for the callbacks of a chunk that use them (names and arguments, in
/// one table), and where each run is: a callback holds a run's number (from 1).
struct LogTable: Sendable {
    /// A run: where it is in `bytes`, and the name it encodes (to find one again without
    /// encoding it); nil for arguments, found by their bytes.
    struct Run: Sendable {
        var name: String?
        var start: UInt32
        var end: UInt32
    }

    private(set) var runs: [Run] = []
    private(set) var bytes: [UInt8] = []

    /// How far back a search goes: a callback usually carries the names and arguments
    /// of the last few (its scene, its window's controllers).
    static let searched = 16

    /// The number of the run for `name` among the last few, or nil.
    func number(ofName name: String) -> UInt16? {
        var i = runs.count
        let lowest = max(0, i - Self.searched)
        while i > lowest {
            i -= 1
            if runs[i].name == name { return UInt16(i + 1) }
        }
        return nil
    }

    /// The number of the run of `encoded` among the last few, or nil.
    func number(ofBytes encoded: UnsafeBufferPointer<UInt8>) -> UInt16? {
        var i = runs.count
        let lowest = max(0, i - Self.searched)
        while i > lowest {
            i -= 1
            let span = span(UInt16(i + 1))
            if span.count == encoded.count, bytes[span].elementsEqual(encoded) { return UInt16(i + 1) }
        }
        return nil
    }

    /// Adds a run (encoding `name`, for a name); returns its number, nil when a number
    /// (or an offset) would not fit.
    mutating func add(_ encoded: some Collection<UInt8>, name: String? = nil) -> UInt16? {
        guard runs.count < Int(UInt16.max), bytes.count + encoded.count <= Int(UInt32.max) else { return nil }
        // Grown by a quarter, not doubled: a launch's few names and arguments are most
        // tables' all, and a doubled array's room would be most of what they hold.
        if runs.count == runs.capacity { runs.reserveCapacity(runs.count + max(2, runs.count / 4)) }
        if bytes.count + encoded.count > bytes.capacity {
            bytes.reserveCapacity(max(bytes.count + encoded.count, bytes.count + bytes.count / 4))
        }
        runs.append(Run(name: name, start: UInt32(bytes.count), end: UInt32(bytes.count + encoded.count)))
        bytes += encoded
        return UInt16(runs.count)
    }

    /// Where run `n` (from 1) is in `bytes`.
    func span(_ n: UInt16) -> Range<Int> {
        let run = runs[Int(n) - 1]
        return Int(run.start)..<Int(run.end)
    }

    /// The bytes of run `n`.
    func run(_ n: UInt16) -> ArraySlice<UInt8> { bytes[span(n)] }

    /// The name of run `n`, nil for arguments.
    func name(_ n: UInt16) -> String? { Int(n) <= runs.count ? runs[Int(n) - 1].name : nil }

    /// Bytes it holds, room included.
    var heldBytes: Int { runs.capacity * MemoryLayout<Run>.stride + bytes.capacity }
}

/// Consecutive logged callbacks: their entries, and what they share. A callback that
/// holds its action's shared payload (a large notification payload, `SharedPayload`)
/// is kept in pieces of its own instead, the payload one piece shared with the other
/// callbacks and the journal entry holding it, so that a payload costs its size once.
struct LogChunk: Sendable {
    var entries: [LogSlot] = []
    /// The seq of `entries[0]`.
    var firstSeq: Int
    /// The names the entries carry (`LogSlot.sceneId`, `viewController`), as JSON
    /// strings, and arguments of a few hundred bytes at most, as `,"args":…`: one table,
    /// so a chunk's names and arguments cost one pair of arrays.
    var table = LogTable()
    /// Larger arguments, one each, emptied when their callback is dropped.
    var own: [[UInt8]] = []
    /// By seq, the pieces of the entries kept in pieces (`[own, shared, own, …]`).
    var pieces: [Int: [[UInt8]]] = [:]

    /// The largest arguments kept in `table`.
    static let sharedArguments = 256

    init(firstSeq: Int, entryCapacity: Int) {
        self.firstSeq = firstSeq
        entries.reserveCapacity(entryCapacity)
    }

    /// The entry of callback `c`, logged as `seq`: its names found or added, its
    /// arguments (encoded into `scratch` to compare them) found or added; nil when a
    /// table has no number left (more than UInt16 holds, which only one action's
    /// callbacks could bring).
    mutating func entry(
        of c: Callback, seq: Int, heads: CallbackHeads, overhead: Int, scratch: inout JSONWriter?
    ) -> LogSlot? {
        let members = c.target.members
        guard let sceneId = number(of: members.sceneId), let viewController = number(of: members.viewController)
        else { return nil }
        var entry = LogSlot(
            cost: 0, arguments: .none, method: c.method, receiver: c.receiver, appState: c.appState,
            sceneState: members.sceneState, sceneId: sceneId, viewController: viewController,
            head: heads.head(method: c.method, receiver: c.receiver, appState: c.appState))
        switch c.arguments {
        case .none:
            break
        case .observer(let argument):
            entry.arguments = .observer(argument)
        case .json(let value):
            var w = scratch ?? JSONWriter(capacity: 256)
            w.clear(inObject: true)
            w.key("args")
            w.value(value)
            scratch = w
            let arguments: LoggedArguments? = w.withWritten { encoded in
                if encoded.count > Self.sharedArguments {
                    own.append(Array(encoded))
                    return .own(UInt32(own.count - 1))
                }
                guard let n = table.number(ofBytes: encoded) ?? table.add(encoded) else { return nil }
                return .shared(n)
            }
            guard let arguments else { return nil }
            entry.arguments = arguments
        }
        entry.cost = Int32(clamping: JSONWriter.loggedLength(of: entry, seq: seq, in: self, heads: heads) + overhead)
        return entry
    }

    /// The number of name `name`, found or added; 0 for no name.
    private mutating func number(of name: String?) -> UInt16? {
        guard let name else { return 0 }
        return table.number(ofName: name) ?? table.add(JSONWriter.quoted(name), name: name)
    }

    /// The bytes of `e`'s JSON arguments (`,"args":…`); nil for none or typed ones.
    func argumentBytes(_ e: LogSlot) -> ArraySlice<UInt8>? {
        switch e.arguments {
        case .shared(let n): table.run(n)
        case .own(let i): own[Int(i)][...]
        case .none, .observer, .pieces: nil
        }
    }

    /// The entries from `index` through `last`, in a chunk of their own with only the
    /// names and arguments they use: a log's only chunk drops what it no longer keeps
    /// this way now and then, and a batch's answers hold their steps' callbacks this way.
    func suffix(from index: Int, through last: Int? = nil) -> LogChunk {
        let end = last.map { $0 + 1 } ?? entries.count
        var chunk = LogChunk(firstSeq: firstSeq + index, entryCapacity: end - index)
        var renamed: [UInt16: UInt16] = [:]
        var reshared: [UInt16: UInt16] = [:]
        for var e in entries[index..<end] {
            for keyPath in [\LogSlot.sceneId, \LogSlot.viewController] where e[keyPath: keyPath] > 0 {
                let n = e[keyPath: keyPath]
                if let moved = renamed[n] {
                    e[keyPath: keyPath] = moved
                } else {
                    let moved = chunk.table.add(table.run(n), name: table.name(n)) ?? 0
                    renamed[n] = moved
                    e[keyPath: keyPath] = moved
                }
            }
            switch e.arguments {
            case .shared(let n):
                if let moved = reshared[n] {
                    e.arguments = .shared(moved)
                } else {
                    let moved = chunk.table.add(table.run(n)) ?? 0
                    reshared[n] = moved
                    e.arguments = .shared(moved)
                }
            case .own(let i):
                e.arguments = .own(UInt32(chunk.own.count))
                chunk.own.append(own[Int(i)])
            case .none, .observer, .pieces:
                break
            }
            chunk.entries.append(e)
        }
        let seqs = chunk.firstSeq..<(chunk.firstSeq + chunk.entries.count)
        chunk.pieces = pieces.filter { seqs.contains($0.key) }
        return chunk
    }

    /// Frees what entry `index` holds on its own, once the log has dropped it.
    mutating func release(_ index: Int) {
        switch entries[index].arguments {
        case .own(let i): own[Int(i)] = []
        case .pieces: pieces[firstSeq + index] = nil
        case .none, .observer, .shared: break
        }
    }

    /// Bytes the chunk holds, room included.
    var heldBytes: Int {
        entries.capacity * MemoryLayout<LogSlot>.stride + table.heldBytes
            + own.reduce(own.capacity * MemoryLayout<[UInt8]>.stride) { $0 + $1.capacity }
            + pieces.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
    }
}
