import LifecycleModel

/// One logged callback on its own: its seq, what the text formats and the diff compare
/// it on, and its JSON object as the log keeps it. The log itself keeps entries in
/// place (`LogRun`); this is what reading one of them out gives.
struct LoggedCallback: Sendable, Equatable {
    var seq: Int
    var method: CallbackMethod
    var receiver: Receiver
    var appState: AppState
    /// The callback's JSON object (`{"seq":…}`).
    var json: [UInt8]

    init(seq: Int, method: CallbackMethod, receiver: Receiver, appState: AppState, json: [UInt8]) {
        self.seq = seq
        self.method = method
        self.receiver = receiver
        self.appState = appState
        self.json = json
    }

    /// `c` as callback `seq`, by the general path (`JSONWriter.writeGeneral`): the bytes
    /// every faster path must write.
    init(seq: Int, callback c: Callback) {
        var w = JSONWriter(capacity: 160)
        w.writeGeneral(seq: seq, c)
        self.init(seq: seq, method: c.method, receiver: c.receiver, appState: c.appState, json: w.bytes)
    }
}

extension JSONWriter {
    /// A callback read out of the log, as a value.
    mutating func write(_ c: LoggedCallback) {
        c.json.withUnsafeBufferPointer { elements($0) }
    }

    /// Callbacks read out of the log, as array elements, in order.
    mutating func write(callbacks: some Sequence<LoggedCallback>) {
        for c in callbacks { c.json.withUnsafeBufferPointer { elements($0) } }
    }
}
