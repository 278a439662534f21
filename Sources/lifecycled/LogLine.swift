#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How log lines look on standard error (`--log-format`).
enum LogFormat: String, CaseIterable, Sendable {
    /// `2026-11-22T05:17:20.123Z INFO GET /healthz 200 0.153ms request=5f0c9a31-1`
    case text
    /// One JSON object a line: `{"time":"2026-11-22T05:17:20.123Z","level":"info","event":"request",...}`
    case json
}

enum LogLevel: String, Sendable {
    case info, warn, error

    /// As text lines show it: upper case, padded to one width.
    var textLabel: String {
        switch self {
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        }
    }
}

/// A value of a log field; JSON gets numbers and booleans unquoted.
enum LogValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
}

/// A field of an event line. `inText: false` leaves it out of text lines, whose
/// message already says it (JSON lines keep it, for queries).
struct LogField: Sendable {
    var key: String
    var value: LogValue
    var inText = true

    init(_ key: String, _ value: LogValue, inText: Bool = true) {
        self.key = key
        self.value = value
        self.inText = inText
    }
}

/// One log line, built straight into bytes: no Foundation formatter, no
/// intermediate strings (the access log writes one per request).
///
/// Every line starts with the time (RFC 3339, UTC, milliseconds, from
/// `CLOCK_REALTIME`) and the level. Text: `TIME LEVEL ...` with `key=value`
/// fields; JSON: `{"time":...,"level":...,"event":...,...}`. Control bytes in
/// values are escaped in both, so a decoded `%0A` cannot forge a line.
struct LogLine {
    private(set) var bytes: [UInt8] = []
    let format: LogFormat

    /// Starts a line: time and level (and, in JSON, the event name).
    init(format: LogFormat, level: LogLevel, event: String, time: timespec = LogLine.now()) {
        self.format = format
        bytes.reserveCapacity(192)
        switch format {
        case .json:
            append("{\"time\":\"")
            appendTimestamp(time)
            append("\",\"level\":\"")
            append(level.rawValue)
            append("\",\"event\":\"")
            appendJSONEscaped(event)
            bytes.append(UInt8(ascii: "\""))
        case .text:
            appendTimestamp(time)
            bytes.append(UInt8(ascii: " "))
            append(level.textLabel)
        }
    }

    static func now() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    // MARK: Event lines

    /// An event line: `TIME LEVEL event: message key=value ...` or a JSON object with `msg`.
    static func event(
        format: LogFormat, level: LogLevel, event: String, message: String,
        fields: [LogField] = [], time: timespec = LogLine.now()
    ) -> [UInt8] {
        var line = LogLine(format: format, level: level, event: event, time: time)
        switch format {
        case .json:
            line.append(",\"msg\":\"")
            line.appendJSONEscaped(message)
            line.bytes.append(UInt8(ascii: "\""))
        case .text:
            line.bytes.append(UInt8(ascii: " "))
            line.appendTextEscaped(event)
            line.append(": ")
            line.appendTextEscaped(message)
        }
        for field in fields where format == .json || field.inText {
            line.field(field.key, field.value)
        }
        return line.finished()
    }

    /// Adds `key` and `value`: `,"key":value` or ` key=value` (quoted when it has spaces).
    mutating func field(_ key: String, _ value: LogValue) {
        switch format {
        case .json:
            append(",\"")
            appendJSONEscaped(key)
            append("\":")
            switch value {
            case .string(let text):
                bytes.append(UInt8(ascii: "\""))
                appendJSONEscaped(text)
                bytes.append(UInt8(ascii: "\""))
            case .int(let number): appendDecimal(number)
            case .double(let number): appendDouble(number)
            case .bool(let flag): append(flag ? "true" : "false")
            }
        case .text:
            bytes.append(UInt8(ascii: " "))
            appendTextEscaped(key)
            bytes.append(UInt8(ascii: "="))
            switch value {
            case .string(let text):
                if text.isEmpty || text.utf8.contains(where: { $0 == 0x20 || $0 == 0x22 }) {
                    bytes.append(UInt8(ascii: "\""))
                    appendJSONEscaped(text)  // the same escapes suit a quoted text value
                    bytes.append(UInt8(ascii: "\""))
                } else {
                    appendTextEscaped(text)
                }
            case .int(let number): appendDecimal(number)
            case .double(let number): appendDouble(number)
            case .bool(let flag): append(flag ? "true" : "false")
            }
        }
    }

    /// Closes the line (`}` in JSON) and adds the newline.
    func finished() -> [UInt8] {
        var result = bytes
        if format == .json { result.append(UInt8(ascii: "}")) }
        result.append(UInt8(ascii: "\n"))
        return result
    }

    /// Closes the line in place (the access log's path: no copy).
    mutating func finish() {
        if format == .json { bytes.append(UInt8(ascii: "}")) }
        bytes.append(UInt8(ascii: "\n"))
    }

    // MARK: Pieces

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// `2026-11-22T05:17:20.123Z`: the civil date from days since 1970 (Howard
    /// Hinnant's `civil_from_days`), so no calendar object is needed per line.
    mutating func appendTimestamp(_ time: timespec) {
        let seconds = Int(time.tv_sec)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = min(9999, max(0, yearOfEra + era * 400 + (month <= 2 ? 1 : 0)))
        let millisecond = Int(time.tv_nsec) / 1_000_000
        // Filled in place, then appended at once: per-byte appends cost more than the arithmetic.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            func put(_ value: Int, at offset: Int, digits: Int) {
                var rest = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    text[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
            }
            put(year, at: 0, digits: 4)
            text[4] = UInt8(ascii: "-")
            put(month, at: 5, digits: 2)
            text[7] = UInt8(ascii: "-")
            put(day, at: 8, digits: 2)
            text[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, at: 11, digits: 2)
            text[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, at: 14, digits: 2)
            text[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, at: 17, digits: 2)
            text[19] = UInt8(ascii: ".")
            put(millisecond, at: 20, digits: 3)
            text[23] = UInt8(ascii: "Z")
            bytes.append(contentsOf: UnsafeBufferPointer(text))
        }
    }

    /// `value` in exactly `count` decimal digits (zero-padded; higher digits cut).
    mutating func appendDigits(_ value: Int, count: Int) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        var rest = max(0, value)
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Milliseconds with three decimals from nanoseconds, rounded: `0.153`.
    mutating func appendMilliseconds(nanoseconds: UInt64) {
        let micros = (nanoseconds + 500) / 1000
        appendDecimal(Int(clamping: micros / 1000))
        bytes.append(UInt8(ascii: "."))
        appendDigits(Int(micros % 1000), count: 3)
    }

    /// Integral values without a fraction (`5`), others in Swift's shortest form (`0.25`).
    mutating func appendDouble(_ value: Double) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value))
        } else if value.isFinite {
            append(value.description)
        } else {
            append("null")
        }
    }

    /// JSON string content: `"` and `\` escaped, control bytes as `\u00XX`; other
    /// bytes (UTF-8, always valid in a Swift string) as they are.
    mutating func appendJSONEscaped<Text: StringProtocol>(_ text: Text) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { raw in
            // Almost always nothing to escape: one copy.
            guard raw.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) else {
                bytes.append(contentsOf: raw)
                return true
            }
            return false
        }
        guard copied != true else { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\t"): append("\\t")
            case UInt8(ascii: "\r"): append("\\r")
            case 0..<0x20, 0x7F:
                append("\\u00")
                appendHex(byte)
            default:
                bytes.append(byte)
            }
        }
    }

    /// Text content: control bytes as `\xNN`, the rest as it is.
    mutating func appendTextEscaped<Text: StringProtocol>(_ text: Text) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { raw in
            guard raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
                bytes.append(contentsOf: raw)
                return true
            }
            return false
        }
        guard copied != true else { return }
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F {
                append("\\x")
                appendHex(byte)
            } else {
                bytes.append(byte)
            }
        }
    }

    private mutating func appendHex(_ byte: UInt8) {
        for nibble in [byte >> 4, byte & 0xF] {
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }
}
