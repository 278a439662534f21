import LifecycleModel

/// An action's payload, encoded once, to be shared by the callbacks that carry it.
struct SharedPayload: Sendable {
    let value: JSONValue
    let bytes: [UInt8]

    /// Payloads smaller than this are simply copied into each callback.
    static let threshold = 512

    /// The payload of a notification action, if it is large enough to share. `action` is
    /// borrowed: an initializer's parameter is owned, and every action was copied for
    /// this check (bench/PROFILE.md, perf-apply).
    init?(_ action: __shared Action) {
        let payload: JSONValue
        switch action {
        case .tapNotification(let tap): payload = tap.payload
        case .receiveNotification(let receive): payload = receive.payload
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
            a.count == b.count
                && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress }
                    || a == b)
        case (.array(let a), .array(let b)):
            a.count == b.count
                && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress }
                    || a == b)
        default:
            false
        }
    }
}

extension JSONWriter {
    /// Writes `v`, putting the shared payload, where it occurs within the first
    /// levels, as a piece of its own in `parts`.
    mutating func value(_ v: JSONValue, sharing: SharedPayload, parts: inout [[UInt8]], depth: Int) {
        guard depth <= 3 else {
            value(v)
            return
        }
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
            for m in members {
                key(escaping: m.key)
                value(m.value, sharing: sharing, parts: &parts, depth: depth + 1)
            }
            endObject()
        default:
            value(v)
        }
    }
}
