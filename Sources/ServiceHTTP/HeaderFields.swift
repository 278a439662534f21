/// A request's header fields as received: every name and value, in order, as bytes in
/// one allocation.
///
/// Why bytes: the bridge copies what libmicrohttpd holds with one allocation a request,
/// and a lookup compares bytes; only a value that is asked for becomes a `String`. An
/// array of `(name, value)` Strings cost two Strings a header and the array's
/// destruction tuple by tuple (bench/PROFILE.md, "The bridge's request headers").
///
/// Layout, per field: the name's and the value's byte counts (one 8-byte word, the
/// name's in its low half, in the machine's order), then the name's bytes, then the value's.
public struct HeaderFields: Sendable {
    /// The bytes, in memory of their own (nil without fields). Never changed once made,
    /// so sharing it between threads is safe (`ManagedBuffer` is not `Sendable`).
    nonisolated(unsafe) private let storage: Storage?
    /// How many fields there are.
    public let count: Int
    #if DEBUG
        /// Debug builds: the names a bridge looked up when it handed over only those
        /// headers (`selecting(_:)`); nil when every header is here. Asking for another
        /// name is a bug: the handler reads a header it did not list.
        private var selection: [String]?
    #endif

    /// A class with its bytes in its own allocation: a `[UInt8]` made here looked up its
    /// generic storage class's metadata for each request (about 360 instructions).
    private final class Storage: ManagedBuffer<Int, UInt8> {}

    /// No fields.
    public init() {
        storage = nil
        count = 0
    }

    /// The fields of `pairs`, in their order.
    public init(_ pairs: [(name: String, value: String)]) {
        let capacity = pairs.reduce(0) { $0 + 8 + $1.name.utf8.count + $1.value.utf8.count }
        self.init(capacity: capacity) { writer in
            for (name, value) in pairs {
                var name = name
                var value = value
                name.withUTF8 { name in
                    value.withUTF8 { value in
                        writer.append(name: UnsafeRawBufferPointer(name), value: UnsafeRawBufferPointer(value))
                    }
                }
            }
        }
    }

    /// Fields written in place by `fill` into room for `capacity` bytes (8 a field plus
    /// its name and value): how the bridge copies a request's headers with one allocation.
    /// When they do not fit, `fill` runs again with twice the room.
    public init(capacity: Int, _ fill: (inout Writer) -> Void) {
        var room = capacity
        while true {
            let storage = unsafeDowncast(Storage.create(minimumCapacity: room) { _ in 0 }, to: Storage.self)
            let writer = storage.withUnsafeMutablePointerToElements { base in
                var writer = Writer(UnsafeMutableBufferPointer(start: base, count: room))
                fill(&writer)
                return writer
            }
            if !writer.overflowed {
                storage.header = writer.used
                self.storage = writer.count == 0 ? nil : storage
                count = writer.count
                return
            }
            room = max(64, room * 2)
        }
    }

    /// These fields as the only ones of `names` a request carries, its other headers
    /// left out: in debug builds a lookup of a name not in `names` stops the program
    /// (release builds return these fields unchanged).
    public func selecting(_ names: [String]) -> HeaderFields {
        #if DEBUG
            var fields = self
            fields.selection = names
            return fields
        #else
            return self
        #endif
    }

    /// Writes fields into the memory of a `HeaderFields` being made.
    public struct Writer {
        private let buffer: UnsafeMutableBufferPointer<UInt8>
        fileprivate private(set) var used = 0
        fileprivate private(set) var count = 0
        /// A field did not fit: the fields are written again into more room.
        fileprivate private(set) var overflowed = false

        fileprivate init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
            self.buffer = buffer
        }

        /// Adds one field at the end.
        public mutating func append(name: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer) {
            guard !overflowed, let base = buffer.baseAddress, buffer.count - used >= 8 + name.count + value.count
            else {
                overflowed = true
                return
            }
            let counts =
                UInt64(UInt32(truncatingIfNeeded: name.count)) | UInt64(UInt32(truncatingIfNeeded: value.count)) << 32
            let field = UnsafeMutableRawPointer(base + used)
            field.storeBytes(of: counts, as: UInt64.self)
            // copyMemory is memcpy (`update(from:count:)` copies a byte at a time).
            if let start = name.baseAddress { (field + 8).copyMemory(from: start, byteCount: name.count) }
            if let start = value.baseAddress {
                (field + 8 + name.count).copyMemory(from: start, byteCount: value.count)
            }
            used += 8 + name.count + value.count
            count += 1
        }
    }

    /// The fields as Strings, in order (invalid UTF-8 repaired).
    public var pairs: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(count)
        forEach { name, value in
            pairs.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        return pairs
    }

    /// The first value of the field called `name`, compared without regard to ASCII
    /// case (how HTTP compares field names, RFC 9110 section 5.1).
    func value(named name: UnsafeBufferPointer<UInt8>) -> String? {
        #if DEBUG
            if let selection {
                precondition(
                    selection.contains { String(decoding: name, as: UTF8.self).equalsIgnoringASCIICase($0) },
                    "header \"\(String(decoding: name, as: UTF8.self))\" was not among the headers handed over "
                        + "(\(selection)): list it with the ones the handler reads")
            }
        #endif
        var found: String?
        forEach { fieldName, value in
            guard found == nil, fieldName.count == name.count,
                String.equalFolded(fieldName.assumingMemoryBound(to: UInt8.self), name)
            else { return }
            found = String(decoding: value, as: UTF8.self)
        }
        return found
    }

    /// Calls `body` with each field's name and value bytes, in order.
    @inline(__always)
    func forEach(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        storage?.withUnsafeMutablePointers { used, base in
            let end = used.pointee
            var at = 0
            while at + 8 <= end {
                let field = UnsafeRawPointer(base + at)
                let counts = field.loadUnaligned(as: UInt64.self)
                let nameCount = Int(truncatingIfNeeded: counts & 0xFFFF_FFFF)
                let valueCount = Int(truncatingIfNeeded: counts >> 32)
                body(
                    UnsafeRawBufferPointer(start: field + 8, count: nameCount),
                    UnsafeRawBufferPointer(start: field + 8 + nameCount, count: valueCount))
                at += 8 + nameCount + valueCount
            }
        }
    }
}
