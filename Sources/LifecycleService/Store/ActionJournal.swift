import LifecycleModel

/// Every action a session accepted, in order, in the canonical encoding the service
/// writes for an action (`JSONWriter.write(_: Action)`): `GET …/journal` answers them
/// and replaying them on a new session with the same config reproduces the log exactly
/// (the model is a pure function of config, state and action).
///
/// Kept encoded, in pieces like the callback log: a notification's large payload is the
/// log's own encoded piece (`SharedPayload`), shared, not copied. The memory budget is
/// charged this journal's own bytes (`bytes`); a shared payload is charged by the log,
/// and once the log has dropped it (past `--max-log-bytes`) the journal keeps it
/// uncharged, at most `byteCapacity` in all. Unlike the log, the journal cannot drop its
/// oldest entries (a replay needs them all), so past `byteCapacity` it stops recording
/// and says so (`isComplete` false) rather than grow without bound.
struct ActionJournal: Sendable {
    /// Default bound on one session's journal (own and shared bytes): 1 MiB.
    static let defaultByteCapacity = 1 << 20

    let byteCapacity: Int
    /// Concatenated: the encoded actions, comma-separated (the inside of a JSON array).
    private(set) var pieces: [[UInt8]] = []
    /// Actions recorded.
    private(set) var count = 0
    /// The journal's own bytes (shared payloads left out: the log counts them).
    private(set) var bytes = 0
    /// Own and shared bytes, for `byteCapacity`.
    private(set) var totalBytes = 0
    /// False once an action no longer fitted: the journal is a prefix of what happened.
    private(set) var isComplete = true

    init(byteCapacity: Int = ActionJournal.defaultByteCapacity) {
        self.byteCapacity = byteCapacity
    }

    /// The encoded actions, comma-separated.
    var encodedActions: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(totalBytes)
        for piece in pieces { out += piece }
        return out
    }

    /// Records an accepted action; `sharing` is the payload piece the log holds for it.
    mutating func record(_ action: Action, sharing: SharedPayload? = nil) {
        guard isComplete else { return }
        let kind = action.kind
        let bare = Self.bareIndex(kind)
        // A memberless action (most of them) shares its
        // kind's pre-encoded piece instead of encoding and allocating its own. A kind
        // that takes no members needs no `action.members` (an array built per call) to
        // know it has none.
        if let bare, Self.bareTable[bare].takesNoMembers { return recordBare(bare) }
        let members = action.members
        if members.isEmpty, let bare { return recordBare(bare) }
        var w = JSONWriter(capacity: 64)
        var parts: [[UInt8]] = []
        Self.encode(kind, members, into: &w, sharing: sharing, parts: &parts)
        let shared = parts.isEmpty ? 0 : sharing?.bytes.count ?? 0
        parts.append(w.bytes)
        if count > 0 { parts.insert([UInt8(ascii: ",")], at: 0) }
        let total = parts.reduce(0) { $0 + $1.count }
        guard totalBytes + total <= byteCapacity else {
            isComplete = false
            return
        }
        pieces += parts
        bytes += total - shared
        totalBytes += total
        count += 1
    }

    /// Records the memberless action of `bareTable[row]`.
    private mutating func recordBare(_ row: Int) {
        let encoded = count == 0 ? Self.bareTable[row].first : Self.bareTable[row].later
        guard totalBytes + encoded.count <= byteCapacity else {
            isComplete = false
            return
        }
        pieces.append(encoded)
        bytes += encoded.count
        totalBytes += encoded.count
        count += 1
    }

    /// The canonical encoding of an action of `kind` with `members`.
    private static func encode(
        _ kind: ActionKind, _ members: [JSONMember], into w: inout JSONWriter, sharing: SharedPayload?,
        parts: inout [[UInt8]]
    ) {
        w.beginObject()
        w.member("type", kind.rawValue)
        for m in members {
            w.key(escaping: m.key)
            if let sharing { w.value(m.value, sharing: sharing, parts: &parts, depth: 0) } else { w.value(m.value) }
        }
        w.endObject()
    }

    /// Each kind's memberless encoding, as the journal's first piece and (with its
    /// comma) as a later one; made by `encode`, so the bytes are the general path's.
    private static let bareTable: [BareEncoding] = ActionKind.allCases.map {
        var w = JSONWriter(capacity: 64)
        var parts: [[UInt8]] = []
        encode($0, [], into: &w, sharing: nil, parts: &parts)
        return BareEncoding(
            kind: $0, takesNoMembers: $0.parameters.isEmpty, first: w.bytes, later: [UInt8(ascii: ",")] + w.bytes)
    }

    private struct BareEncoding {
        let kind: ActionKind
        /// The kind has no members at all (`launch`, `lock`, …), not just none given.
        let takesNoMembers: Bool
        let first: [UInt8]
        let later: [UInt8]
    }

    /// The row of `bareTable` for `kind` (the table follows `allCases`, so `kind.index`).
    private static func bareIndex(_ kind: ActionKind) -> Int? {
        let index = kind.index
        guard index < bareTable.count, bareTable[index].kind == kind else { return nil }
        return index
    }
}
