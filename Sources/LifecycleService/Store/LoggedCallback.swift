import LifecycleModel

/// A callback with its per-session sequence number, kept as the JSON object the API
/// sends (`{"seq":…,"receiver":…,…}`), encoded once when the action runs.
///
/// The object is stored in pieces: a large payload (a notification's) is one piece
/// encoded once per action and shared, not copied, by every callback whose arguments
/// hold it.
struct LoggedCallback: Sendable {
    var seq: Int
    /// Concatenated, the callback's JSON object.
    var parts: [[UInt8]]
    /// Bytes this entry accounts for: its own pieces plus `overhead`, and the shared
    /// piece if it is the newest entry holding it (see `CallbackLog.append`).
    var cost: Int
    /// Whether one of `parts` is the action's shared payload.
    var holdsShared: Bool

    /// Bookkeeping per entry beyond its bytes (the entry and its arrays' headers).
    static let overhead = 64

    /// What an entry becomes once dropped from a log (its bytes released).
    static let dropped = LoggedCallback(seq: 0, parts: [], cost: 0, holdsShared: false)

    private init(seq: Int, parts: [[UInt8]], cost: Int, holdsShared: Bool) {
        self.seq = seq
        self.parts = parts
        self.cost = cost
        self.holdsShared = holdsShared
    }

    /// Encodes `c` as callback `seq` (contract, "Action result").
    init(seq: Int, callback c: Callback, sharing: SharedPayload?) {
        var w = JSONWriter(capacity: 192)
        var parts: [[UInt8]] = []
        w.beginObject()
        w.key("seq"); w.int(seq)
        w.member("receiver", c.receiver.rawValue)
        w.member("method", c.method)
        w.member("appState", c.appState.rawValue)
        if let id = c.sceneId { w.member("sceneId", id) }
        if let state = c.sceneState { w.member("sceneState", state.rawValue) }
        if let name = c.viewController { w.member("viewController", name) }
        if let args = c.args {
            w.key("args")
            if let sharing {
                w.value(args, sharing: sharing, parts: &parts, depth: 0)
            } else {
                w.value(args)
            }
        }
        w.endObject()
        let holdsShared = !parts.isEmpty
        parts.append(w.bytes)
        // parts = [own, shared, own, shared, …, own]: only the even ones are this entry's.
        let own = parts.indices.reduce(0) { $0 + ($1 % 2 == 0 ? parts[$1].count : 0) }
        self.init(seq: seq, parts: parts, cost: own + Self.overhead, holdsShared: holdsShared)
    }

    /// The encoded size.
    var byteCount: Int { parts.reduce(0) { $0 + $1.count } }
}

/// An action's payload, encoded once, to be shared by the callbacks that carry it.
struct SharedPayload: Sendable {
    let value: JSONValue
    let bytes: [UInt8]

    /// Payloads smaller than this are simply copied into each callback.
    static let threshold = 512

    /// The payload of a notification action, if it is large enough to share.
    init?(_ action: Action) {
        let payload: JSONValue
        switch action {
        case .tapNotification(let p), .receiveNotification(let p): payload = p
        default: return nil
        }
        var w = JSONWriter(capacity: 1024)
        w.value(payload)
        guard w.bytes.count >= Self.threshold else { return nil }
        self.value = payload
        self.bytes = w.bytes
    }

    /// Whether `v` is the payload: the same storage (how the model passes it on) or,
    /// failing that, equal with as many members.
    func matches(_ v: JSONValue) -> Bool {
        switch (v, value) {
        case (.object(let a), .object(let b)):
            a.count == b.count && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress } || a == b)
        case (.array(let a), .array(let b)):
            a.count == b.count && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress } || a == b)
        default:
            false
        }
    }
}

extension JSONWriter {
    /// Writes `v`, putting the shared payload, where it occurs within the first
    /// levels, as a piece of its own in `parts`.
    mutating func value(_ v: JSONValue, sharing: SharedPayload, parts: inout [[UInt8]], depth: Int) {
        guard depth <= 3 else { value(v); return }
        if sharing.matches(v) {
            parts.append(splitForValue())
            parts.append(sharing.bytes)
            return
        }
        switch v {
        case .array(let elements):
            beginArray()
            for e in elements { value(e, sharing: sharing, parts: &parts, depth: depth + 1) }
            endArray()
        case .object(let members):
            beginObject()
            for m in members { key(m.key); value(m.value, sharing: sharing, parts: &parts, depth: depth + 1) }
            endObject()
        default:
            value(v)
        }
    }

    /// A logged callback, piece by piece.
    mutating func write(_ c: LoggedCallback) {
        encoded(pieces: c.parts)
    }
}
