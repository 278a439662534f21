import Synchronization

/// The bytes the process holds on behalf of clients, against one limit (`--max-memory`):
/// session logs (the service), request bodies being received and responses not yet
/// sent (the bridge).
///
/// Over the limit, whatever would add a large amount is refused with `refusal`
/// (503 with `Retry-After`); amounts up to `smallAmount` always pass, so that small
/// requests (health checks, deletes, reads) keep being answered while it is full.
public final class MemoryBudget: Sendable {
    /// The limit in bytes.
    public let limit: Int
    /// Bodies and responses up to this size are never refused (they are still counted).
    public let smallAmount: Int
    /// The answer to a request refused for memory, built afresh on each read (so that
    /// it carries its own request id).
    public var refusal: ServiceResponse { refuse() }
    private let refuse: @Sendable () -> ServiceResponse
    private let used = Atomic<Int>(0)
    private let released = Atomic<Int>(0)

    /// A budget whose refusal `refuse` builds per refused request.
    public init(limit: Int, smallAmount: Int = 64 << 10, refuse: @escaping @Sendable () -> ServiceResponse) {
        self.limit = limit
        self.smallAmount = smallAmount
        self.refuse = refuse
    }

    /// Bytes counted right now.
    public var bytesUsed: Int { used.load(ordering: .relaxed) }

    /// Whether the limit is reached.
    public var isExhausted: Bool { bytesUsed >= limit }

    /// Counts `bytes` unconditionally (memory already held).
    public func charge(_ bytes: Int) {
        if bytes != 0 { used.wrappingAdd(bytes, ordering: .relaxed) }
    }

    /// Stops counting `bytes`.
    public func release(_ bytes: Int) {
        if bytes != 0 {
            used.wrappingSubtract(bytes, ordering: .relaxed)
            released.wrappingAdd(bytes, ordering: .relaxed)
        }
    }

    /// Bytes released since the last call (to decide when to hand memory back to the system).
    public func takeReleased() -> Int {
        released.exchange(0, ordering: .relaxed)
    }

    /// Bytes released since `takeReleased` was last called.
    public var bytesReleased: Int { released.load(ordering: .relaxed) }

    /// Counts `bytes` if they fit under the limit (or are small); false, counting
    /// nothing, if they do not.
    public func tryCharge(_ bytes: Int) -> Bool {
        let after = used.wrappingAdd(bytes, ordering: .relaxed).newValue
        if bytes <= smallAmount || after <= limit { return true }
        used.wrappingSubtract(bytes, ordering: .relaxed)
        return false
    }
}
