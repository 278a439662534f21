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
// lives in `*con_cls` as an allocated `RequestState`.

/// What the callbacks share; one per server, retained while the daemon runs.
final class ServerContext: Sendable {
    let maxBody: Int
    let handler: @Sendable (ServiceRequest) -> Handling
    let problem: ProblemResponder
    let accessLog: (@Sendable (AccessLogEntry) -> Void)?
    /// Where the server's own messages go once started (nil: standard error); see `report`.
    let messageLog: (@Sendable (String) -> Void)?
    let watch: ConnectionWatch
    let memory: MemoryBudget?  // BridgeMemory.swift
    /// Requests between the first handler call and NOTIFY_COMPLETED.
    let inFlight = Atomic<Int>(0)
    /// Handler calls running now: `stop` must not wait for a worker stuck in one.
    let handlersRunning = Atomic<Int>(0)
    /// Connections parked until their answer comes (ParkedRequest.swift): `stop` must
    /// not stop the daemon while one is.
    let parked = Atomic<Int>(0)
    /// Set by `stop`: responses then carry `Connection: close`.
    let stopping = Atomic<Bool>(false)
    /// Non-nil while `start` runs: libmicrohttpd's messages are kept to explain a failure.
    let startupMessages = PThreadLock<[String]?>(nil)
    /// The headers to look up instead of copying them all (nil: copy all): the handler
    /// reads only these and there is no access log to record the rest.
    let lookedUp: HeaderNames?

    init(
        maxBody: Int, requestTimeout: Double, handler: @escaping @Sendable (ServiceRequest) -> Handling,
        problem: @escaping ProblemResponder, accessLog: (@Sendable (AccessLogEntry) -> Void)?,
        messageLog: (@Sendable (String) -> Void)?, memory: MemoryBudget? = nil, readHeaders: [String]? = nil
    ) {
        self.memory = memory
        lookedUp = accessLog == nil ? readHeaders.map(HeaderNames.init) : nil
        self.maxBody = maxBody
        self.handler = handler
        self.problem = problem
        self.accessLog = accessLog
        self.messageLog = messageLog
        watch = ConnectionWatch(requestTimeout: requestTimeout)
    }

    /// Passes one of the server's own lines (libmicrohttpd's or the listener's, already
    /// prefixed with where it comes from) to `messageLog`, or writes it to standard error.
    @Sendable func report(_ line: String) {
        if let messageLog {
            messageLog(line)
        } else {
            _ = Array("\(line)\n".utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        }
    }
}

/// One request's state, in memory of its own behind `*con_cls` from the first
/// handler call to NOTIFY_COMPLETED. Only the connection's own worker thread
/// touches it. A struct behind a pointer rather than a class: no reference
/// counting and no exclusivity checks on the request path (bench/PROFILE.md).
struct RequestState {
    /// When the first call came (monotonic ns); 0 when there is no access log, its only reader.
    let started: UInt64
    let method: String
    let path: String
    /// The connection's entry in the watch, looked up once.
    let watched: WatchedConnection?
    /// Request headers libmicrohttpd holds and their bytes (counted by the screen, to
    /// size the copy once).
    var headerCount = 0
    var headerBytes = 0
    var body: [UInt8] = []
    /// Body bytes received, copied or not (chunked bodies may exceed the limit).
    var received = 0
    /// The status queued, 0 until a response is queued.
    var status = 0
    /// Bytes counted against the memory budget (BridgeMemory.swift).
    var held = 0
    /// For the access log: the query as sent and both sets of headers. Kept only
    /// when there is an access log (`--quiet` has none).
    var query = ""
    var requestHeaders: [(name: String, value: String)] = []
    var responseHeaders: [(name: String, value: String)] = []
    /// Set while the connection is parked for an answer that comes later.
    var parked: ParkedRequest?

    /// A new state in memory of its own; `requestCompleted` frees it.
    static func allocate(_ state: RequestState) -> UnsafeMutablePointer<RequestState> {
        let pointer = UnsafeMutablePointer<RequestState>.allocate(capacity: 1)
        pointer.initialize(to: state)
        return pointer
    }
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
    // The daemon holds the context retained while it runs: lent, not retained again
    // (a retain of the one object every worker thread shares, at each call).
    return Unmanaged<ServerContext>.fromOpaque(cls)._withUnsafeGuaranteedRef { context in
        handle(
            context: context, connection: connection, url: url, method: method, version: version,
            uploadData: uploadData, uploadDataSize: uploadDataSize, conCls: conCls)
    }
}

/// `accessHandler` with its context lent.
private func handle(
    context: ServerContext, connection: OpaquePointer,
    url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?, version: UnsafePointer<CChar>?,
    uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>,
    conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
) -> MHD_Result {
    guard let existing = conCls.pointee else {
        // First call: headers only. Refuse a body we will not take right now, so
        // that libmicrohttpd discards it instead of handing it to us.
        let watched = watchedConnection(connection)
        let pointer = RequestState.allocate(
            RequestState(
                started: context.accessLog == nil ? 0 : MonotonicClock.nanoseconds(),
                method: method.map(cText) ?? "", path: url.map(cText) ?? "", watched: watched))
        conCls.pointee = UnsafeMutableRawPointer(pointer)
        context.inFlight.add(1, ordering: .relaxed)
        if let watched { context.watch.requestStarted(watched) }
        let (screen, refusal) = RequestScreen.check(connection, url: url, version: version)
        if let refusal {
            // The framing cannot be trusted: answer and close, so no byte of this
            // request is read as the next one.
            return queue(
                context.problem(refusal.status, refusal.detail), on: connection, state: &pointer.pointee,
                context: context, close: true)
        }
        pointer.pointee.headerCount = screen.headerCount
        pointer.pointee.headerBytes = screen.headerBytes
        if let length = screen.contentLength {
            if length > context.maxBody {
                return queue(tooLarge(context), on: connection, state: &pointer.pointee, context: context)
            }
            if !reserveBody(length, &pointer.pointee, context), let memory = context.memory {
                return queue(memory.refusal, on: connection, state: &pointer.pointee, context: context)
            }
            pointer.pointee.body.reserveCapacity(length)
        }
        return .YES
    }
    return continueRequest(
        existing.assumingMemoryBound(to: RequestState.self), context: context, connection: connection,
        uploadData: uploadData, uploadDataSize: uploadDataSize)
}

/// The calls after the first: body pieces, then the final call that runs the handler.
private func continueRequest(
    _ pointer: UnsafeMutablePointer<RequestState>, context: ServerContext, connection: OpaquePointer,
    uploadData: UnsafePointer<CChar>?, uploadDataSize: UnsafeMutablePointer<Int>
) -> MHD_Result {
    let size = uploadDataSize.pointee
    if size > 0 {
        // Body piece: the bytes are valid only during this call. Always consume them.
        uploadDataSize.pointee = 0
        guard pointer.pointee.status == 0 else { return .YES }
        pointer.pointee.received += size
        if pointer.pointee.received > context.maxBody * 2 + (64 << 10) {
            // A chunked body far over the limit (e.g. a chunk size of ffffffffffffffff):
            // libmicrohttpd 0.9.75 cannot take a response before the body ends, so close.
            return .NO
        }
        if pointer.pointee.received > context.maxBody {
            pointer.pointee.body = []  // over the limit: keep counting, stop copying, answer 413 at the end
        } else if let uploadData {
            chargeBodyPiece(size, &pointer.pointee, context)
            pointer.pointee.body.append(contentsOf: UnsafeRawBufferPointer(start: uploadData, count: size))
        }
        return .YES
    }

    // Final call.
    guard pointer.pointee.status == 0 else { return .YES }
    if let parked = pointer.pointee.parked {
        // Called again once the parked request was resumed: its answer is in.
        pointer.pointee.parked = nil
        guard let response = parked.takeResponse() else { return .NO }
        return queue(
            admitResponse(response, &pointer.pointee, context), on: connection, state: &pointer.pointee,
            context: context)
    }
    if pointer.pointee.received > context.maxBody {
        return queue(tooLarge(context), on: connection, state: &pointer.pointee, context: context)
    }
    let logged = context.accessLog != nil
    var values = RequestValues(keepsRawQuery: logged)
    let headers: HeaderFields
    if let names = context.lookedUp {
        withUnsafeMutablePointer(to: &values) { values in
            _ = MHD_get_connection_values_n(connection, .GET_ARGUMENT_KIND, collectValue, values)
        }
        headers = names.lookUp(in: connection)
    } else {
        // Room for the headers the screen counted: 8 bytes a field and the bytes it counted.
        headers = HeaderFields(capacity: pointer.pointee.headerCount * 8 + pointer.pointee.headerBytes) { writer in
            // The pass runs again when the headers did not fit: the arguments start over too.
            values.arguments = []
            values.rawQuery = ""
            withUnsafeMutablePointer(to: &writer) { writer in
                values.headers = writer
                withUnsafeMutablePointer(to: &values) { values in
                    _ = lcd_get_headers_and_arguments(connection, collectValue, values)
                }
                values.headers = nil
            }
        }
    }
    var body: [UInt8] = []
    swap(&body, &pointer.pointee.body)
    let request = ServiceRequest(
        method: pointer.pointee.method, path: pointer.pointee.path,
        query: values.arguments, body: body, fields: headers)
    if logged {
        pointer.pointee.query = values.rawQuery
        pointer.pointee.requestHeaders = request.headers
    }
    if let watched = pointer.pointee.watched { context.watch.answering(watched) }
    context.handlersRunning.add(1, ordering: .relaxed)
    let handling = context.handler(request)
    context.handlersRunning.subtract(1, ordering: .relaxed)
    switch handling {
    case .respond(let response):
        return queue(
            admitResponse(response, &pointer.pointee, context), on: connection, state: &pointer.pointee,
            context: context)
    case .later(let start):
        let parked = ParkedRequest.park(connection, fd: pointer.pointee.watched?.fd, context: context)
        pointer.pointee.parked = parked
        start(parked.link)
        return .YES
    }
}

private func tooLarge(_ context: ServerContext) -> ServiceResponse {
    context.problem(413, "request body exceeds the \(context.maxBody)-byte limit (--max-body)")
}

/// Turns `response` into an MHD response (lending it the body) and queues it.
private func queue(
    _ response: ServiceResponse, on connection: OpaquePointer,
    state: inout RequestState, context: ServerContext, close: Bool = false
) -> MHD_Result {
    if let watched = state.watched { context.watch.answering(watched) }
    let status = (100...999).contains(response.status) ? response.status : 500
    guard let mhdResponse = lendBody(response) else { return .NO }
    defer { MHD_destroy_response(mhdResponse) }
    response.forEachHeader { name, value in
        guard !isContentLength(name) else { return }
        // MHD refuses names or values with CR/LF; such a header is dropped.
        // withCString lends a native String's own bytes (the implicit conversion
        // built a C array per string, bench/PROFILE.md).
        _ = name.withCString { name in
            value.withCString { value in MHD_add_response_header(mhdResponse, name, value) }
        }
    }
    if close || context.stopping.load(ordering: .relaxed) {
        _ = MHD_add_response_header(mhdResponse, "Connection", "close")
    }
    let result = MHD_queue_response(connection, UInt32(status), mhdResponse)
    if result == .YES {
        state.status = status
        if context.accessLog != nil { state.responseHeaders = response.headers }
    }
    return result
}

/// An MHD response that sends the body without copying it: libmicrohttpd gets the
/// bytes in place and a retained object that keeps them alive, released by
/// `releaseBody` once the response is destroyed: the lent bytes' own object, or a box
/// around an array body. (`RESPMEM_MUST_COPY` cost a malloc and a copy of every body,
/// bench/PROFILE.md.) The box holds the array in a `let` and nothing else refers to it
/// mutably, so its storage neither moves nor changes.
private func lendBody(_ response: ServiceResponse) -> OpaquePointer? {
    let owner: AnyObject
    let bytes: UnsafeRawBufferPointer
    if let lent = response.lentBody {
        (owner, bytes) = (lent.owner, lent.bytes)
    } else {
        let array = response.body
        guard !array.isEmpty else { return MHD_create_response_from_buffer(0, nil, .RESPMEM_PERSISTENT) }
        let body = ArrayBody(array)
        (owner, bytes) = (body, body.array.withUnsafeBytes { $0 })
    }
    let retained = Unmanaged<AnyObject>.passRetained(owner)
    let response = MHD_create_response_from_buffer_with_free_callback_cls(
        bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), releaseBody, retained.toOpaque())
    if response == nil { retained.release() }
    return response
}

/// Keeps an array body alive while libmicrohttpd sends it.
private final class ArrayBody {
    let array: [UInt8]
    init(_ array: [UInt8]) { self.array = array }
}

/// `MHD_ContentReaderFreeCallback`: the response is gone; drop its body.
private func releaseBody(_ box: UnsafeMutableRawPointer?) {
    guard let box else { return }
    Unmanaged<AnyObject>.fromOpaque(box).release()
}

/// Whether a header name is `Content-Length` in any ASCII case.
private func isContentLength(_ name: String) -> Bool {
    name.equalsIgnoringASCIICase("Content-Length")
}

// MARK: - Request headers and query

/// What the final call collects in one pass over libmicrohttpd's values: the
/// headers in the order sent, copied as bytes (for X-Request-Id, Origin and the CORS
/// preflight), the query arguments in the order sent, percent-decoded, and (for the
/// access log only) the query as sent, rebuilt from the raw arguments.
private struct RequestValues {
    /// Where the headers go while the pass runs.
    var headers: UnsafeMutablePointer<HeaderFields.Writer>?
    var arguments: [(name: String, value: String)] = []
    var rawQuery = ""
    let keepsRawQuery: Bool
}

private func collectValue(
    cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
    key: UnsafePointer<CChar>?, keySize: Int,
    value: UnsafePointer<CChar>?, valueSize: Int
) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let values = cls.assumingMemoryBound(to: RequestValues.self)
    if kind == .HEADER_KIND {
        // libmicrohttpd 0.9.75's sizes are the strlen of each (a NUL ends a value).
        values.pointee.headers?.pointee.append(
            name: UnsafeRawBufferPointer(start: key, count: keySize),
            value: UnsafeRawBufferPointer(start: value, count: value == nil ? 0 : valueSize))
        return .YES
    }
    values.pointee.arguments.append((percentDecoded(key), value.map(percentDecoded) ?? ""))
    guard values.pointee.keepsRawQuery else { return .YES }
    // The unescape callback keeps text as sent, so `key` and `value` are raw.
    if !values.pointee.rawQuery.isEmpty { values.pointee.rawQuery += "&" }
    values.pointee.rawQuery += String(cString: key)
    if let value { values.pointee.rawQuery += "=" + String(cString: value) }
    return .YES
}

/// The text of a C string (invalid UTF-8 repaired, as `String(cString:)` does).
private func cText(_ text: UnsafePointer<CChar>) -> String {
    let count = strlen(text)
    return text.withMemoryRebound(to: UInt8.self, capacity: count) {
        String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
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
                let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
            {
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

// MARK: - Completion and logging

/// `MHD_RequestCompletedCallback`: fires for every request that reached the
/// handler, answered or not (client gone, timeout, shutdown).
func requestCompleted(
    cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
    conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    termination: MHD_RequestTerminationCode
) {
    guard let cls, let conCls, let raw = conCls.pointee else { return }
    conCls.pointee = nil
    Unmanaged<ServerContext>.fromOpaque(cls)._withUnsafeGuaranteedRef { context in
        complete(raw.assumingMemoryBound(to: RequestState.self), context: context)
    }
}

/// `requestCompleted` with its context lent.
private func complete(_ pointer: UnsafeMutablePointer<RequestState>, context: ServerContext) {
    defer {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
    if let watched = pointer.pointee.watched { context.watch.completed(watched) }
    releaseHeld(&pointer.pointee, context)
    if pointer.pointee.status != 0, let accessLog = context.accessLog {
        let state = pointer.pointee
        accessLog(
            AccessLogEntry(
                method: state.method, path: state.path, status: state.status,
                durationNanoseconds: MonotonicClock.nanoseconds() &- state.started, query: state.query,
                requestHeaders: state.requestHeaders, responseHeaders: state.responseHeaders))
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
    let kept = context.startupMessages.withLock { (messages: inout [String]?) -> Bool in
        guard messages != nil else { return false }
        messages?.append(message)
        return true
    }
    guard !kept else { return }
    context.report("libmicrohttpd: \(message)")
}

// MARK: - Connections

/// `MHD_NotifyConnectionCallback`: registers each connection with the watch
/// (which enforces the request deadline) and forgets it before its socket closes.
func connectionNotified(
    cls: UnsafeMutableRawPointer?, connection: OpaquePointer?,
    socketContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
    code: MHD_ConnectionNotificationCode
) {
    guard let cls, let connection, let socketContext else { return }
    let context = Unmanaged<ServerContext>.fromOpaque(cls).takeUnretainedValue()
    // MHD_CONNECTION_NOTIFY_STARTED = 0, MHD_CONNECTION_NOTIFY_CLOSED = 1.
    switch code.rawValue {
    case 0:
        let watched = WatchedConnection(fd: lcd_connection_fd(connection), now: MonotonicClock.nanoseconds())
        socketContext.pointee = Unmanaged.passRetained(watched).toOpaque()
        context.watch.opened(watched)
    case 1:
        guard let raw = socketContext.pointee else { return }
        socketContext.pointee = nil
        let watched = Unmanaged<WatchedConnection>.fromOpaque(raw).takeRetainedValue()
        context.watch.closed(watched)
    default:
        break
    }
}

/// The connection's entry in the watch, from its socket context.
private func watchedConnection(_ connection: OpaquePointer) -> WatchedConnection? {
    lcd_connection_context(connection).map { Unmanaged<WatchedConnection>.fromOpaque($0).takeUnretainedValue() }
}
