import LifecycleModel

/// One logged callback as the log keeps it: its facts, not its JSON (20 bytes). The
/// scene and view-controller names it carries are numbers into its chunk's names,
/// which keeps each name once; JSON arguments are encoded once, into the chunk. An
/// answer writes the callback from these (Wire/CallbackEncoding.swift), the bytes of
/// the general path.
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
    /// The scene's id: a number of the chunk's `names`, from 1; 0 when the receiver names none.
    var sceneId: UInt16
    /// The view controller's (or SwiftUI view's) name, likewise.
    var viewController: UInt16
}

/// A logged callback's arguments.
enum LoggedArguments: Sendable, Equatable {
    case none
    /// An observer item's typed argument.
    case observer(ObserverArgument)
    /// `,"args":…`, encoded in the chunk's `arguments` at this index.
    case encoded(UInt32)
    /// The whole callback is kept in pieces (`LogChunk.pieces`): its arguments hold its
    /// action's shared payload.
    case pieces
}

/// A name a chunk's callbacks carry (a scene's id, a view controller's name), and
/// where its JSON string is in the chunk's `nameBytes`.
struct LogName: Sendable {
    let text: String
    let quoted: Range<Int>
}

/// Consecutive logged callbacks: their entries, and what they share. A callback that
/// holds its action's shared payload (a large notification payload, `SharedPayload`)
/// is kept in pieces of its own instead, the payload one piece shared with the other
/// callbacks and the journal entry holding it, so that a payload costs its size once.
struct LogChunk: Sendable {
    var entries: [LogSlot] = []
    /// The seq of `entries[0]`.
    var firstSeq: Int
    /// The names the entries carry, each once (`LogSlot.sceneId`, `viewController`).
    var names: [LogName] = []
    /// The names' JSON strings, one after the other.
    var nameBytes: [UInt8] = []
    /// The encoded arguments of the entries that have JSON arguments
    /// (`LoggedArguments.encoded`); emptied when the entry is dropped.
    var arguments: [[UInt8]] = []
    /// By seq, the pieces of the entries kept in pieces (`[own, shared, own, …]`).
    var pieces: [Int: [[UInt8]]] = [:]

    /// How far back `name(_:)` looks for a name it has: a callback usually carries the
    /// names of the last few (its scene, its window's controllers).
    static let namesSearched = 16

    init(firstSeq: Int, entryCapacity: Int) {
        self.firstSeq = firstSeq
        entries.reserveCapacity(entryCapacity)
    }

    /// The entry of callback `c`, logged as `seq`: its names found or added, its
    /// arguments encoded; nil when the chunk has no number left for a new name (more
    /// names than UInt16 holds, which only one action's callbacks could bring).
    mutating func entry(of c: Callback, seq: Int, heads: CallbackHeads, overhead: Int) -> LogSlot? {
        let target = c.target
        guard let sceneId = number(of: target.sceneId), let viewController = number(of: target.name) else {
            return nil
        }
        var entry = LogSlot(
            cost: 0, arguments: .none, method: c.method, receiver: c.receiver, appState: c.appState,
            sceneState: target.sceneState, sceneId: sceneId, viewController: viewController)
        switch c.arguments {
        case .none:
            break
        case .observer(let argument):
            entry.arguments = .observer(argument)
        case .json(let value):
            entry.arguments = .encoded(UInt32(arguments.count))
            arguments.append(JSONWriter.argumentsMember(value))
        }
        let length = JSONWriter.loggedLength(of: entry, seq: seq, in: self, heads: heads)
        entry.cost = Int32(clamping: length + overhead)
        return entry
    }

    /// The JSON string of name `number` (from 1) in `nameBytes`.
    func quotedName(_ number: UInt16) -> Range<Int> {
        names[Int(number) - 1].quoted
    }

    /// The number of `name` (from 1), added when none of the last few names is it; 0
    /// for no name; nil when a new name would have no number.
    private mutating func number(of name: String?) -> UInt16? {
        guard let name else { return 0 }
        let searched = max(0, names.count - Self.namesSearched)
        if let found = names[searched...].lastIndex(where: { $0.text == name }) { return UInt16(found + 1) }
        guard names.count < Int(UInt16.max) else { return nil }
        let quoted = JSONWriter.quoted(name)
        names.append(LogName(text: name, quoted: nameBytes.count..<(nameBytes.count + quoted.count)))
        nameBytes += quoted
        return UInt16(names.count)
    }

    /// The entries from `index` through `last`, in a chunk of their own with only the
    /// names and arguments they use: a log's only chunk drops what it no longer keeps
    /// this way now and then, and a batch's answers hold their steps' callbacks this way.
    func suffix(from index: Int, through last: Int? = nil) -> LogChunk {
        let end = last.map { $0 + 1 } ?? entries.count
        var chunk = LogChunk(firstSeq: firstSeq + index, entryCapacity: end - index)
        var renumbered: [UInt16: UInt16] = [:]
        func moved(_ number: UInt16) -> UInt16 {
            guard number > 0 else { return 0 }
            if let known = renumbered[number] { return known }
            let name = names[Int(number) - 1]
            let quoted = nameBytes[name.quoted]
            chunk.names.append(
                LogName(text: name.text, quoted: chunk.nameBytes.count..<(chunk.nameBytes.count + quoted.count)))
            chunk.nameBytes += quoted
            let new = UInt16(clamping: chunk.names.count)
            renumbered[number] = new
            return new
        }
        for var e in entries[index..<end] {
            e.sceneId = moved(e.sceneId)
            e.viewController = moved(e.viewController)
            if case .encoded(let i) = e.arguments {
                e.arguments = .encoded(UInt32(chunk.arguments.count))
                chunk.arguments.append(arguments[Int(i)])
            }
            chunk.entries.append(e)
        }
        let seqs = chunk.firstSeq..<(chunk.firstSeq + chunk.entries.count)
        chunk.pieces = pieces.filter { seqs.contains($0.key) }
        return chunk
    }

    /// Frees what entry `index` holds besides itself, once the log has dropped it.
    mutating func release(_ index: Int) {
        switch entries[index].arguments {
        case .encoded(let i): arguments[Int(i)] = []
        case .pieces: pieces[firstSeq + index] = nil
        case .none, .observer: break
        }
    }

    /// Bytes the chunk holds, room included.
    var heldBytes: Int {
        entries.capacity * MemoryLayout<LogSlot>.stride + names.capacity * MemoryLayout<LogName>.stride
            + nameBytes.capacity
            + arguments.reduce(arguments.capacity * MemoryLayout<[UInt8]>.stride) { $0 + $1.capacity }
            + pieces.values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
    }
}
