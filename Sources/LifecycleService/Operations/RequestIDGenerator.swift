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

    /// The prefix's 8 hex digits as they lie in memory, written with one store.
    private let prefix: UInt64
    private let counter = Atomic<UInt64>(0)

    init() {
        let digits = Array(String(UInt32.random(in: .min ... .max), radix: 16).leftPadded(to: 8).utf8)
        prefix = digits.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    /// The request's own id if it is 1 to 200 visible ASCII characters, else a new one.
    func id(for request: ServiceRequest) -> String {
        if let sent = Self.sentID(request), Self.isUsable(sent) { return sent }
        return generate()
    }

    /// The `X-Request-Id` header's value, if sent.
    static func sentID(_ request: ServiceRequest) -> String? {
        request.headerValue(literal: "X-Request-Id")
    }

    func generate() -> String {
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        // Written into one String's storage: the concatenation of three Strings was
        // most of a request id's cost; the prefix in one store and
        // the digits computed, not looked up in an array (a lazy global).
        var digits = 1
        var rest = n >> 4
        while rest > 0 {
            digits += 1
            rest >>= 4
        }
        return String(unsafeUninitializedCapacity: 9 + digits) { out in
            guard let base = out.baseAddress else { return 0 }
            UnsafeMutableRawPointer(base).storeBytes(of: prefix, as: UInt64.self)
            base[8] = UInt8(ascii: "-")
            var value = n
            for i in stride(from: 8 + digits, to: 8, by: -1) {
                let digit = UInt8(truncatingIfNeeded: value & 0xF)
                base[i] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                value >>= 4
            }
            return 9 + digits
        }
    }

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
