import ServiceHTTP

extension Service {
    /// The session store's default clock, for session expiry: monotonic nanoseconds at
    /// the kernel tick's resolution (a few ms at most, nothing next to a TTL of seconds),
    /// cheaper than `DispatchTime.now()`, which `find` paid once a request.
    public static func sessionClock() -> UInt64 {
        MonotonicClock.coarseNanoseconds()
    }
}
