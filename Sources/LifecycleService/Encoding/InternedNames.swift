import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    private let lookup = StoreLock(Lookup())
    /// `capacity` encoded names; entries below the handed-out count are immutable.
    private let entries: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>

    private init() {
        entries = .allocate(capacity: Self.capacity)
    }

    /// The number of `name`, interning it on first use; nil when the table is full.
    func id(_ name: String) -> UInt16? {
        // A literal's bytes have a fixed address (strings of up to 15 bytes are kept
        // inline, at whatever address the copy has, so they go by text).
        let byAddress = name.utf8.withContiguousStorageIfAvailable { utf8 -> UInt16? in
            guard utf8.count > 15, let base = utf8.baseAddress else { return nil }
            return lookup.withLock { table -> UInt16? in
                guard let id = table.byAddress[UInt(bitPattern: base)] else { return nil }
                let e = entries[Int(id)]
                guard e.count == utf8.count + 2, let stored = e.baseAddress,
                    memcmp(stored + 1, base, utf8.count) == 0
                else { return nil }
                return id
            }
        }
        if let found = byAddress ?? nil { return found }
        let address =
            name.utf8.count > 15
            ? name.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) } ?? 0 : 0
        return lookup.withLock { (table: inout Lookup) -> UInt16? in
            if let id = table.byName[name] {
                if address != 0, isPlain(entries[Int(id)], name.utf8.count) { table.byAddress[address] = id }
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
            if address != 0, isPlain(entries[Int(id)], name.utf8.count) { table.byAddress[address] = id }
            return id
        }
    }

    /// Whether the encoded form is the name in quotes (no escapes): only then does the
    /// address lookup's byte comparison apply.
    private func isPlain(_ encoded: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
        encoded.count == count + 2
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
}
