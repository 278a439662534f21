extension SessionStore {
    /// Forgets every session (`DELETE /v1/sessions`); returns how many there were.
    ///
    /// Shard by shard, each id through `remove` (which keeps the count and marks the
    /// session deleted, so an action that raced the reset fails with 404). A session
    /// created meanwhile in a shard already passed survives, as if created just after.
    @discardableResult
    func removeAll() -> Int {
        var removed = 0
        for shard in shards {
            let ids = shard.sessions.withLock { $0.byId.values.map(\.id) }
            for id in ids where remove(id) { removed += 1 }
        }
        return removed
    }
}
