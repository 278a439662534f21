import Synchronization

/// A fixed set of counters, each split into per-thread shards that are summed when read.
///
/// Incrementing touches one relaxed atomic in the calling thread's shard: no lock, and
/// threads seldom share a cache line. Reading (a scrape) adds up every shard, so it may
/// miss increments racing with it, but never goes backwards.
final class CounterBlock: @unchecked Sendable {
    // @unchecked: the cells are atomics in memory allocated once and freed in deinit;
    // nothing else is mutable.
    static let shardCount = 16

    let width: Int
    /// Cells per shard, rounded up to a whole number of 64-byte lines.
    private let stride: Int
    private let cells: UnsafeMutablePointer<Atomic<Int>>

    init(width: Int) {
        self.width = width
        self.stride = (width + 7) / 8 * 8
        let total = stride * Self.shardCount
        cells = .allocate(capacity: total)
        for i in 0..<total { (cells + i).initialize(to: Atomic(0)) }
    }

    deinit {
        cells.deinitialize(count: stride * Self.shardCount)
        cells.deallocate()
    }

    /// Adds `amount` to counter `index` (0 ..< width).
    @inline(__always)
    func add(_ index: Int, _ amount: Int = 1) {
        precondition(index >= 0 && index < width)
        cells[Self.currentShard() * stride + index].wrappingAdd(amount, ordering: .relaxed)
    }

    /// The sum over every shard of counter `index`.
    func value(_ index: Int) -> Int {
        var sum = 0
        for shard in 0..<Self.shardCount {
            sum &+= cells[shard * stride + index].load(ordering: .relaxed)
        }
        return sum
    }

    /// The calling thread's shard: a hash of its thread id, so that a thread always
    /// uses the same shard and different threads mostly use different ones.
    @inline(__always)
    static func currentShard() -> Int {
        let id = threadIdentity()
        return Int(truncatingIfNeeded: (UInt64(id) &* 0x9E37_79B9_7F4A_7C15) >> 60) & (shardCount - 1)
    }
}

#if canImport(Glibc)
    import Glibc
    @inline(__always) private func threadIdentity() -> UInt { UInt(pthread_self()) }
#elseif canImport(Darwin)
    import Darwin
    @inline(__always) private func threadIdentity() -> UInt { UInt(bitPattern: pthread_self()) }
#endif
