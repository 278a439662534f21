/// View-controller names, interned for the whole process: each distinct name gets a
/// number and its JSON string (quoted, escaped) once, so a logged callback keeps two
/// bytes instead of a `String`, and is written from the pre-encoded name
/// (bench/PROFILE.md, memory).
///
/// Names come from configs and actions, so the table is capped (`capacity`): beyond it
/// `id(_:)` answers nil and the entry keeps the name encoded in its own tail.
///
/// Reads (`encoded(_:)`) take no lock: an entry is written once, under the lock, before
/// its number is handed out, and the number reaches a reader only through the
/// session's lock, which orders the write before the read.
final class ControllerNames: @unchecked Sendable {
    static let shared = ControllerNames()
    static let capacity = 4096

    private let lookup = StoreLock([String: UInt16]())
    /// `capacity` encoded names; entries below the handed-out count are immutable.
    private let entries: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

    private init() {
        entries = .allocate(capacity: Self.capacity)  // never freed: lives as long as the process
    }

    /// The number of `name`, interning it on first use; nil when the table is full.
    func id(_ name: String) -> UInt16? {
        lookup.withLock { (table: inout [String: UInt16]) -> UInt16? in
            if let id = table[name] { return id }
            guard table.count < Self.capacity else { return nil }
            let id = UInt16(table.count)
            var w = JSONWriter(capacity: name.utf8.count + 8)
            w.string(name)
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: w.count)
            _ = bytes.initialize(from: w.bytes)
            entries[Int(id)] = UnsafeBufferPointer(bytes)
            table[name] = id
            return id
        }
    }

    /// The JSON string of name `id` (with its quotes).
    func encoded(_ id: UInt16) -> UnsafeBufferPointer<UInt8> {
        entries[Int(id)]
    }
}
