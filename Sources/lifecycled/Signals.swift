#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM, blocked in the calling thread (and so in every thread it
/// starts afterwards) and received synchronously with `sigwait`.
struct StopSignals {
    private var set = sigset_t()

    /// Blocks the signals; create it before starting any thread.
    init() {
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Returns once SIGINT or SIGTERM has arrived, with its name.
    @discardableResult
    func wait() -> String {
        var set = self.set
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 || (received != SIGINT && received != SIGTERM) {}
        return received == SIGINT ? "SIGINT" : "SIGTERM"
    }
}
