import LifecycleModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One empty callback list per thread, lent to the model for each action
/// (`Simulator.apply(_:updating:recordingInto:)`) and taken back emptied: an observed
/// action's list is a block of 32 callbacks, and allocating and freeing it for every
/// action took the allocator's slow path (issue #20, bench/PROFILE.md). Per thread, not
/// per session (a spare list per session would be memory an idle session keeps) and not
/// shared (a shared pool would need a lock or atomics). Threads are libmicrohttpd's
/// workers, a fixed pool, so the lists stay few.
enum SpareCallbacks {
    /// A list that grew past this (a long `moveTo`) is freed rather than kept.
    static let keptCapacity = 256

    /// The thread's slot: a pointer to its list, freed with the thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { value in
            // Optional on Glibc, not on Darwin.
            let list: UnsafeMutableRawPointer? = value
            guard let list else { return }
            let typed = list.assumingMemoryBound(to: [Callback].self)
            typed.deinitialize(count: 1)
            typed.deallocate()
        }
        precondition(made == 0, "pthread_key_create failed")
        return key
    }()

    /// The thread's spare list (empty, with its capacity), or a new empty one.
    static func take() -> [Callback] {
        guard let slot = pthread_getspecific(key) else { return [] }
        var list: [Callback] = []
        swap(&list, &slot.assumingMemoryBound(to: [Callback].self).pointee)
        return list
    }

    /// Keeps `list`, emptied, as the thread's spare.
    static func giveBack(_ list: inout [Callback]) {
        guard list.capacity <= keptCapacity else { return }
        list.removeAll(keepingCapacity: true)
        if let slot = pthread_getspecific(key) {
            swap(&list, &slot.assumingMemoryBound(to: [Callback].self).pointee)
            return
        }
        let slot = UnsafeMutablePointer<[Callback]>.allocate(capacity: 1)
        slot.initialize(to: [])
        swap(&list, &slot.pointee)
        pthread_setspecific(key, slot)
    }
}
