#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The monotonic clock in nanoseconds, read with `clock_gettime` directly (the vDSO on
/// Linux): `DispatchTime.now()` reads the same clock through libdispatch, at several
/// times the cost, and the request path reads it more than once.
/// One definition for the bridge (deadlines, the access log's durations) and the
/// service (latency, session expiry).
public enum MonotonicClock {
    /// Nanoseconds from an arbitrary fixed point.
    public static func nanoseconds() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    /// The same at the kernel tick's resolution (a few ms at most), where the kernel
    /// offers it (`CLOCK_MONOTONIC_COARSE`): the tick the vDSO keeps, with no read of
    /// the hardware counter. For timeouts counted in seconds.
    public static func coarseNanoseconds() -> UInt64 {
        #if os(Linux)
            read(CLOCK_MONOTONIC_COARSE)
        #else
            read(CLOCK_MONOTONIC)
        #endif
    }

    private static func read(_ clock: clockid_t) -> UInt64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return UInt64(truncatingIfNeeded: now.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: now.tv_nsec)
    }
}
