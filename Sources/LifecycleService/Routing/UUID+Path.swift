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
        guard s.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
            var n = 0
            var high: UInt8?
            for offset in 0..<36 {
                let c = s[offset]
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    guard c == UInt8(ascii: "-") else { return false }
                    continue
                }
                let v: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
                default: return false
                }
                if let h = high {
                    bytes[n] = h << 4 | v
                    n += 1
                    high = nil
                } else {
                    high = v
                }
            }
            return n == 16
        }
        guard parsed else { return nil }
        self.init(uuid: uuid)
    }
}
