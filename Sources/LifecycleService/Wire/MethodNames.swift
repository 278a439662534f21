import LifecycleModel

/// Every callback method's JSON string (quoted), encoded once for the whole process and
/// indexed by `CallbackMethod.index`: a logged callback keeps its two-byte method and is
/// written from these bytes (bench/PROFILE.md, perf-apply).
enum MethodNames {
    /// One entry per method; built on first use, never freed (the process's lifetime).
    /// A pointer rather than an array of arrays: reading an entry retains nothing. Written
    /// once, inside the lazy initializer, and only read after: safe to share.
    nonisolated(unsafe) private static let table: UnsafePointer<UnsafeBufferPointer<UInt8>> = {
        let table = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: CallbackMethod.count)
        for m in CallbackMethod.allCases {
            var w = JSONWriter(capacity: m.name.utf8.count + 8)
            w.string(m.name)
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: w.count)
            _ = bytes.initialize(from: w.bytes)
            (table + m.index).initialize(to: UnsafeBufferPointer(bytes))
        }
        return UnsafePointer(table)
    }()

    /// `method`'s name as a JSON string, with its quotes.
    static func encoded(_ method: CallbackMethod) -> UnsafeBufferPointer<UInt8> {
        table[method.index]
    }
}
