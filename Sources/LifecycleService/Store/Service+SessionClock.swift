import Foundation

extension Service {
    /// The session store's default clock, for session expiry: monotonic nanoseconds at
    /// the kernel tick's resolution (a few ms at most, nothing next to a TTL of seconds).
    /// `CLOCK_MONOTONIC_COARSE` reads the tick the vDSO keeps, no hardware counter:
    /// cheaper than `DispatchTime.now()`, which `find` paid once a request
    /// (bench/PROFILE.md, perf-store).
    public static func sessionClock() -> UInt64 {
        var now = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_MONOTONIC_COARSE, &now)
        #else
            clock_gettime(CLOCK_MONOTONIC, &now)
        #endif
        return UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: now.tv_nsec)
    }
}
