import LifecycleModel

/// A callback with its per-session sequence number.
struct LoggedCallback: Sendable {
    var seq: Int
    var callback: Callback
}

/// A session's callback log: seq 1, 2, 3 … across all actions, keeping the newest
/// `capacity` (`--max-log`) and counting the ones dropped.
struct CallbackLog: Sendable {
    let capacity: Int
    /// Ring storage; `head` is the index of the oldest kept callback once full.
    private var ring: [LoggedCallback] = []
    private var head = 0
    /// The seq of the newest callback (0 when none yet).
    private(set) var lastSeq = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Callbacks no longer kept (the oldest ones).
    var dropped: Int { lastSeq - ring.count }

    /// Numbers and keeps `callbacks`; returns them numbered, in order.
    mutating func append(_ callbacks: [Callback]) -> [LoggedCallback] {
        var numbered: [LoggedCallback] = []
        numbered.reserveCapacity(callbacks.count)
        for c in callbacks {
            lastSeq += 1
            let entry = LoggedCallback(seq: lastSeq, callback: c)
            numbered.append(entry)
            if ring.count < capacity {
                ring.append(entry)
            } else {
                ring[head] = entry
                head = (head + 1) % capacity
            }
        }
        return numbered
    }

    /// Up to `limit` kept callbacks with seq > `after`, oldest first.
    func page(after: Int, limit: Int) -> [LoggedCallback] {
        guard after < lastSeq else { return [] }  // also keeps `after + 1` from overflowing
        let firstKept = dropped + 1
        let from = max(after + 1, firstKept)
        guard from <= lastSeq, limit > 0 else { return [] }
        let count = min(limit, lastSeq - from + 1)
        var out: [LoggedCallback] = []
        out.reserveCapacity(count)
        for seq in from..<(from + count) {
            out.append(ring[(head + (seq - firstKept)) % ring.count])
        }
        return out
    }
}
