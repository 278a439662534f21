import MHDServer
import Synchronization

/// One line per answered request on standard error: `METHOD PATH STATUS 0.12ms`.
///
/// Lines are gathered in memory and written in batches (every `flushInterval`, or
/// when `batchBytes` are waiting): one write(2) per request cost about 15 % of the
/// action endpoint's throughput under load.
final class AccessLog: Sendable {
    static let flushInterval = 0.05
    static let batchBytes = 32 << 10

    private let descriptor: Int32
    private let pending = Mutex<[UInt8]>([])

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ entry: AccessLogEntry) {
        let hundredths = (entry.durationNanoseconds + 5_000) / 10_000  // of a millisecond, rounded
        let fraction = hundredths % 100 < 10 ? "0\(hundredths % 100)" : "\(hundredths % 100)"
        let line = "\(Self.printable(entry.method)) \(Self.printable(entry.path)) \(entry.status) "
            + "\(hundredths / 100).\(fraction)ms\n"
        let batch: [UInt8]? = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            guard buffer.count >= Self.batchBytes else { return nil }
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let batch { writeAll(batch, to: descriptor) }
    }

    /// Writes what is waiting (the timer and the shutdown call this).
    func flush() {
        let batch = pending.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if !batch.isEmpty { writeAll(batch, to: descriptor) }
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
