import CMicroHTTPD
import ServiceHTTP
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C callbacks libmicrohttpd calls on its worker threads. They are top-level
// functions (not closures, not in main.swift) and reach Swift state only through
// the `cls` pointer, which is an unretained `ServerContext`; per-request state
// lives in `*con_cls` as a retained `RequestState`.

/// What the callbacks share; one per server, retained while the daemon runs.
final class ServerContext: Sendable {
    let maxBody: Int
    let handler: @Sendable (ServiceRequest) -> ServiceResponse
    let problem: ProblemResponder
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    let memory: MemoryBudget?  // BridgeMemory.swift
    /// Requests between the first handler call and NOTIFY_COMPLETED.
    let inFlight = Atomic<Int>(0)
    /// Set by `stop`: responses then carry `Connection: close`.
    let stopping = Atomic<Bool>(false)
    /// Non-nil while `start` runs: libmicrohttpd's messages are kept to explain a failure.
    let startupMessages = Mutex<[String]?>(nil)

    init(maxBody: Int, handler: @escaping @Sendable (ServiceRequest) -> ServiceResponse,
         problem: @escaping ProblemResponder, accessLog: (@Sendable (AccessLogEntry) -> Void)?,
         memory: MemoryBudget? = nil) {
        self.memory = memory
        self.maxBody = maxBody
        self.handler = handler
        self.problem = problem
        self.accessLog = accessLog
    }
}

/// One request's state. Only the connection's own worker thread touches it.
final class RequestState {
    let started = monotonicNanoseconds()
    let method: String
    let path: String
    var body: [UInt8] = []
    /// Body bytes received, copied or not (chunked bodies may exceed the limit).
    var received = 0
    /// The status queued, 0 until a response is queued.
    var status = 0
    /// Bytes counted against the memory budget (BridgeMemory.swift).
    var held = 0

    init(method: String, path: String) {
        self.method = method
        self.path = path
    }
}

func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

// MARK: - Access handler

/// `MHD_AccessHandlerCallback`: called once when the headers are in, once per
/// body piece, and once more (with `*upload_data_size == 0`) at the end.
func accessHandler(
    cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
    url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
    uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>?,
    conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
) -> MHD_Result {
    guard let cls, let connection, let uploadDataSize, let conCls else { return .NO }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()

    guard let existing = conCls.pointee else {
        // First call: headers only. Refuse a body we will not take right now, so
        // that libmicrohttpd discards it instead of handing it to us.
        let state = RequestState(method: method.map { String(cString: $0) } ?? "",
                                 path: url.map { String(cString: $0) } ?? "")
        conCls.pointee = Unmanaged.passRetained(state).toOpaque()
        context.inFlight.add(1, ordering: .relaxed)
        let framing = BodyFraming(connection)
        if framing.contentLengths > 1 || (framing.contentLengths > 0 && framing.transferEncoding) {
            return queue(context.problem(400, "a request must not carry both Content-Length and Transfer-Encoding, "
                                            + "nor Content-Length twice"), on: connection, state: state, context: context)
        }
        if let length = framing.contentLength {
            if length > context.maxBody {
                return queue(tooLarge(context), on: connection, state: state, context: context)
            }
            if !reserveBody(length, state, context), let memory = context.memory {
                return queue(memory.refusal, on: connection, state: state, context: context)
            }
            state.body.reserveCapacity(length)
        }
        return .YES
    }
    let state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()

    let size = uploadDataSize.pointee
    if size > 0 {
        // Body piece: the bytes are valid only during this call. Always consume them.
        uploadDataSize.pointee = 0
        guard state.status == 0 else { return .YES }
        state.received += size
        if state.received > context.maxBody {
            state.body = []  // over the limit: keep counting, stop copying, answer 413 at the end
        } else if let uploadData {
            chargeBodyPiece(size, state, context)
            state.body.append(contentsOf: UnsafeRawBufferPointer(start: uploadData, count: size))
        }
        return .YES
    }

    // Final call.
    guard state.status == 0 else { return .YES }
    if state.received > context.maxBody {
        return queue(tooLarge(context), on: connection, state: state, context: context)
    }
    let request = ServiceRequest(method: state.method, path: state.path,
                              query: queryArguments(connection), body: state.body)
    state.body = []
    return queue(admitResponse(context.handler(request), state, context), on: connection, state: state, context: context)
}

private func tooLarge(_ context: ServerContext) -> ServiceResponse {
    context.problem(413, "request body exceeds the \(context.maxBody)-byte limit (--max-body)")
}

/// Turns `response` into an MHD response (copying the body) and queues it.
private func queue(_ response: ServiceResponse, on connection: OpaquePointer,
                   state: RequestState, context: ServerContext) -> MHD_Result {
    let status = (100...999).contains(response.status) ? response.status : 500
    let created = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                        .RESPMEM_MUST_COPY)
    }
    guard let mhdResponse = created else { return .NO }
    defer { MHD_destroy_response(mhdResponse) }
    for (name, value) in response.headers where !name.elementsEqual("content-length", by: asciiCaseInsensitive) {
        // MHD refuses names or values with CR/LF; such a header is dropped.
        _ = MHD_add_response_header(mhdResponse, name, value)
    }
    if context.stopping.load(ordering: .relaxed) {
        _ = MHD_add_response_header(mhdResponse, "Connection", "close")
    }
    let result = MHD_queue_response(connection, UInt32(status), mhdResponse)
    if result == .YES { state.status = status }
    return result
}

private func asciiCaseInsensitive(_ a: Character, _ b: Character) -> Bool {
    a.lowercased() == b.lowercased()
}

// MARK: - Request headers and query

/// The framing headers of a request, counted so that conflicting ones can be refused.
private struct BodyFraming {
    var contentLengths = 0
    /// The Content-Length value; `Int.max` when it does not fit in an `Int`.
    var contentLength: Int?
    var transferEncoding = false

    init(_ connection: OpaquePointer) {
        withUnsafeMutablePointer(to: &self) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, collectFraming, pointer)
        }
    }
}

private func collectFraming(cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
                            key: UnsafePointer<CChar>?, value: UnsafePointer<CChar>?) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let framing = cls.assumingMemoryBound(to: BodyFraming.self)
    if strcasecmp(key, "Content-Length") == 0 {
        framing.pointee.contentLengths += 1
        // MHD has already answered 400 to a malformed value; digits too many for Int mean "huge".
        let text = value.map { String(cString: $0) } ?? ""
        framing.pointee.contentLength = Int(text.trimmingSpaces) ?? Int.max
    } else if strcasecmp(key, "Transfer-Encoding") == 0 {
        framing.pointee.transferEncoding = true
    }
    return .YES
}

/// The query arguments, in the order sent, percent-decoded.
private func queryArguments(_ connection: OpaquePointer) -> [(name: String, value: String)] {
    var arguments: [(name: String, value: String)] = []
    withUnsafeMutablePointer(to: &arguments) { pointer in
        _ = MHD_get_connection_values(connection, .GET_ARGUMENT_KIND, collectArgument, pointer)
    }
    return arguments
}

private func collectArgument(cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
                             key: UnsafePointer<CChar>?, value: UnsafePointer<CChar>?) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let arguments = cls.assumingMemoryBound(to: [(name: String, value: String)].self)
    arguments.pointee.append((percentDecoded(key), value.map(percentDecoded) ?? ""))
    return .YES
}

/// Decodes `%XX` escapes (libmicrohttpd is told not to, so that the path stays
/// as sent); a `%` not followed by two hex digits is kept as is.
private func percentDecoded(_ text: UnsafePointer<CChar>) -> String {
    let count = strlen(text)
    return text.withMemoryRebound(to: UInt8.self, capacity: count) { start in
        let bytes = UnsafeBufferPointer(start: start, count: count)
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(count)
        var index = 0
        while index < count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < count,
               let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}

// MARK: - Completion and logging

/// `MHD_RequestCompletedCallback`: fires for every request that reached the
/// handler, answered or not (client gone, timeout, shutdown).
func requestCompleted(cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
                      conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                      termination: MHD_RequestTerminationCode) {
    guard let cls, let conCls, let raw = conCls.pointee else { return }
    conCls.pointee = nil
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    let state = Unmanaged<RequestState>.fromOpaque(raw).takeRetainedValue()
    releaseHeld(state, context)
    if state.status != 0, let accessLog = context.accessLog {
        accessLog(AccessLogEntry(method: state.method, path: state.path, status: state.status,
                                 durationNanoseconds: monotonicNanoseconds() &- state.started))
    }
    // Last, so that `stop` waiting for zero also waits for the access log lines.
    context.inFlight.subtract(1, ordering: .relaxed)
}

/// `MHD_LogCallback`: while `start` runs, keeps the message to explain a failure;
/// afterwards writes it to standard error as one line.
func logMessage(cls: UnsafeMutableRawPointer?, format: UnsafePointer<CChar>?, arguments: CVaListPointer?) {
    guard let cls, let format, let arguments else { return }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    var buffer = [CChar](repeating: 0, count: 512)
    _ = vsnprintf(&buffer, buffer.count, format, arguments)
    var message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    while message.last == "\n" { message.removeLast() }
    // MHD quotes the whole HTML error page it sends: "...code is 400 ('<html>...')). Closing".
    if let page = message.firstRange(of: " ('<"), let end = message[page.upperBound...].firstRange(of: "')") {
        message.removeSubrange(page.lowerBound..<end.upperBound)
    }
    message = message.replacing("\n", with: " ")
    let kept = context.startupMessages.withLock { messages -> Bool in
        guard messages != nil else { return false }
        messages?.append(message)
        return true
    }
    if !kept {
        let line = Array("libmicrohttpd: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
