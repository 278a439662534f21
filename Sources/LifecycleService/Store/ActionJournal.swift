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
        let members = action.members
        if members.isEmpty, let encoded = Self.bare(action.kind, first: count == 0) {
            // A memberless action (most of them: bench/PROFILE.md, perf-apply) shares
            // its kind's pre-encoded piece instead of encoding and allocating its own.
            guard totalBytes + encoded.count <= byteCapacity else {
                isComplete = false
                return
            }
            pieces.append(encoded)
            bytes += encoded.count
            totalBytes += encoded.count
            count += 1
            return
        }
        var w = JSONWriter(capacity: 64)
        var parts: [[UInt8]] = []
        Self.encode(action.kind, members, into: &w, sharing: sharing, parts: &parts)
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
    private static let bareTable: [(kind: ActionKind, first: [UInt8], later: [UInt8])] = ActionKind.allCases.map {
        var w = JSONWriter(capacity: 64)
        var parts: [[UInt8]] = []
        encode($0, [], into: &w, sharing: nil, parts: &parts)
        return ($0, w.bytes, [UInt8(ascii: ",")] + w.bytes)
    }

    /// The memberless encoding of `kind`, found by its case number (a no-payload enum's
    /// one byte) and checked against the table's kind; nil if that does not hold.
    private static func bare(_ kind: ActionKind, first: Bool) -> [UInt8]? {
        guard MemoryLayout<ActionKind>.size == 1 else { return nil }
        let index = Int(withUnsafeBytes(of: kind) { $0[0] })
        let table = bareTable
        guard index < table.count, table[index].kind == kind else { return nil }
        return first ? table[index].first : table[index].later
    }
}
