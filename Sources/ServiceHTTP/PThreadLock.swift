#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value behind a `pthread_mutex_t`.
///
/// Used instead of `Synchronization.Mutex` for state shared between threads (the
/// bridge's, the executable's, the session store's) because the thread sanitizer sees
/// pthread locks (it does not see the futex `Mutex` uses on Linux), so `make tsan` can
/// check this code without suppressions. Here, in ServiceHTTP, so that the service and
/// the bridge both have it. Inlinable: the session store takes one on every request,
/// and an unspecialized generic call across modules would cost more than the lock.
/// Unchecked sendability: the lock makes it true; the value is reached only inside
/// `withLock`, with the mutex held.
public final class PThreadLock<Value: ~Copyable>: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    @inlinable
    public init(_ value: consuming Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock.
    @inlinable
    public func withLock<R: ~Copyable, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
