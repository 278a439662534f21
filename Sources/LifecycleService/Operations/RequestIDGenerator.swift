import ServiceHTTP
import Synchronization

/// Request ids: the client's `X-Request-Id` when it is usable, else a fresh one.
///
/// A fresh id is this process's random prefix and a counter (`5f0c9a31-1b`): unique
/// across instances without a random draw per request.
final class RequestIDGenerator: Sendable {
    /// Longest client id echoed; a longer one (or one with spaces or control
    /// characters, which could forge log fields) is replaced.
    static let maxLength = 200

    private let prefix: String
    private let counter = Atomic<UInt64>(0)

    init() {
        prefix = String(UInt32.random(in: .min ... .max), radix: 16).leftPadded(to: 8)
    }

    /// The request's own id if it is 1 to 200 visible ASCII characters, else a new one.
    func id(for request: ServiceRequest) -> String {
        if let sent = request.headerValue("X-Request-Id"), Self.isUsable(sent) { return sent }
        return generate()
    }

    func generate() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        // Written into one String's storage: the concatenation of three Strings was
        // most of a request id's cost (bench/PROFILE.md).
        var digits = 1
        var rest = n >> 4
        while rest > 0 {
            digits += 1
            rest >>= 4
        }
        let prefixBytes = prefix.utf8
        return String(unsafeUninitializedCapacity: prefixBytes.count + 1 + digits) { out in
            var at = 0
            for b in prefixBytes {
                out[at] = b
                at += 1
            }
            out[at] = UInt8(ascii: "-")
            var value = n
            for i in stride(from: at + digits, to: at, by: -1) {
                out[i] = Self.hexDigits[Int(value & 0xF)]
                value >>= 4
            }
            return at + 1 + digits
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func isUsable(_ id: String) -> Bool {
        let bytes = id.utf8
        return !bytes.isEmpty && bytes.count <= maxLength && bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
