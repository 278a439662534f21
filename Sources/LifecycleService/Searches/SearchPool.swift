import Dispatch
import Foundation
import ServiceHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The threads searches run on, away from the HTTP workers, and the short queue in
/// front of them (`--search-threads`, `--search-queue`).
///
/// A request that needs a search first takes a place (`reserve`): a free thread or a
/// place in the queue, else it is refused at once (503 with `Retry-After`) rather than
/// left waiting behind searches that may each take a CPU deadline. Threads start when
/// work comes and end after `idleSeconds` without any, so a service that never searches
/// holds none.
///
/// They run at a lower priority than the rest of the process (nice +10): on a machine
/// whose cores the searches fill, a cheap request's thread still gets a core as soon as
/// it wakes. On Linux the nice value is a thread's own (setpriority(2), [LINUX-MAN]).
final class SearchPool: Sendable {
    /// Threads at most.
    let threads: Int
    /// Reserved places not yet running, at most.
    let queueLimit: Int
    /// A thread with nothing to do for this long ends.
    static let idleSeconds = 10.0
    /// The nice value the threads run at.
    static let niceness: Int32 = 10

    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        /// Places reserved and not yet started (their job may not be submitted yet).
        var waiting = 0
        var running = 0
        var threads = 0
        var idleThreads = 0
    }

    private let state = PThreadLock(State())
    /// One signal a submitted job.
    private let submitted = DispatchSemaphore(value: 0)

    init(threads: Int, queueLimit: Int) {
        self.threads = max(1, threads)
        self.queueLimit = max(0, queueLimit)
    }

    /// Searches running now.
    var running: Int { state.withLock { $0.running } }
    /// Searches admitted and waiting for a thread.
    var waiting: Int { state.withLock { $0.waiting } }

    /// Takes a place for one search: true when a thread is free or the queue has room.
    func reserve() -> Bool {
        state.withLock { state in
            guard state.running + state.waiting < threads + queueLimit else { return false }
            state.waiting += 1
            return true
        }
    }

    /// Runs `job` on a search thread, in a place `reserve` took.
    func submit(_ job: @escaping @Sendable () -> Void) {
        let spawn = state.withLock { state -> Bool in
            state.jobs.append(job)
            guard state.idleThreads == 0, state.threads < threads else { return false }
            state.threads += 1
            return true
        }
        submitted.signal()
        if spawn { startThread() }
    }

    private func startThread() {
        let thread = Thread { [self] in
            #if os(Linux)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            #endif
            work()
        }
        thread.name = "lifecycled.search"
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func work() {
        while true {
            state.withLock { $0.idleThreads += 1 }
            let signalled = submitted.wait(timeout: .now() + Self.idleSeconds) == .success
            let job = state.withLock { state -> (@Sendable () -> Void)?? in
                state.idleThreads -= 1
                guard signalled else {
                    // Idle: end, unless a job came as the wait ended (its signal is still due).
                    if state.head < state.jobs.count { return .some(nil) }
                    state.threads -= 1
                    return nil
                }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head == state.jobs.count {
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                state.waiting -= 1
                state.running += 1
                return .some(job)
            }
            guard let job else { return }
            guard let job else { continue }
            job()
            state.withLock { $0.running -= 1 }
        }
    }
}
