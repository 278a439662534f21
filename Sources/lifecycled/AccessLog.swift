import Dispatch
import Foundation
import MHDServer
import ServiceHTTP

/// Standard error, written by a thread of its own so that no worker ever blocks on it.
///
/// Lines (access log and events, in `format`) wait in a bounded buffer
/// (`capacity` bytes) and the writer thread sends them in batches (one write(2)
/// per request cost about 15 % of the action endpoint's throughput). When the
/// sink is slower than the server (a pipe nobody reads), the buffer fills and
/// further lines are dropped and counted (`onDrop`, which feeds
/// `lifecycled_log_lines_dropped_total`): once the sink takes data again the
/// writer adds a `log.dropped` warning with the count (`N lines dropped
/// (standard error was not being read)`), and `finish` reports the total.
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

    let format: LogFormat
    private let descriptor: Int32
    private let onDrop: @Sendable () -> Void
    private let state = PThreadLock(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameter onDrop: called once per line dropped (outside the buffer's lock).
    init(descriptor: Int32, format: LogFormat = .text, onDrop: @escaping @Sendable () -> Void = {}) {
        self.descriptor = descriptor
        self.format = format
        self.onDrop = onDrop
        let thread = Thread { [self] in run() }
        thread.name = "lifecycled.stderr"
        thread.start()
    }

    /// One access-log line (dropped when the buffer is full).
    func write(_ entry: AccessLogEntry) {
        append(LogLine.access(entry, format: format))
    }

    /// An event line (startup, shutdown, libmicrohttpd's messages).
    func event(_ level: LogLevel, _ event: String, _ message: String, _ fields: [LogField] = []) {
        append(LogLine.event(format: format, level: level, event: event, message: message, fields: fields))
    }

    /// Appends a finished line; drops it (and counts it) when the buffer is full.
    func append(_ line: [UInt8]) {
        let bytes = line.count
        let outcome = state.withLock { state -> (wake: Bool, dropped: Bool) in
            guard state.buffer.count + bytes <= Self.capacity else {
                state.dropped += 1
                state.droppedTotal += 1
                return (false, true)
            }
            state.buffer.append(contentsOf: line)
            return (state.buffer.count >= Self.batchBytes && state.buffer.count - bytes < Self.batchBytes, false)
        }
        if outcome.dropped { onDrop() }
        if outcome.wake { wake.signal() }
    }

    /// Lines dropped since start.
    var droppedTotal: Int { state.withLock { $0.droppedTotal } }

    /// Writes what is waiting, plus `lastLines` (never dropped) and a warning
    /// with the count of dropped lines if any, waiting at most `timeout` seconds
    /// (the sink may never take them).
    func finish(lastLines: [[UInt8]] = [], timeout: Double = 1) {
        state.withLock { state in
            for line in lastLines { state.buffer.append(contentsOf: line) }
            if state.droppedTotal > 0 {
                state.buffer.append(contentsOf: droppedLine(state.droppedTotal, inAll: true))
                state.dropped = 0
            }
            state.finishing = true
        }
        wake.signal()
        _ = finished.wait(timeout: .now() + timeout)
    }

    private func droppedLine(_ count: Int, inAll: Bool) -> [UInt8] {
        LogLine.event(
            format: format, level: .warn, event: "log.dropped",
            message: "\(count) lines dropped\(inAll ? " in all" : "") (standard error was not being read)",
            fields: [
                LogField("linesDropped", .int(count), inText: false),
                LogField("total", .bool(inAll), inText: false),
            ])
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
                writeAll(droppedLine(dropped, inAll: false), to: descriptor)
            }
            if finishing {
                finished.signal()
                return
            }
        }
    }
}

extension LogLine {
    /// An access-log line: time, level, method, path with query, status,
    /// duration, session id (from the path, or from the `Location` of a 201) and
    /// request id (the response's `X-Request-Id`, else the request's).
    ///
    /// Text: `2026-11-22T05:17:20.123Z INFO GET /v1/sessions/ID/actions 200 0.153ms session=ID request=RID`
    /// JSON: `{"time":...,"level":"info","event":"request","method":"GET","path":...,"status":200,
    /// "durationMs":0.153,"sessionId":...,"requestId":...}`
    static func access(_ entry: AccessLogEntry, format: LogFormat) -> [UInt8] {
        var line = LogLine(format: format, level: entry.status >= 500 ? .warn : .info, event: "request")
        let sessionID = sessionID(path: entry.path, status: entry.status, responseHeaders: entry.responseHeaders)
        let requestID =
            header("X-Request-Id", in: entry.responseHeaders)
            ?? header("X-Request-Id", in: entry.requestHeaders)
        switch format {
        case .json:
            line.append(",\"method\":\"")
            line.appendJSONEscaped(entry.method)
            line.append("\",\"path\":\"")
            line.appendJSONEscaped(entry.path)
            if !entry.query.isEmpty {
                line.append(byte: UInt8(ascii: "?"))
                line.appendJSONEscaped(entry.query)
            }
            line.append("\",\"status\":")
            line.appendDecimal(entry.status)
            line.append(",\"durationMs\":")
            line.appendMilliseconds(nanoseconds: entry.durationNanoseconds)
            if let sessionID {
                line.append(",\"sessionId\":\"")
                line.appendJSONEscaped(sessionID)
                line.append(byte: UInt8(ascii: "\""))
            }
            if let requestID {
                line.append(",\"requestId\":\"")
                line.appendJSONEscaped(requestID)
                line.append(byte: UInt8(ascii: "\""))
            }
        case .text:
            line.append(byte: UInt8(ascii: " "))
            line.appendTextEscaped(entry.method)
            line.append(byte: UInt8(ascii: " "))
            line.appendTextEscaped(entry.path)
            if !entry.query.isEmpty {
                line.append(byte: UInt8(ascii: "?"))
                line.appendTextEscaped(entry.query)
            }
            line.append(byte: UInt8(ascii: " "))
            line.appendDecimal(entry.status)
            line.append(byte: UInt8(ascii: " "))
            line.appendMilliseconds(nanoseconds: entry.durationNanoseconds)
            line.append("ms")
            if let sessionID {
                line.append(" session=")
                line.appendTextEscaped(sessionID)
            }
            if let requestID {
                line.append(" request=")
                line.appendTextEscaped(requestID)
            }
        }
        line.finish()
        return line.bytes
    }

    /// The session a request is about: the `{id}` of `/v1/sessions/{id}...`, or
    /// for a 201 the id in its `Location` (a session just created).
    static func sessionID(
        path: String, status: Int,
        responseHeaders: [(name: String, value: String)]
    ) -> Substring? {
        if let id = sessionID(inPath: path) { return id }
        guard status == 201, let location = header("Location", in: responseHeaders) else { return nil }
        return sessionID(inPath: location)
    }

    private static func sessionID(inPath path: String) -> Substring? {
        let prefix = "/v1/sessions/".utf8
        // On the bytes: String's prefix and search methods cost more than the whole line.
        let found: Range<Int>?? = path.utf8.withContiguousStorageIfAvailable { raw in
            guard raw.count > prefix.count, raw.starts(with: prefix) else { return nil }
            let end = raw[prefix.count...].firstIndex(of: UInt8(ascii: "/")) ?? raw.count
            return end > prefix.count ? prefix.count..<end : nil
        }
        guard let range = found ?? slowSessionIDRange(path) else { return nil }
        let start = path.utf8.index(path.utf8.startIndex, offsetBy: range.lowerBound)
        let end = path.utf8.index(start, offsetBy: range.count)
        return path[start..<end]
    }

    /// For strings without contiguous UTF-8 (bridged ones; not seen on Linux).
    private static func slowSessionIDRange(_ path: String) -> Range<Int>? {
        let raw = Array(path.utf8)
        let prefix = "/v1/sessions/".utf8
        guard raw.count > prefix.count, raw.starts(with: prefix) else { return nil }
        let end = raw[prefix.count...].firstIndex(of: UInt8(ascii: "/")) ?? raw.count
        return end > prefix.count ? prefix.count..<end : nil
    }

    /// The last value of header `name` (the service appends `X-Request-Id` last).
    private static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        for (key, value) in headers.reversed() where key == name { return value }
        for (key, value) in headers.reversed()
        where key.utf8.count == name.utf8.count && key.lowercased() == name.lowercased() {
            return value
        }
        return nil
    }
}
