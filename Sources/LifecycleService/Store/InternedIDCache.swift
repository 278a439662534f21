import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A lock-free front for `InternedNames.id(_:)`, by the address of the name's UTF-8
/// bytes: the model passes method names as string literals, whose bytes never move, so
/// after the first time a name's number is one load and a byte comparison instead of
/// the table's lock and dictionary (they were a third of logging a callback,
/// bench/PROFILE.md, perf-apply). Anything the cache does not hold goes to the table.
///
/// Each slot is one atomic word, `address << 16 | id` (user addresses fit in 48 bits),
/// so a reader sees a whole pair or an older one, never a torn one. A hit is verified
/// against the table's encoded name (an address freed and reused for other text fails
/// it), so a stale slot costs a miss, never a wrong number. Release/acquire: the table's
/// entry, written before its number was handed out, is visible to whoever reads the slot.
final class InternedIDCache: @unchecked Sendable {
    static let methods = InternedIDCache(InternedNames.methods)
    static let viewControllers = InternedIDCache(InternedNames.viewControllers)

    private static let slotCount = 512
    private let table: InternedNames
    private let slots: UnsafeMutablePointer<Atomic<UInt64>>

    private init(_ table: InternedNames) {
        self.table = table
        slots = .allocate(capacity: Self.slotCount)  // never freed: lives as long as the process
        for i in 0..<Self.slotCount { (slots + i).initialize(to: Atomic(0)) }
    }

    /// `table.id(name)`.
    func id(_ name: String) -> UInt16? {
        let cached = name.utf8.withContiguousStorageIfAvailable { utf8 -> UInt16? in
            // Strings of up to 15 bytes are kept inline, at whatever address the copy has.
            guard utf8.count > 15, let base = utf8.baseAddress else { return nil }
            let address = UInt64(UInt(bitPattern: base))
            guard address >> 48 == 0 else { return nil }
            let slot = slots + Int((address >> 4 ^ address >> 13) % UInt64(Self.slotCount))
            let word = slot.pointee.load(ordering: .acquiring)
            if word >> 16 == address, plain(UInt16(truncatingIfNeeded: word), base, utf8.count) {
                return UInt16(truncatingIfNeeded: word)
            }
            guard let id = table.id(name) else { return nil }
            if plain(id, base, utf8.count) { slot.pointee.store(address << 16 | UInt64(id), ordering: .releasing) }
            return id
        }
        if let found = cached ?? nil { return found }
        return table.id(name)
    }

    /// Whether entry `id` of the table encodes exactly these bytes (in quotes, no escapes).
    private func plain(_ id: UInt16, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let e = table.encoded(id)
        guard e.count == count + 2, let stored = e.baseAddress else { return false }
        return memcmp(stored + 1, bytes, count) == 0
    }
}
