import Foundation

extension UUID {
    /// Parses the 36-character textual form (either case) from a path segment.
    ///
    /// Hand-written: Foundation's `UUID(uuidString:)` goes through sscanf, which
    /// showed up in the action endpoint's profile.
    init?(pathSegment s: String) {
        var s = s
        guard let uuid = s.withUTF8({ UUID(pathBytes: $0) }) else { return nil }
        self = uuid
    }

    /// The same from UTF-8 bytes; fills the 16 bytes in place (no array per call).
    init?(pathBytes s: UnsafeBufferPointer<UInt8>) {
        guard s.count == 36, let p = s.baseAddress, p[8] == UInt8(ascii: "-"), p[13] == UInt8(ascii: "-"),
            p[18] == UInt8(ascii: "-"), p[23] == UInt8(ascii: "-")
        else { return nil }
        // Two digits a byte at fixed offsets (a dash before bytes 4, 6, 8 and 10), one
        // check for all of them at the end: a loop over the 36 characters with a state per
        // character cost 800 instructions a request (bench/PROFILE.md).
        var invalid: UInt8 = 0
        @inline(__always) func byte(_ at: Int) -> UInt8 {
            let high = Self.hexValue(p[at])
            let low = Self.hexValue(p[at + 1])
            invalid |= (high | low) & 0xF0
            return high << 4 | low
        }
        let uuid: uuid_t = (
            byte(0), byte(2), byte(4), byte(6), byte(9), byte(11), byte(14), byte(16),
            byte(19), byte(21), byte(24), byte(26), byte(28), byte(30), byte(32), byte(34)
        )
        guard invalid == 0 else { return nil }
        self.init(uuid: uuid)
    }

    /// The value of a hex digit (either case), 0xFF for any other byte.
    @inline(__always) private static func hexValue(_ c: UInt8) -> UInt8 {
        let digit = c &- UInt8(ascii: "0")
        if digit < 10 { return digit }
        // `| 0x20` lowercases A-F and maps no other byte into a-f.
        let letter = (c | 0x20) &- UInt8(ascii: "a")
        if letter < 6 { return letter + 10 }
        return 0xFF
    }
}
