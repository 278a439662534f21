import Foundation

extension UUID {
    /// Parses the 36-character textual form (either case) from a path segment's UTF-8
    /// bytes; fills the 16 bytes in place (no array per call).
    ///
    /// Hand-written: Foundation's `UUID(uuidString:)` goes through sscanf, which
    /// showed up in the action endpoint's profile.
    init?(pathBytes s: UnsafeBufferPointer<UInt8>) {
        guard s.count == 36, let p = s.baseAddress, p[8] == UInt8(ascii: "-"), p[13] == UInt8(ascii: "-"),
            p[18] == UInt8(ascii: "-"), p[23] == UInt8(ascii: "-")
        else { return nil }
        // Two digits a byte at fixed offsets (a dash before bytes 4, 6, 8 and 10), their
        // values from a table, one check for all of them at the end: a loop over the 36
        // characters with a state per character cost 800 instructions a request.
        var invalid: UInt8 = 0
        let uuid: uuid_t = Self.hexValues.withUnsafeBufferPointer { table in
            @inline(__always) func byte(_ at: Int) -> UInt8 {
                let high = table[Int(p[at])]
                let low = table[Int(p[at + 1])]
                invalid |= (high | low) & 0xF0
                return high << 4 | low
            }
            return (
                byte(0), byte(2), byte(4), byte(6), byte(9), byte(11), byte(14), byte(16),
                byte(19), byte(21), byte(24), byte(26), byte(28), byte(30), byte(32), byte(34)
            )
        }
        guard invalid == 0 else { return nil }
        self.init(uuid: uuid)
    }

    /// Each byte's value as a hex digit (either case), 0xFF for any other byte.
    private static let hexValues: [UInt8] = (0...255).map { c in
        switch UInt8(c) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(c) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(c) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(c) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }
}
