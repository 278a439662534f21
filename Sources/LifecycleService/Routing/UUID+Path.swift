import Foundation

extension UUID {
    /// Parses the 36-character textual form (either case) from a path segment.
    ///
    /// Hand-written: Foundation's `UUID(uuidString:)` goes through sscanf, which
    /// showed up in the action endpoint's profile.
    init?(pathSegment s: String) {
        var bytes = [UInt8](repeating: 0, count: 16)
        var n = 0
        var high: UInt8?
        var count = 0
        for c in s.utf8 {
            count += 1
            if count == 9 || count == 14 || count == 19 || count == 24 {
                guard c == UInt8(ascii: "-") else { return nil }
                continue
            }
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard n < 16 else { return nil }
            if let h = high { bytes[n] = h << 4 | v; n += 1; high = nil } else { high = v }
        }
        guard count == 36, n == 16 else { return nil }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
