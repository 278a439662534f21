import LifecycleModel

/// A callback with its per-session sequence number, kept compact and written as the
/// JSON object the API sends (`{"seq":…,"receiver":…,…}`).
///
/// What most callbacks are made of is kept in a few bytes: the method (written from
/// `MethodNames`), the view controller as a number into an interned table of
/// pre-encoded names (`ControllerNames`), receiver and app state as one-byte enums. The rest (scene,
/// arguments) is kept encoded as JSON in `tail`, in pieces: a large payload (a
/// notification's) is one piece encoded once per action and shared, not copied, by
/// every callback whose arguments hold it. A plain callback is 32 bytes and no
/// allocation (it was a `Callback` of Strings, about 100 bytes, and then its JSON).
struct LoggedCallback: Sendable {
    var seq: Int
    /// Encoded JSON members after the fixed ones (`,"sceneId":…,"args":…`), in pieces;
    /// empty for most callbacks.
    var tail: [[UInt8]]
    /// Bytes this entry accounts for: its size and its own pieces, and the shared
    /// piece if it is the newest entry holding it (see `CallbackLog.append`).
    var cost: Int
    var method: CallbackMethod
    /// The view controller's number in `ControllerNames`, or `none`.
    var viewController: UInt16
    var receiver: Receiver
    var appState: AppState
    /// Whether one of `tail` is the action's shared payload.
    var holdsShared: Bool

    static let none = UInt16.max

    /// What an entry costs besides its tail: the entry itself, and an array's header
    /// and element per piece.
    static let overhead = MemoryLayout<LoggedCallback>.stride
    static let pieceOverhead = 48

    /// What an entry becomes once dropped from a log (its bytes released).
    static let dropped = LoggedCallback(
        seq: 0, tail: [], cost: 0, method: .appDelegate(.didBecomeActive), viewController: none,
        receiver: .appDelegate, appState: .notRunning, holdsShared: false)

    /// A callback with only its fixed members (seq 0), to make `CallbackHeads` from.
    static func sample(method: CallbackMethod, receiver: Receiver, appState: AppState) -> LoggedCallback {
        LoggedCallback(
            seq: 0, tail: [], cost: 0, method: method, viewController: none, receiver: receiver,
            appState: appState, holdsShared: false)
    }

    private init(
        seq: Int, tail: [[UInt8]], cost: Int, method: CallbackMethod, viewController: UInt16,
        receiver: Receiver, appState: AppState, holdsShared: Bool
    ) {
        self.seq = seq
        self.tail = tail
        self.cost = cost
        self.method = method
        self.viewController = viewController
        self.receiver = receiver
        self.appState = appState
        self.holdsShared = holdsShared
    }

    /// Keeps `c` as callback `seq` (contract, "Action result").
    init(seq: Int, callback: Callback, sharing: SharedPayload?) {
        self = withUnsafePointer(to: callback) { Self.logging($0, seq: seq, sharing: sharing) }
    }

    /// `init(seq:callback:sharing:)`, reading the callback where it is: passed by value,
    /// it was copied (its Strings retained and released) for every callback the log
    /// keeps (bench/PROFILE.md, perf-apply).
    static func logging(_ callback: UnsafePointer<Callback>, seq: Int, sharing: SharedPayload?) -> LoggedCallback {
        let method = callback.pointee.method
        // Most callbacks (the app delegate's, the observer channels') name only their
        // receiver: one switch over the target instead of three.
        if let receiver = callback.pointee.target.bareReceiver {
            switch callback.pointee.arguments {
            case .none:
                return LoggedCallback(
                    seq: seq, tail: [], cost: Self.overhead, method: method, viewController: Self.none,
                    receiver: receiver, appState: callback.pointee.appState, holdsShared: false)
            case .observer(let argument):
                let encoded = ArgumentTails.shared.tail(argument)
                return LoggedCallback(
                    seq: seq, tail: encoded.tail, cost: encoded.cost, method: method, viewController: Self.none,
                    receiver: receiver, appState: callback.pointee.appState, holdsShared: false)
            case .json:
                break
            }
        }
        // The view controller is kept as a number only when nothing comes before it
        // in the tail (scene members go first on the wire).
        let plain = !callback.pointee.target.namesScene
        let controller =
            plain ? callback.pointee.viewController.flatMap { ControllerNames.shared.id($0) } : nil
        if plain, callback.pointee.viewController == nil || controller != nil {
            switch callback.pointee.arguments {
            case .none:
                // The common case: nothing to encode now.
                return LoggedCallback(
                    seq: seq, tail: [], cost: Self.overhead, method: method, viewController: controller ?? Self.none,
                    receiver: callback.pointee.receiver, appState: callback.pointee.appState, holdsShared: false)
            case .observer(let argument):
                // An observer item's argument: its tail encoded once (`ArgumentTails`).
                let encoded = ArgumentTails.shared.tail(argument)
                return LoggedCallback(
                    seq: seq, tail: encoded.tail, cost: encoded.cost, method: method,
                    viewController: controller ?? Self.none, receiver: callback.pointee.receiver,
                    appState: callback.pointee.appState, holdsShared: false)
            case .json:
                break
            }
        }
        var pieces: [[UInt8]] = []
        var w = JSONWriter(capacity: 64)
        w.beginObject()  // only to put commas between the members below; not kept
        let opening = w.count
        if let id = callback.pointee.sceneId { w.member("sceneId", id) }
        if let state = callback.pointee.sceneState { w.member("sceneState", state.rawValue) }
        if let name = callback.pointee.viewController, controller == nil { w.member("viewController", name) }
        if let args = callback.pointee.args {
            w.key("args")
            if let sharing {
                w.value(args, sharing: sharing, parts: &pieces, depth: 0)
            } else {
                w.value(args)
            }
        }
        let holdsShared = !pieces.isEmpty
        var last = w.bytes
        if pieces.isEmpty { last.removeFirst(opening) } else { pieces[0].removeFirst(opening) }
        // The first member written had no comma before it: the fixed members precede it.
        if let first = pieces.isEmpty ? last.first : pieces[0].first, first != UInt8(ascii: ",") {
            if pieces.isEmpty {
                last.insert(UInt8(ascii: ","), at: 0)
            } else {
                pieces[0].insert(UInt8(ascii: ","), at: 0)
            }
        }
        if !last.isEmpty { pieces.append(last) }
        // pieces = [own, shared, own, shared, …, own]: only the even ones are this entry's.
        let own = pieces.indices.reduce(0) { $0 + ($1 % 2 == 0 ? pieces[$1].count + Self.pieceOverhead : 0) }
        return LoggedCallback(
            seq: seq, tail: pieces, cost: own + Self.overhead, method: method,
            viewController: controller ?? Self.none, receiver: callback.pointee.receiver,
            appState: callback.pointee.appState,
            holdsShared: holdsShared)
    }

    /// The encoded size.
    var byteCount: Int {
        var n = 9 + JSONWriter.decimalDigits(seq) + 12 + c(receiver.rawValue)  // {"seq":N,"receiver":"…" and }
        n += 10 + MethodNames.encoded(method).count + 12 + c(appState.rawValue)
        if viewController != Self.none { n += 18 + ControllerNames.shared.encoded(viewController).count }
        return tail.reduce(n) { $0 + $1.count }
    }

    private func c(_ name: String) -> Int { name.utf8.count + 2 }

    /// The callback's JSON object.
    var json: [UInt8] {
        var w = JSONWriter(capacity: byteCount)
        w.write(self)
        return w.bytes
    }
}

extension CallbackTarget {
    /// The receiver, when the target names nothing else (no scene, no view controller):
    /// a callback with no more than that keeps only its fixed members.
    var bareReceiver: Receiver? {
        switch self {
        case .appDelegate: .appDelegate
        case .appDelegateAdaptor: .appDelegateAdaptor
        case .notificationCenterDelegate: .notificationCenterDelegate
        case .locationManagerDelegate: .locationManagerDelegate
        case .backgroundTask: .backgroundTask
        case .bgTask: .bgTask
        case .urlSessionDelegate: .urlSessionDelegate
        case .app: .app
        case .tabBarControllerDelegate(nil): .tabBarControllerDelegate
        case .notificationCenter(nil, nil): .notificationCenter
        case .reactNative: .reactNative
        case .flutter: .flutter
        case .capacitor: .capacitor
        case .cordova: .cordova
        case .maui(nil): .maui
        case .sceneDelegate, .scene, .viewController, .view, .tabBarControllerDelegate, .notificationCenter, .maui,
            .composeMultiplatform:
            nil
        }
    }
}

/// An action's payload, encoded once, to be shared by the callbacks that carry it.
struct SharedPayload: Sendable {
    let value: JSONValue
    let bytes: [UInt8]

    /// Payloads smaller than this are simply copied into each callback.
    static let threshold = 512

    /// The payload of a notification action, if it is large enough to share. `action` is
    /// borrowed: an initializer's parameter is owned, and every action was copied for
    /// this check (bench/PROFILE.md, perf-apply).
    init?(_ action: __shared Action) {
        let payload: JSONValue
        switch action {
        case .tapNotification(let p), .receiveNotification(let p): payload = p
        default: return nil
        }
        var w = JSONWriter(capacity: 1024)
        w.value(payload)
        guard w.bytes.count >= Self.threshold else { return nil }
        self.value = payload
        self.bytes = w.bytes
    }

    /// Whether `v` is the payload: the same storage (how the model passes it on) or,
    /// failing that, equal with as many members.
    func matches(_ v: JSONValue) -> Bool {
        switch (v, value) {
        case (.object(let a), .object(let b)):
            a.count == b.count
                && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress }
                    || a == b)
        case (.array(let a), .array(let b)):
            a.count == b.count
                && (a.withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress }
                    || a == b)
        default:
            false
        }
    }
}

extension JSONWriter {
    /// Writes `v`, putting the shared payload, where it occurs within the first
    /// levels, as a piece of its own in `parts`.
    mutating func value(_ v: JSONValue, sharing: SharedPayload, parts: inout [[UInt8]], depth: Int) {
        guard depth <= 3 else {
            value(v)
            return
        }
        if sharing.matches(v) {
            parts.append(splitForValue())
            parts.append(sharing.bytes)
            return
        }
        switch v {
        case .array(let elements):
            beginArray()
            for e in elements { value(e, sharing: sharing, parts: &parts, depth: depth + 1) }
            endArray()
        case .object(let members):
            beginObject()
            for m in members {
                key(escaping: m.key)
                value(m.value, sharing: sharing, parts: &parts, depth: depth + 1)
            }
            endObject()
        default:
            value(v)
        }
    }

    /// A logged callback: `{"seq":N`, its receiver, method and app state members as one
    /// pre-encoded run (`CallbackHeads`), then its view controller and its tail. A pair
    /// the table lacks (none the model records) takes the general path.
    mutating func write(_ c: LoggedCallback) {
        var previous = SeqDigits()
        withUnsafePointer(to: c) { write($0, heads: .shared, previous: &previous) }
    }

    /// Callbacks as array elements, in order (the table read once for all of them).
    mutating func write(callbacks: ArraySlice<LoggedCallback>) {
        let heads = CallbackHeads.shared
        var previous = SeqDigits()
        callbacks.withUnsafeBufferPointer { all in
            guard let first = all.baseAddress else { return }
            for i in 0..<all.count { write(first + i, heads: heads, previous: &previous) }
        }
    }

    /// `write(_: LoggedCallback)`, reading the entry where it is (a copy retained its tail).
    private mutating func write(_ c: UnsafePointer<LoggedCallback>, heads: CallbackHeads, previous: inout SeqDigits) {
        guard
            let head = heads.head(method: c.pointee.method, receiver: c.pointee.receiver, appState: c.pointee.appState)
        else { return writeGeneral(c.pointee) }
        openCallback(seq: c.pointee.seq, head: head, previous: &previous)
        if c.pointee.viewController != LoggedCallback.none {
            key("viewController")
            encoded(ControllerNames.shared.encoded(c.pointee.viewController))
        }
        if !c.pointee.tail.isEmpty {
            c.pointee.tail.withUnsafeBufferPointer { pieces in
                for i in pieces.indices { appendAll(pieces[i]) }
            }
        }
        endObject()
    }

    /// `write(_: LoggedCallback)` member by member (what its fast path's bytes are made by).
    mutating func writeGeneral(_ c: LoggedCallback) {
        beginObject()
        key("seq")
        int(c.seq)
        receiverMember(c.receiver)
        key("method")
        encoded(MethodNames.encoded(c.method))
        member("appState", literal: c.appState.wireName)
        if c.viewController != LoggedCallback.none {
            key("viewController")
            encoded(ControllerNames.shared.encoded(c.viewController))
        }
        for piece in c.tail { appendAll(piece) }
        endObject()
    }

    fileprivate mutating func receiverMember(_ receiver: Receiver) {
        if let name = receiver.wireName {
            member("receiver", literal: name)
        } else {
            member("receiver", receiver.rawValue)
        }
    }
}

/// The members of a logged callback between `{"seq":N` and what varies per callback:
/// `,"receiver":"…","method":"…","appState":"…"`, pre-encoded once for the process for
/// every method, each receiver that hears it (`CallbackMethod.isHeard(by:)`) and every
/// app state, by the general path of `JSONWriter.write(_: LoggedCallback)`, so the bytes
/// are its bytes. Writing a callback is then one copy where it was three pieces and a
/// lookup each (issue #20: an observed action writes about 18 callbacks).
///
/// A value of pointers into memory that is never freed (the tables live as long as the
/// process): read `shared` once per answer, since each read of a static costs a
/// `swift_once` check.
struct CallbackHeads: @unchecked Sendable {
    /// Per method (by `CallbackMethod.index`): where its receivers begin in `receivers`
    /// and how many there are.
    private let ranges: UnsafePointer<(first: Int32, count: Int32)>
    /// The receivers heard per method, in `Receiver.allCases` order.
    private let receivers: UnsafePointer<Receiver>
    /// `AppState.allCases.count` heads per entry of `receivers`, by `AppState.index`.
    private let heads: UnsafePointer<UnsafeBufferPointer<UInt8>>
    /// `AppState.allCases.count`, kept here: a static would cost a `swift_once` check a read.
    private let states = AppState.allCases.count

    static let shared = CallbackHeads()

    private init() {
        var ranges: [(first: Int32, count: Int32)] = []
        var receivers: [Receiver] = []
        var heads: [UnsafeBufferPointer<UInt8>] = []
        for method in CallbackMethod.allCases {
            let heard = Receiver.allCases.filter { method.isHeard(by: $0) }
            ranges.append((Int32(receivers.count), Int32(heard.count)))
            for receiver in heard {
                receivers.append(receiver)
                for state in AppState.allCases {
                    heads.append(Self.encoded(method: method, receiver: receiver, appState: state))
                }
            }
        }
        self.ranges = UnsafePointer(Self.kept(ranges))
        self.receivers = UnsafePointer(Self.kept(receivers))
        self.heads = UnsafePointer(Self.kept(heads))
    }

    /// The head of a callback with these members; nil for a receiver that does not hear `method`.
    @inline(__always)
    func head(method: CallbackMethod, receiver: Receiver, appState: AppState) -> UnsafeBufferPointer<UInt8>? {
        let range = ranges[method.index]
        var entry = Int(range.first)
        let end = entry + Int(range.count)
        while entry < end {
            if receivers[entry] == receiver { return heads[entry * states + appState.index] }
            entry += 1
        }
        return nil
    }

    /// What the general path writes after `{"seq":0` for a callback with these members.
    private static func encoded(method: CallbackMethod, receiver: Receiver, appState: AppState) -> UnsafeBufferPointer<
        UInt8
    > {
        let sample = LoggedCallback.sample(method: method, receiver: receiver, appState: appState)
        var w = JSONWriter(capacity: 160)
        w.writeGeneral(sample)
        let bytes = w.bytes
        // `{"seq":0` before the head, `}` after it: a sample has no view controller or tail.
        let head = bytes[8..<(bytes.count - 1)]
        return UnsafeBufferPointer(start: kept(Array(head)), count: head.count)
    }

    /// `values` in memory that is never freed.
    private static func kept<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let memory = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        _ = UnsafeMutableBufferPointer(start: memory, count: values.count).initialize(from: values)
        return memory
    }
}
