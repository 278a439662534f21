import Synchronization

/// Names a logged callback repeats (methods, view controllers), interned: each distinct
/// name gets a number and its JSON string (quoted, escaped) once, so a logged callback
/// keeps two bytes instead of a `String` or its encoded bytes, and is written from the
/// pre-encoded name.
///
/// Method names come from the model as string literals (a few hundred); each table is capped
/// (`capacity`) so that a model building names at run time cannot grow it without
/// bound: beyond it `id(_:)` answers nil and the caller keeps the name itself.
///
/// Reads (`encoded(_:)`) take no lock: an entry is written once, under the lock, before
/// its number is handed out, and the number reaches a reader only through the
/// session's lock, which orders the write before the read.
final class InternedNames: @unchecked Sendable {
    /// Callback method names.
    static let methods = InternedNames()
    /// View-controller names.
    static let viewControllers = InternedNames()
    static let capacity = 4096

    private struct Lookup {
        /// By the address of the name's UTF-8 bytes: a literal's address is stable, and
        /// hashing it is cheaper than hashing the text. Verified against the text.
        var byAddress: [UInt: UInt16] = [:]
        var byName: [String: UInt16] = [:]
        var count = 0
    }

    private let lookup = Mutex(Lookup())
    /// `capacity` encoded names; entries below the handed-out count are immutable.
    private let entries: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

    private init() {
        entries = .allocate(capacity: Self.capacity)
    }

    /// The number of `name`, interning it on first use; nil when the table is full.
    func id(_ name: String) -> UInt16? {
        let address = name.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0
        return lookup.withLock { (table: inout Lookup) -> UInt16? in
            if address != 0, let id = table.byAddress[address], same(entries[Int(id)], name) { return id }
            if let id = table.byName[name] {
                if address != 0 { table.byAddress[address] = id }
                return id
            }
            guard table.count < Self.capacity else { return nil }
            let id = UInt16(table.count)
            var w = JSONWriter(capacity: name.utf8.count + 8)
            w.string(name)
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: w.count)
            _ = bytes.initialize(from: w.bytes)
            entries[Int(id)] = UnsafeBufferPointer(bytes)  // never freed: the table lives as long as the process
            table.count += 1
            table.byName[name] = id
            if address != 0 { table.byAddress[address] = id }
            return id
        }
    }

    /// The JSON string of name `id` (with its quotes).
    func encoded(_ id: UInt16) -> UnsafeBufferPointer<UInt8> {
        entries[Int(id)]
    }

    /// The name itself.
    func name(_ id: UInt16) -> String {
        let e = encoded(id)
        // Decoding the JSON string back: names are identifiers, but be exact anyway.
        guard let value = try? JSONParser.parse(Array(e)), case .string(let s) = value else { return "" }
        return s
    }

    private func same(_ encoded: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
        // The encoded form is "name" when the name needs no escapes (the address cache
        // is only filled for such names' literals; a mismatch falls back to byName).
        let utf8 = name.utf8
        guard encoded.count == utf8.count + 2 else { return false }
        var i = 1
        for b in utf8 {
            if encoded[i] != b { return false }
            i += 1
        }
        return true
    }
}
