extension SessionStore {
    /// Forgets every session (`DELETE /v1/sessions`); returns how many there were.
    ///
    /// One shard at a time, like `sweep`: a session created meanwhile in a shard
    /// already emptied survives, as if it had been created just after the reset.
    @discardableResult
    func removeAll() -> Int {
        var removed = 0
        for shard in shards {
            let boxes = shard.sessions.withLock { dict in
                defer { dict.removeAll(keepingCapacity: true) }
                return Array(dict.values)
            }
            for box in boxes {
                count.wrappingSubtract(1, ordering: .relaxed)
                // An action that raced the reset and still holds the box fails with 404.
                box.session.withLock { $0.isDeleted = true }
            }
            removed += boxes.count
        }
        return removed
    }
}
