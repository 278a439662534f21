import ServiceHTTP
import Synchronization

/// The lock of the service's shared state: the session store's shards and sessions,
/// the interned names, the journals' bookkeeping.
///
/// `Synchronization.Mutex` in the shipped build: its uncontended lock and unlock are an
/// inline atomic each, about 110 instructions a request fewer than `PThreadLock`'s two
/// pthread calls (bench/PROFILE.md, perf-store). But on Linux it waits on a futex the
/// thread sanitizer cannot see, so under TSan every access it orders looks like a race.
/// `make tsan` therefore builds with `-DTSAN_VISIBLE_LOCKS`, which puts a
/// `PThreadLock` (a pthread mutex, which TSan sees) in its place: the same lock taken
/// at the same places, so TSan checks the store's real locking discipline, with no
/// suppression that could hide a real race.
#if TSAN_VISIBLE_LOCKS
    typealias StoreLock<Value: ~Copyable> = PThreadLock<Value>
#else
    typealias StoreLock<Value: ~Copyable> = Mutex<Value>
#endif
