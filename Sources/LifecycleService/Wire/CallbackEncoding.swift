import LifecycleModel

/// How a callback becomes the JSON object the API sends
/// (`{"seq":…,"receiver":…,"method":…,"appState":…[,"sceneId":…][,"sceneState":…][,"viewController":…][,"args":…]}`,
/// contract, "Action result"): the general path member by member, and the path the
/// session log's callbacks take, which writes the same bytes from a logged entry and
/// pre-encoded pieces: the head of its method, receiver and state (`CallbackHeads`),
/// its names (the chunk's, quoted once) and its arguments (`ArgumentTails`, or encoded
/// when logged).
extension JSONWriter {
    /// `c` as callback `seq`, member by member: what every faster path must match.
    mutating func writeGeneral(seq: Int, _ c: Callback) {
        openGeneral(seq: seq, receiver: c.receiver, method: c.method, appState: c.appState)
        if let id = c.sceneId { member("sceneId", id) }
        if let state = c.sceneState { member("sceneState", state.rawValue) }
        if let name = c.viewController { member("viewController", name) }
        if let args = c.args {
            key("args")
            value(args)
        }
        endObject()
    }

    /// `{"seq":N,"receiver":…,"method":…,"appState":…`, member by member.
    mutating func openGeneral(seq: Int, receiver: Receiver, method: CallbackMethod, appState: AppState) {
        beginObject()
        key("seq")
        int(seq)
        if let name = receiver.wireName {
            member("receiver", literal: name)
        } else {
            member("receiver", receiver.rawValue)
        }
        member("method", method.name)
        member("appState", literal: appState.wireName)
    }

    /// A run of logged callbacks as array elements, each written from its entry and the
    /// pre-encoded pieces, with one capacity check: the bytes of `writeGeneral(seq:_:)`.
    mutating func write(callbacks run: LogRun) {
        guard !run.isEmpty else { return }
        let heads = CallbackHeads.shared
        let tails = ArgumentTails.shared
        let chunk = run.chunk
        var previous = SeqDigits()
        heads.bytes.withUnsafeBufferPointer { headBytes in
            tails.bytes.withUnsafeBufferPointer { tailBytes in
                chunk.table.bytes.withUnsafeBufferPointer { table in
                    chunk.entries.withUnsafeBufferPointer { entries in
                        for i in run.range {
                            let e = entries[i]
                            let seq = chunk.firstSeq + i
                            guard let head = heads.span(e.head)
                            else {
                                writeUnusual(e, seq: seq, in: chunk)
                                continue
                            }
                            if e.sceneId == 0, e.sceneState == nil, e.viewController == 0, e.arguments == .none {
                                appendBareCallback(
                                    seq: seq, head: UnsafeBufferPointer(rebasing: headBytes[head]), &previous)
                                continue
                            }
                            let parts = LoggedParts(
                                head: UnsafeBufferPointer(rebasing: headBytes[head]),
                                sceneId: e.sceneId > 0
                                    ? UnsafeBufferPointer(rebasing: table[chunk.table.span(e.sceneId)]) : nil,
                                sceneState: e.sceneState,
                                viewController: e.viewController > 0
                                    ? UnsafeBufferPointer(rebasing: table[chunk.table.span(e.viewController)]) : nil)
                            // Its JSON object's size, as logged (`loggedLength`).
                            let length = Int(e.cost) - CallbackLog.overhead
                            switch e.arguments {
                            case .none:
                                let tail = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                                appendCallback(seq: seq, parts, tail: tail, length: length, &previous)
                            case .observer(let argument):
                                let tail = UnsafeBufferPointer(rebasing: tailBytes[tails.span(argument)])
                                appendCallback(seq: seq, parts, tail: tail, length: length, &previous)
                            case .shared(let n):
                                let tail = UnsafeBufferPointer(rebasing: table[chunk.table.span(UInt16(n))])
                                appendCallback(seq: seq, parts, tail: tail, length: length, &previous)
                            case .own(let index):
                                chunk.own[Int(index)].withUnsafeBufferPointer { tail in
                                    appendCallback(seq: seq, parts, tail: tail, length: length, &previous)
                                }
                            case .pieces:
                                writeUnusual(e, seq: seq, in: chunk)
                            }
                        }
                    }
                }
            }
        }
    }

    /// A logged callback kept in pieces, or one whose receiver does not hear its method
    /// (none the model records): the first as its pieces, the other by the general path.
    private mutating func writeUnusual(_ e: LogSlot, seq: Int, in chunk: LogChunk) {
        if e.arguments == .pieces { return encoded(pieces: chunk.pieces[seq] ?? []) }
        openGeneral(seq: seq, receiver: e.receiver, method: e.method, appState: e.appState)
        if e.sceneId > 0 {
            key("sceneId")
            encoded(chunk.table.run(e.sceneId))
        }
        if let state = e.sceneState { member("sceneState", state.rawValue) }
        if e.viewController > 0 {
            key("viewController")
            encoded(chunk.table.run(e.viewController))
        }
        switch e.arguments {
        case .observer(let argument): appendAll(ArgumentTails.shared.bytes[ArgumentTails.shared.span(argument)])
        case .shared, .own: appendAll(chunk.argumentBytes(e) ?? [])
        case .none, .pieces: break
        }
        endObject()
    }

    /// The size of the JSON object entry `e` of `chunk` is written as, as callback `seq`.
    static func loggedLength(of e: LogSlot, seq: Int, in chunk: LogChunk, heads: CallbackHeads) -> Int {
        var length =
            8 + decimalDigits(seq) + heads.length(e.head, method: e.method, receiver: e.receiver, appState: e.appState)
        if e.sceneId > 0 { length += LoggedParts.sceneIdKey.utf8CodeUnitCount + chunk.table.span(e.sceneId).count }
        if let state = e.sceneState {
            length += LoggedParts.sceneStateKey.utf8CodeUnitCount + state.wireName.utf8CodeUnitCount + 2
        }
        if e.viewController > 0 {
            length += LoggedParts.viewControllerKey.utf8CodeUnitCount + chunk.table.span(e.viewController).count
        }
        switch e.arguments {
        case .observer(let argument): length += ArgumentTails.shared.span(argument).count
        case .shared, .own: length += chunk.argumentBytes(e)?.count ?? 0
        case .none, .pieces: break
        }
        return length
    }

    /// `s` as a JSON string, quotes included.
    static func quoted(_ s: String) -> [UInt8] {
        var w = JSONWriter(capacity: s.utf8.count + 8)
        w.string(s)
        return w.bytes
    }

    /// `,"args":…` as the general path writes it after a first member.
    static func argumentsMember(_ args: JSONValue) -> [UInt8] {
        afterFirstMember { w in
            w.key("args")
            w.value(args)
        }
    }

    /// `,"sceneId":…`, `,"sceneState":…` and `,"viewController":…` (those given), as the
    /// general path writes them after a first member.
    static func placeMembers(sceneId: String?, sceneState: SceneState?, viewController: String?) -> [UInt8] {
        afterFirstMember { w in
            if let sceneId { w.member("sceneId", sceneId) }
            if let sceneState { w.member("sceneState", sceneState.rawValue) }
            if let viewController { w.member("viewController", viewController) }
        }
    }

    /// What `body` writes into an object after its first member, comma included.
    private static func afterFirstMember(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        w.key("seq")
        w.int(0)
        let mark = w.count
        body(&w)
        return Array(w.bytes[mark...])
    }
}

extension LoggedCallback {
    /// The pieces of a callback whose arguments hold the action's shared payload
    /// (`[own, shared, own, …]`, the general path's bytes); nil when they do not.
    static func pieces(of c: Callback, seq: Int, args: JSONValue, sharing: SharedPayload) -> [[UInt8]]? {
        var pieces: [[UInt8]] = []
        var w = JSONWriter(capacity: 160)
        w.openGeneral(seq: seq, receiver: c.receiver, method: c.method, appState: c.appState)
        if let id = c.sceneId { w.member("sceneId", id) }
        if let state = c.sceneState { w.member("sceneState", state.rawValue) }
        if let name = c.viewController { w.member("viewController", name) }
        w.key("args")
        w.value(args, sharing: sharing, parts: &pieces, depth: 0)
        guard !pieces.isEmpty else { return nil }
        w.endObject()
        pieces.append(w.bytes)
        return pieces
    }
}
