import LifecycleModel

/// Writes JSON straight into bytes, in the order the calls come.
///
/// Hand-written because JSON encoding dominates this stack's cost ([MHD]:
/// 2 µs for JSONEncoder against 0.35 µs by hand), and so key order is fixed.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ s: String) { separate(); writeString(s); needsComma = true }
    mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }
    mutating func null() { raw("null") }
    mutating func int(_ n: Int) { raw(String(n)) }

    /// A number of seconds: integral values without a fraction, others as Swift prints them.
    mutating func number(_ d: Double) {
        if d.rounded() == d, abs(d) < 1e15 { int(Int(d)) } else { raw(String(d)) }
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let text): raw(text)
        case .string(let s): string(s)
        case .array(let elements):
            beginArray()
            for e in elements { value(e) }
            endArray()
        case .object(let members):
            beginObject()
            for m in members { key(m.key); value(m.value) }
            endObject()
        }
    }

    /// `"name": "value"` in one call, the commonest member.
    mutating func member(_ name: String, _ value: String) { key(name); string(value) }

    /// A member whose value is an array of strings.
    mutating func member(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    /// Appends an already-encoded JSON value (a piece of the callback log).
    mutating func encoded(_ value: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: value)
        needsComma = true
    }

    /// Appends an already-encoded JSON value given in pieces.
    mutating func encoded(pieces: [[UInt8]]) {
        separate()
        for piece in pieces { bytes.append(contentsOf: piece) }
        needsComma = true
    }

    /// Hands over the bytes written so far, as one piece, and counts the next piece
    /// as the value written here: for output assembled from pieces, where a large
    /// value is encoded once and shared.
    mutating func splitForValue() -> [UInt8] {
        separate()
        needsComma = true
        defer { bytes = [] }
        return bytes
    }

    private mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        // Copy runs that need no escape in one go: byte-by-byte appends were the
        // largest Swift cost in the action endpoint's profile.
        text.withUTF8 { utf8 in
            var runStart = 0
            for i in utf8.indices {
                let b = utf8[i]
                guard b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                escape(b)
                runStart = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hex[Int(b >> 4)])
            bytes.append(Self.hex[Int(b & 0xF)])
        }
    }
}
