// libFuzzer's per-input callback. FUZZ_TARGET picks the stage (json, action, config,
// route); an input that takes longer than FUZZ_SLOW_MS (default 100) traps, so
// libFuzzer keeps it as a crash (libFuzzer's own -timeout counts whole seconds).
import Foundation
import LifecycleService

private let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "json"
private let slowNanos = UInt64(ProcessInfo.processInfo.environment["FUZZ_SLOW_MS"].flatMap(Int.init) ?? 100) * 1_000_000
/// Runs the stage on one input; false when the input reached work that is slow by
/// design (FuzzEntry.route says which), so the slow-input rule does not apply to it.
private let stage: @Sendable ([UInt8]) -> Bool =
    switch target {
    case "action":
        {
            FuzzEntry.action($0)
            return true
        }
    case "config":
        {
            FuzzEntry.config($0)
            return true
        }
    case "route": FuzzEntry.route
    default:
        {
            FuzzEntry.json($0)
            return true
        }
    }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // CPU time of this thread, not wall time: a busy machine must not make an input "slow".
    let start = threadCPUNanos()
    let timed = stage(bytes)
    let elapsed = threadCPUNanos() &- start
    if timed, elapsed > slowNanos {
        fatalError("slow input: \(elapsed / 1_000_000) ms for \(size) bytes (limit \(slowNanos / 1_000_000) ms)")
    }
    return 0
}

private func threadCPUNanos() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
