/// A value kept behind one reference and copied only when a copy that shares it
/// changes: copying what holds it is then one retain, whatever the value's size.
/// `AppSnapshot` keeps the observers' memory this way, so that a session without
/// observers pays nothing for them and one with observers copies them only when a
/// shared snapshot changes.
struct CopyOnWrite<Value: Sendable & Equatable>: Sendable, Equatable {
    /// One element: `Array` is the standard library's copy-on-write storage.
    private var storage: [Value]

    init(_ value: Value) {
        storage = [value]
    }

    /// The value, read in place.
    var value: Value {
        _read { yield storage[0] }
    }

    /// Changes the value with `body`, in place when no copy shares it.
    mutating func update<R>(_ body: (inout Value) -> R) -> R {
        body(&storage[0])
    }
}
