extension AppSnapshot {
    /// Changes the observers' memory in place with `body`; nil (and `body` not run)
    /// without observers.
    @discardableResult
    mutating func changeObservers<R>(_ body: (inout ObserverSnapshot) -> R) -> R? {
        observerMemory?.update(body)
    }

    /// Replaces the observers' memory.
    mutating func replaceObservers(_ value: ObserverSnapshot) {
        observerMemory = CopyOnWrite(value)
    }
}
