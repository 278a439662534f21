import CMicroHTTPD

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks a request's head before its body is read, for what libmicrohttpd
/// 0.9.75 lets through (RFC 9110/9112 framing rules). Run at the first handler
/// call, when every header is in; a failure is answered 400 (or 413/414/431
/// for sizes) with the connection closed, since the body framing cannot be trusted.
struct RequestScreen {
    /// The status and the detail of a refused request.
    struct Refusal {
        var status: Int
        var detail: String
    }

    /// Longest request target the bridge takes; longer ones get 414 here, before
    /// libmicrohttpd's own (HTML) 414 at the connection memory limit.
    static let maxTargetBytes = 8 << 10
    /// Largest header block (names and values) the bridge takes: 431 above.
    static let maxHeaderBytes = 16 << 10

    private var badName: String?
    private var badValue: String?
    /// Bytes of names and values, plus four a header (its colon, space and line end).
    private(set) var headerBytes = 0
    private var hosts = 0
    /// Content-Length headers seen, and the first one's value: a pointer into
    /// libmicrohttpd's connection memory, valid while `check` runs. Kept as bytes
    /// because every request with a body has one (a String and a `Set` per request
    /// were 1.7 % of the service's samples).
    private var contentLengthCount = 0
    private var firstContentLength: UnsafeRawBufferPointer?
    /// Transfer-Encoding values as sent (rare: chunked uploads only).
    private var transferEncodings: [String] = []

    /// Content-Length when there is exactly one, valid, and no Transfer-Encoding.
    private(set) var contentLength: Int?
    /// How many headers the request has.
    private(set) var headerCount = 0

    private init() {}

    /// Reads every header of `connection` and returns why the request must be
    /// refused, or nil (then `contentLength` is set when the request has one).
    static func check(
        _ connection: OpaquePointer, url: UnsafePointer<CChar>?,
        version: UnsafePointer<CChar>?
    ) -> (RequestScreen, Refusal?) {
        var screen = RequestScreen()
        withUnsafeMutablePointer(to: &screen) { pointer in
            _ = MHD_get_connection_values_n(connection, .HEADER_KIND, collectHeader, pointer)
        }
        let targetBytes = url.map { strlen($0) } ?? 0
        let http11 = version.map { strcmp($0, "HTTP/1.1") == 0 } ?? false
        let refusal = screen.refusal(targetBytes: targetBytes, http11: http11)  // sets contentLength
        return (screen, refusal)
    }

    private mutating func refusal(targetBytes: Int, http11: Bool) -> Refusal? {
        if targetBytes > Self.maxTargetBytes {
            return Refusal(status: 414, detail: "the request target is longer than \(Self.maxTargetBytes) bytes")
        }
        if headerBytes > Self.maxHeaderBytes {
            return Refusal(status: 431, detail: "the request headers exceed \(Self.maxHeaderBytes) bytes")
        }
        if let badName {
            return Refusal(
                status: 400,
                detail: "header name \"\(badName)\" is not a token (RFC 9110 §5.1): "
                    + "send letters, digits and !#$%&'*+-.^_`|~ only, with no space before the colon")
        }
        if let badValue {
            return Refusal(
                status: 400,
                detail: "header \"\(badValue)\" has a control character in its value "
                    + "(lines must end with CR LF; no bare CR)")
        }
        if http11, hosts != 1 {
            return Refusal(
                status: 400,
                detail: hosts == 0
                    ? "an HTTP/1.1 request needs a Host header"
                    : "a request must carry one Host header, not \(hosts)")
        }
        if hosts > 1 {
            return Refusal(status: 400, detail: "a request must carry one Host header, not \(hosts)")
        }
        if contentLengthCount > 1 || (contentLengthCount > 0 && !transferEncodings.isEmpty) {
            return Refusal(
                status: 400,
                detail: "a request must not carry both Content-Length and Transfer-Encoding, "
                    + "nor Content-Length twice")
        }
        if !transferEncodings.isEmpty {
            let codings = transferEncodings.joined(separator: ",").split(separator: ",")
                .map { $0.trimmingSpacesAndTabs().lowercased() }
            guard codings == ["chunked"] else {
                return Refusal(
                    status: 400,
                    detail: "Transfer-Encoding \"\(transferEncodings.joined(separator: ", "))\" "
                        + "is not supported: send Transfer-Encoding: chunked or a Content-Length")
            }
        }
        if contentLengthCount > 0 {
            guard let length = Self.decimal(firstContentLength ?? UnsafeRawBufferPointer(start: nil, count: 0))
            else {
                let text = firstContentLength.map { String(decoding: $0, as: UTF8.self) } ?? ""
                return Refusal(status: 400, detail: "Content-Length \"\(text)\" is not a decimal number")
            }
            contentLength = length
        }
        return nil
    }

    /// The value of a Content-Length: ASCII digits between optional spaces and tabs
    /// (control bytes were refused before); Int.max for more digits than an Int holds.
    /// nil when it is not such a number.
    private static func decimal(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return nil }
        var value = 0
        var overflow = false
        for index in start..<end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            if !overflow {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(Int(byte - 0x30))
                overflow = o1 || o2
                value = sum
            }
        }
        return overflow ? Int.max : value  // digits too many for Int mean "huge"
    }

    /// Sizes are libmicrohttpd's, which 0.9.75 takes with strlen: a NUL byte truncates a value unseen.
    fileprivate mutating func add(
        name: UnsafePointer<CChar>, nameSize: Int, value: UnsafePointer<CChar>?, valueSize: Int
    ) {
        let nameLength = nameSize
        let valueLength = value == nil ? 0 : valueSize
        headerCount += 1
        headerBytes += nameLength + valueLength + 4
        let nameBytes = UnsafeRawBufferPointer(start: name, count: nameLength)
        if badName == nil, nameLength == 0 || strlen(name) != nameLength || !nameBytes.allSatisfy(Self.isTokenByte) {
            badName = Self.printable(nameBytes)
        }
        if badValue == nil, let value,
            UnsafeRawBufferPointer(start: value, count: valueLength).contains(where: {
                ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F
            })
        {
            badValue = Self.printable(nameBytes)  // a bare CR and other control bytes
        }
        // Lengths first: strcasecmp only for names of the right size (a name whose
        // size is not its strlen was refused above).
        switch nameLength {
        case 4 where strcasecmp(name, "Host") == 0:
            hosts += 1
        case 14 where strcasecmp(name, "Content-Length") == 0:
            contentLengthCount += 1
            if contentLengthCount == 1 {
                firstContentLength = UnsafeRawBufferPointer(start: value, count: valueLength)
            }
        case 17 where strcasecmp(name, "Transfer-Encoding") == 0:
            transferEncodings.append(value.map { String(cString: $0) } ?? "")
        default:
            break
        }
    }

    /// RFC 9110 section 5.6.2, tchar.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        // The other token characters, !#$%&'*+-.^_`|~, as cases: an array of them
        // here was allocated for every "-" of every header name.
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The name for a message: control bytes and non-ASCII shown as `\xNN`, at most 64 bytes.
    private static func printable(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = ""
        for byte in bytes.prefix(64) {
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                let hex = String(byte, radix: 16)
                text += byte < 0x10 ? "\\x0\(hex)" : "\\x\(hex)"
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return bytes.count > 64 ? text + "…" : text
    }
}

private func collectHeader(
    cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?, keySize: Int,
    value: UnsafePointer<CChar>?, valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    cls.assumingMemoryBound(to: RequestScreen.self).pointee.add(
        name: key, nameSize: keySize, value: value,
        valueSize: valueSize)
    return .YES
}

extension StringProtocol {
    /// Without the spaces and tabs at either end (compared as Characters).
    fileprivate func trimmingSpacesAndTabs() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
