import LifecycleModel
import ServiceHTTP

/// Writes JSON straight into bytes, in the order the calls come.
///
/// Hand-written because JSON encoding dominates this stack's cost ([MHD]:
/// 2 µs for JSONEncoder against 0.35 µs by hand), and so key order is fixed.
/// The bytes go into a growable buffer of its own (`JSONBuffer`) rather than an
/// `[UInt8]`: appending to an array checks uniqueness and capacity on every call,
/// which was the largest cost of writing an action result (bench/PROFILE.md).
/// Keys are `StaticString`s written without an escape scan; digits are written
/// in place. A writer has one owner: copies of it share the buffer.
struct JSONWriter {
    /// Owns the memory `buffer` points to (frees it when the last copy goes).
    private var storage: JSONStorage
    /// The pointer, count and capacity live in the struct, not the class: mutating
    /// a class's stored properties costs a runtime exclusivity check per access.
    private var buffer: JSONBuffer
    /// Whether the next value or key needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 256) {
        let size = max(capacity, 64)
        storage = JSONStorage.make(capacity: size)
        buffer = JSONBuffer(start: storage.start, capacity: size)
    }

    /// What has been written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer.start, count: buffer.count)) }

    /// What has been written, as a response body that keeps this writer's memory (no
    /// copy into an array). Ends the writer (`consuming`), so nothing writes to the
    /// bytes once lent, as `LentBytes` requires.
    consuming func lend() -> LentBytes {
        LentBytes(owner: storage, bytes: UnsafeRawBufferPointer(start: buffer.start, count: buffer.count))
    }

    /// Bytes written so far.
    var count: Int { buffer.count }

    /// Forgets what was written, to write again from the start, as after an object's
    /// first member when `inObject` (the next key gets its comma): a scratch writer.
    mutating func clear(inObject: Bool) {
        buffer.count = 0
        needsComma = inObject
    }

    /// What has been written, in place: valid until the next write.
    func withWritten<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: buffer.start, count: buffer.count))
    }

    /// Bytes it holds room for.
    var capacity: Int { buffer.capacity }

    /// Bytes already valid as one or more JSON values, written as the next element(s):
    /// a comma first if one is due.
    mutating func elements(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        separate()
        append(base, count: bytes.count)
        needsComma = true
    }

    /// Makes room for `extra` more bytes.
    @inline(__always) private mutating func reserve(_ extra: Int) {
        if buffer.count + extra > buffer.capacity { grow(buffer.count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var size = buffer.capacity * 2
        while size < needed { size *= 2 }
        move(toCapacity: size)
    }

    /// Moves the bytes written into storage of its own with room for `capacity` (at
    /// least what is written), by memcpy (`update(from:count:)` copied a byte at a time).
    private mutating func move(toCapacity capacity: Int) {
        let moved = JSONStorage.make(capacity: capacity)
        UnsafeMutableRawPointer(moved.start).copyMemory(from: buffer.start, byteCount: buffer.count)
        storage = moved
        buffer.start = moved.start
        buffer.capacity = capacity
    }

    @inline(__always) mutating func beginObject() { open(UInt8(ascii: "{")) }
    @inline(__always) mutating func endObject() { close(UInt8(ascii: "}")) }
    @inline(__always) mutating func beginArray() { open(UInt8(ascii: "[")) }
    @inline(__always) mutating func endArray() { close(UInt8(ascii: "]")) }

    /// `{` or `[`, after a comma if one is due; its first member needs none.
    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        append(bracket)
        needsComma = false
    }

    /// `}` or `]`: the container is a value, so what follows it needs a comma.
    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        append(bracket)
        needsComma = true
    }

    /// A key known at compile time: an identifier, so it needs no escaping.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        quoted(name, then: UInt8(ascii: ":"))
        needsComma = false
    }

    /// Constant JSON text written as it is, in one copy: a run of punctuation and keys
    /// such as `],"suspendsAt":`, for a writer that knows the shape of what it writes
    /// (the action result's state: a key at a time cost 50 to 60 instructions,
    /// bench/PROFILE.md). It must end where a value may follow without a comma: after
    /// `:`, `[` or `{`.
    @inline(__always)
    mutating func text(_ s: StaticString) {
        append(s)
        needsComma = false
    }

    /// A key from data (object members of a `JSONValue`), escaped as needed.
    mutating func key(escaping name: String) {
        separate()
        writeString(name)
        append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ s: String) {
        separate()
        writeString(s)
        needsComma = true
    }

    /// A string known at compile time that needs no escaping (enum names, fixed words).
    @inline(__always)
    mutating func string(literal s: StaticString) {
        quoted(s, then: nil)
        needsComma = true
    }

    /// A string known only at run time that needs no escaping: an enum's raw value
    /// (WireNameTests checks that each written this way is a plain identifier). The
    /// same bytes as `string(_:)` without its escape scan, which was a quarter of
    /// writing an action's `type`.
    mutating func string(unescaped s: String) {
        var s = s
        s.withUTF8 { utf8 in
            let n = utf8.count
            reserve(n + 3)
            let start = buffer.start
            var at = openQuote()
            if let base = utf8.baseAddress { Self.copy(to: start + at, from: base, count: n) }
            at += n
            start[at] = UInt8(ascii: "\"")
            buffer.count = at + 1
        }
        needsComma = true
    }

    /// A comma if one is due, then `"`, in room already reserved; returns where the
    /// string's bytes go (the count is the caller's to set once it has written them).
    @inline(__always)
    private func openQuote() -> Int {
        let start = buffer.start
        var at = buffer.count
        if needsComma {
            start[at] = UInt8(ascii: ",")
            at += 1
        }
        start[at] = UInt8(ascii: "\"")
        return at + 1
    }

    /// `"s"` and `suffix`, after a comma if one is due. One capacity check and a copy
    /// in words: these are short, and a memcpy call costs more (bench/PROFILE.md).
    @inline(__always)
    private mutating func quoted(_ s: StaticString, then suffix: UInt8?) {
        let n = s.utf8CodeUnitCount
        reserve(n + 4)
        let start = buffer.start
        var at = openQuote()
        Self.copyShort(to: start + at, from: s.utf8Start, count: n)
        at += n
        start[at] = UInt8(ascii: "\"")
        at += 1
        if let suffix {
            start[at] = suffix
            at += 1
        }
        buffer.count = at
    }

    /// `"name": "value"` for a value that needs no escaping.
    @inline(__always)
    mutating func member(_ name: StaticString, literal value: StaticString) {
        key(name)
        string(literal: value)
    }
    @inline(__always) mutating func bool(_ b: Bool) {
        if b { raw(literal: "true") } else { raw(literal: "false") }
    }
    @inline(__always) mutating func null() { raw(literal: "null") }

    mutating func int(_ n: Int) {
        separate()
        appendDecimal(n)
        needsComma = true
    }

    /// A number of seconds: integral values without a fraction, others as Swift prints them.
    mutating func number(_ d: Double) {
        // Integral when converting there and back keeps it: `rounded()` was a libm call.
        if abs(d) < 1e15 {
            let n = Int(d)
            if Double(n) == d { return int(n) }
        }
        raw(String(d))
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
            for m in members {
                key(escaping: m.key)
                value(m.value)
            }
            endObject()
        }
    }

    /// `"name": "value"` in one call, the commonest member.
    mutating func member(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// A member whose value is an array of strings.
    mutating func member(_ name: StaticString, strings: [String]) {
        key(name)
        beginArray()
        for s in strings { string(s) }
        endArray()
    }

    /// Appends an already-encoded JSON value (a piece of the callback log).
    mutating func encoded(_ value: some Collection<UInt8>) {
        separate()
        appendAll(value)
        needsComma = true
    }

    /// Appends an already-encoded JSON value given in pieces.
    mutating func encoded(pieces: [[UInt8]]) {
        separate()
        for piece in pieces { appendAll(piece) }
        needsComma = true
    }

    /// Hands over the bytes written so far, as one piece, and counts the next piece
    /// as the value written here: for output assembled from pieces, where a large
    /// value is encoded once and shared.
    mutating func splitForValue() -> [UInt8] {
        separate()
        needsComma = true
        defer { buffer.count = 0 }
        return bytes
    }

    /// A logged callback that is its head alone (no scene, view controller or arguments:
    /// most of an app's), after a comma if one is due: `{"seq":N`, the head (pre-encoded
    /// members with their own commas) and `}`, with one capacity check.
    mutating func appendBareCallback(seq: Int, head: UnsafeBufferPointer<UInt8>, _ previous: inout SeqDigits) {
        reserve(31 + head.count)  // `,{"seq":` and a byte past it, 20 digits at most, the head, `}`
        var at = openSeq(seq, previous: &previous)
        if let base = head.baseAddress { Self.copy(to: buffer.start + at, from: base, count: head.count) }
        at += head.count
        buffer.start[at] = UInt8(ascii: "}")
        buffer.count = at + 1
        needsComma = true
    }

    /// A logged callback from its parts, with one capacity check: `{"seq":N`, the head,
    /// the scene's id and state and the view controller's name (each a member when
    /// given), `tail` (`,"args":…`, or nothing) and `}`. `length` is the object's size,
    /// which its entry keeps (`LogSlot.cost`), so the room is not summed from the parts.
    mutating func appendCallback(
        seq: Int, _ parts: LoggedParts, tail: UnsafeBufferPointer<UInt8>, length: Int, _ previous: inout SeqDigits
    ) {
        reserve(1 + length)  // a comma and the object; the opening's 8-byte store ends within the digits
        let start = buffer.start
        let before = buffer.count
        var at = openSeq(seq, previous: &previous)
        func put(_ bytes: UnsafeBufferPointer<UInt8>) {
            if let base = bytes.baseAddress { Self.copy(to: start + at, from: base, count: bytes.count) }
            at += bytes.count
        }
        func put(_ text: StaticString) {
            Self.copyShort(to: start + at, from: text.utf8Start, count: text.utf8CodeUnitCount)
            at += text.utf8CodeUnitCount
        }
        put(parts.head)
        if let id = parts.sceneId {
            put(LoggedParts.sceneIdKey)
            put(id)
        }
        if let state = parts.sceneState {
            put(LoggedParts.sceneStateKey)
            start[at] = UInt8(ascii: "\"")
            at += 1
            put(state.wireName)
            start[at] = UInt8(ascii: "\"")
            at += 1
        }
        if let name = parts.viewController {
            put(LoggedParts.viewControllerKey)
            put(name)
        }
        put(tail)
        start[at] = UInt8(ascii: "}")
        assert(at + 1 - before <= 1 + length, "a logged callback longer than its entry says")
        buffer.count = at + 1
        needsComma = true
    }

    /// What a logged callback is written from besides its seq and arguments: its
    /// pre-encoded head and, when its receiver names them, its scene's id (a JSON
    /// string), state and view controller's name (a JSON string).
    struct LoggedParts {
        var head: UnsafeBufferPointer<UInt8>
        var sceneId: UnsafeBufferPointer<UInt8>?
        var sceneState: SceneState?
        var viewController: UnsafeBufferPointer<UInt8>?

        static let sceneIdKey: StaticString = #","sceneId":"#
        static let sceneStateKey: StaticString = #","sceneState":"#
        static let viewControllerKey: StaticString = #","viewController":"#
    }

    /// `,{"seq":N` (the comma if one is due) in room already reserved (29 bytes and one
    /// past them); returns where the digits end. An answer's callbacks are numbered in
    /// turn, so when `seq` follows `previous` its digits are the previous ones copied and
    /// incremented in place (a decimal conversion was a third of a callback's cost). The
    /// opening is one 8-byte store either way: `,{"seq":`, or `{"seq":` and a byte the
    /// digits overwrite.
    @inline(__always)
    private mutating func openSeq(_ seq: Int, previous: inout SeqDigits) -> Int {
        let start = buffer.start
        var at = buffer.count
        // A StaticString ends in a NUL byte, so the 7-byte opening reads as 8 bytes too.
        let opening: StaticString = needsComma ? #",{"seq":"# : #"{"seq":"#
        UnsafeMutableRawPointer(start + at).storeBytes(
            of: UnsafeRawPointer(opening.utf8Start).loadUnaligned(as: UInt64.self), as: UInt64.self)
        at += needsComma ? 8 : 7
        let digits =
            seq > 1 && seq - 1 == previous.seq
                && Self.copyIncremented(from: start + previous.at, count: previous.count, to: start + at)
            ? previous.count : Self.writeDecimal(seq, to: start + at)
        previous = SeqDigits(seq: seq, at: at, count: digits)
        return at + digits
    }

    /// Where a callback's seq was written (`openSeq`), for the next one to copy.
    struct SeqDigits {
        var seq = 0
        var at = 0
        var count = 0
    }

    /// Copies the `count` decimal digits at `source` to `target`, plus one; false (and
    /// `target` to be overwritten) when that needs one more digit (999 to 1000).
    @inline(__always)
    private static func copyIncremented(
        from source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>
    ) -> Bool {
        copyShort(to: target, from: source, count: count)
        var i = count - 1
        while i >= 0, target[i] == UInt8(ascii: "9") {
            target[i] = UInt8(ascii: "0")
            i -= 1
        }
        guard i >= 0 else { return false }
        target[i] += 1
        return true
    }

    /// Bytes that are already valid JSON, appended as they are (no comma): the pieces
    /// of logged callbacks, which need neither the generic path's closure nor a retain.
    @inline(__always)
    mutating func appendAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        append(base, count: bytes.count)
    }

    /// `appendAll` of an array's bytes.
    @inline(__always)
    mutating func appendAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendAll($0) }
    }

    /// Bytes that are already valid JSON, appended as they are (no comma).
    mutating func appendAll(_ value: some Collection<UInt8>) {
        if value.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) != nil { return }
        reserve(value.count)
        for b in value { append(b) }
    }

    /// Labelled: a plain `raw("null")` picks the `String` overload, which went through
    /// `String.withUTF8` for every `null`, `true` and `false` (bench/PROFILE.md).
    @inline(__always)
    private mutating func raw(literal text: StaticString) {
        separate()
        append(text)
        needsComma = true
    }

    private mutating func raw(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        needsComma = true
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { append(UInt8(ascii: ",")) }
    }

    private mutating func writeString(_ s: String) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) { return done }
        var text = s
        text.withUTF8 { appendQuoted($0) }
    }

    // MARK: - Bytes

    @inline(__always) private mutating func append(_ byte: UInt8) {
        reserve(1)
        buffer.start[buffer.count] = byte
        buffer.count += 1
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        append(base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    @inline(__always) private mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Short runs (names, literals, pre-encoded callback names) in words, longer ones by memcpy.
    @inline(__always) private mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        reserve(n)
        Self.copy(to: buffer.start + buffer.count, from: source, count: n)
        buffer.count += n
    }

    /// Up to 16 bytes by `copyShort`, up to 160 in 16-byte vectors (a callback's head is
    /// 50 to 100 bytes: a call to memcpy cost as much as the copy), longer runs by memcpy.
    @inline(__always)
    private static func copy(to target: UnsafeMutablePointer<UInt8>, from source: UnsafePointer<UInt8>, count n: Int) {
        if n <= 16 {
            copyShort(to: target, from: source, count: n)
        } else if n <= 160 {
            // 16-byte moves, the last one overlapping the one before.
            let t = UnsafeMutableRawPointer(target)
            let s = UnsafeRawPointer(source)
            var i = 0
            while i &+ 16 < n {
                t.storeBytes(
                    of: s.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self), toByteOffset: i,
                    as: SIMD16<UInt8>.self)
                i &+= 16
            }
            t.storeBytes(
                of: s.loadUnaligned(fromByteOffset: n &- 16, as: SIMD16<UInt8>.self), toByteOffset: n &- 16,
                as: SIMD16<UInt8>.self)
        } else {
            UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: n)
        }
    }

    /// Copies `count` bytes in 8-byte words, the last one overlapping the one before
    /// (4-byte words, or bytes, below 8): a key or an enum name in two to four moves,
    /// where a byte loop took four instructions a byte (bench/PROFILE.md).
    @inline(__always)
    static func copyShort(to target: UnsafeMutablePointer<UInt8>, from source: UnsafePointer<UInt8>, count n: Int) {
        let t = UnsafeMutableRawPointer(target)
        let s = UnsafeRawPointer(source)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                t.storeBytes(of: s.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i += 8
            }
            t.storeBytes(
                of: s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            t.storeBytes(of: s.loadUnaligned(as: UInt32.self), as: UInt32.self)
            t.storeBytes(
                of: s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
        } else {
            for i in 0..<n { target[i] = source[i] }
        }
    }

    /// How many characters `n` takes in decimal.
    static func decimalDigits(_ n: Int) -> Int {
        var digits = n < 0 ? 2 : 1
        var rest = n.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// A decimal integer, its digits written in place.
    private mutating func appendDecimal(_ n: Int) {
        reserve(20)
        buffer.count += Self.writeDecimal(n, to: buffer.start + buffer.count)
    }

    /// Writes `n` in decimal at `target`, which has room for 20 bytes; returns how many
    /// it wrote. Two digits at a time from `digitPairs`: a seq or a clock value in one to
    /// three steps (a digit at a time, counted by division first, was over 100
    /// instructions for a five-digit seq).
    @inline(__always)
    private static func writeDecimal(_ n: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = n.magnitude
        var digits = 1
        var power: UInt = 10
        while digits < 19, magnitude >= power {
            digits += 1
            power &*= 10
        }
        var start = target
        if n < 0 {
            start[0] = UInt8(ascii: "-")
            start += 1
        }
        let pairs = digitPairs.utf8Start
        var at = digits
        while magnitude >= 100 {
            let pair = Int(magnitude % 100) &* 2
            magnitude /= 100
            at -= 2
            start[at] = pairs[pair]
            start[at + 1] = pairs[pair + 1]
        }
        if magnitude >= 10 {
            let pair = Int(magnitude) &* 2
            start[at - 2] = pairs[pair]
            start[at - 1] = pairs[pair + 1]
        } else {
            start[at - 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude)
        }
        return n < 0 ? digits + 1 : digits
    }

    /// "00" to "99", two bytes each.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    private static let hex: StaticString = "0123456789abcdef"

    /// `utf8` as a JSON string: quoted, with `"`, `\` and control characters escaped.
    private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escape: the bytes before the first one that does are
        // copied in one go, and only the rest gets room for 6 bytes a byte (\u00XX).
        // Reserving that for the whole string made small writers (the journal's) grow
        // for a plain word (bench/PROFILE.md).
        var plain = 0
        while plain < utf8.count, !Self.needsEscape(utf8[plain]) { plain += 1 }
        reserve(plain + 2 + (utf8.count - plain) * 6)
        let start = buffer.start
        var at = buffer.count
        start[at] = UInt8(ascii: "\"")
        at += 1
        if let base = utf8.baseAddress, plain > 0 {
            Self.copy(to: start + at, from: base, count: plain)
            at += plain
        }
        for i in plain..<utf8.count {
            let b = utf8[i]
            guard Self.needsEscape(b) else {
                start[at] = b
                at += 1
                continue
            }
            start[at] = UInt8(ascii: "\\")
            switch b {
            case 0x0A:
                start[at + 1] = UInt8(ascii: "n")
                at += 2
            case 0x0D:
                start[at + 1] = UInt8(ascii: "r")
                at += 2
            case 0x09:
                start[at + 1] = UInt8(ascii: "t")
                at += 2
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                start[at + 1] = b
                at += 2
            default:
                let hex = Self.hex.utf8Start
                start[at + 1] = UInt8(ascii: "u")
                start[at + 2] = UInt8(ascii: "0")
                start[at + 3] = UInt8(ascii: "0")
                start[at + 4] = hex[Int(b >> 4)]
                start[at + 5] = hex[Int(b & 0xF)]
                at += 6
            }
        }
        start[at] = UInt8(ascii: "\"")
        buffer.count = at + 1
    }

    @inline(__always) private static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }
}

/// Where a `JSONWriter` writes: its bytes' start, how many are written, room for how many.
struct JSONBuffer {
    var start: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.start = start
        self.capacity = capacity
    }
}

/// The memory of a `JSONWriter`, freed with the last writer that uses it: the bytes are
/// stored in the object itself (one allocation; a class holding a malloc'd buffer was
/// two for every writer, bench/PROFILE.md). The header is the capacity asked for.
final class JSONStorage: ManagedBuffer<Int, UInt8> {
    static func make(capacity: Int) -> JSONStorage {
        unsafeDowncast(create(minimumCapacity: capacity) { _ in capacity }, to: JSONStorage.self)
    }

    /// Where the bytes start: inside this object, so the address holds as long as the
    /// object lives (the writer keeps it).
    var start: UnsafeMutablePointer<UInt8> { withUnsafeMutablePointerToElements { $0 } }
}
