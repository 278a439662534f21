import Dispatch
import Foundation
import MHDServer

/// Standard error, written by a thread of its own so that no worker ever blocks on it.
///
/// Lines wait in a bounded buffer (`capacity` bytes) and the writer thread sends
/// them in batches (one write(2) per request cost about 15 % of the action
/// endpoint's throughput). When the sink is slower than the server (a pipe
/// nobody reads), the buffer fills and further lines are dropped and counted:
/// once the sink takes data again the writer adds
/// `lifecycled: access log: N lines dropped (standard error was not being read)`,
/// and `finish` reports the total at shutdown.
final class StderrLog: Sendable {
    static let flushInterval = 0.05
    static let batchBytes = 32 << 10
    /// Bytes held while the sink is not taking them.
    static let capacity = 256 << 10

    private struct State {
        var buffer: [UInt8] = []
        /// Dropped since the last report.
        var dropped = 0
        var droppedTotal = 0
        var finishing = false
    }

    private let descriptor: Int32
    private let state = PThreadLock(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(descriptor: Int32) {
        self.descriptor = descriptor
        let thread = Thread { [self] in run() }
        thread.name = "lifecycled.stderr"
        thread.start()
    }

    /// One access-log line (dropped when the buffer is full).
    func write(_ entry: AccessLogEntry) {
        let hundredths = (entry.durationNanoseconds + 5_000) / 10_000  // of a millisecond, rounded
        let fraction = hundredths % 100 < 10 ? "0\(hundredths % 100)" : "\(hundredths % 100)"
        line("\(Self.printable(entry.method)) \(Self.printable(entry.path)) \(entry.status) "
             + "\(hundredths / 100).\(fraction)ms")
    }

    /// Appends `text` and a newline; drops it (and counts it) when the buffer is full.
    func line(_ text: String) {
        let bytes = text.utf8.count + 1
        let wakeWriter = state.withLock { state -> Bool in
            guard state.buffer.count + bytes <= Self.capacity else {
                state.dropped += 1
                state.droppedTotal += 1
                return false
            }
            state.buffer.append(contentsOf: text.utf8)
            state.buffer.append(UInt8(ascii: "\n"))
            return state.buffer.count >= Self.batchBytes && state.buffer.count - bytes < Self.batchBytes
        }
        if wakeWriter { wake.signal() }
    }

    /// Lines dropped since start.
    var droppedTotal: Int { state.withLock { $0.droppedTotal } }

    /// Writes what is waiting, plus `lastLine` and the count of dropped lines if
    /// any, waiting at most `timeout` seconds (the sink may never take them).
    func finish(lastLine: String? = nil, timeout: Double = 1) {
        state.withLock { state in
            if let lastLine {
                state.buffer.append(contentsOf: lastLine.utf8)
                state.buffer.append(UInt8(ascii: "\n"))
            }
            if state.droppedTotal > 0 {
                state.buffer.append(contentsOf: "lifecycled: access log: \(state.droppedTotal) lines dropped in all (standard error was not being read)\n".utf8)
                state.dropped = 0
            }
            state.finishing = true
        }
        wake.signal()
        _ = finished.wait(timeout: .now() + timeout)
    }

    private func run() {
        while true {
            _ = wake.wait(timeout: .now() + Self.flushInterval)
            let (batch, dropped, finishing) = state.withLock { state in
                defer {
                    state.buffer.removeAll(keepingCapacity: true)
                    state.dropped = 0
                }
                return (state.buffer, state.dropped, state.finishing)
            }
            if !batch.isEmpty { writeAll(batch, to: descriptor) }
            if dropped > 0 {
                // The sink took the batch again: say what was lost meanwhile.
                writeAll(Array("lifecycled: access log: \(dropped) lines dropped (standard error was not being read)\n".utf8),
                         to: descriptor)
            }
            if finishing {
                finished.signal()
                return
            }
        }
    }

    /// Escapes control bytes, so that a decoded `%0A` in a path cannot forge log lines.
    private static func printable(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                result += scalar.value < 0x10 ? "\\x0\(hex)" : "\\x\(hex)"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
