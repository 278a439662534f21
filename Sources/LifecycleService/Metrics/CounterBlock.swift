import Synchronization

/// A fixed set of counters, each split into per-thread shards that are summed when read.
///
/// Incrementing touches one relaxed atomic in the calling thread's shard: no lock, and
/// threads seldom share a counter. Reading (a scrape) adds up every shard, so it may
/// miss increments racing with it, but never goes backwards.
final class CounterBlock: Sendable {
    static let shardCount = 16

    /// One counter of one shard: an atomic in an object of its own, so that the block is
    /// `Sendable` by its types (an array cannot hold an `Atomic`, which is not copyable).
    private final class Cell: Sendable {
        let count = Atomic<Int>(0)
    }

    let width: Int
    /// Shard after shard, `width` cells each.
    private let cells: [Cell]

    init(width: Int) {
        self.width = width
        cells = (0..<width * Self.shardCount).map { _ in Cell() }
    }

    /// Adds `amount` to counter `index` (0 ..< width).
    @inline(__always)
    func add(_ index: Int, _ amount: Int = 1) {
        precondition(index >= 0 && index < width)
        cells[Self.currentShard() * width + index].count.wrappingAdd(amount, ordering: .relaxed)
    }

    /// The sum over every shard of counter `index`.
    func value(_ index: Int) -> Int {
        var sum = 0
        for shard in 0..<Self.shardCount {
            sum &+= cells[shard * width + index].count.load(ordering: .relaxed)
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
