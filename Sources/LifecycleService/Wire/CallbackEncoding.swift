import LifecycleModel

/// How a callback becomes the JSON object the API sends
/// (`{"seq":…,"receiver":…,"method":…,"appState":…[,"sceneId":…][,"sceneState":…][,"viewController":…][,"args":…]}`,
/// contract, "Action result"): the general path member by member, and the path the
/// session log takes, which writes the same bytes from pre-encoded pieces
/// (`CallbackHeads`, `ArgumentTails`). The log keeps what it writes: an answer's callbacks
/// are then one copy of the log's bytes (Store/CallbackLog.swift).
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

    /// `c` as callback `seq`, read where it is (a copy retained its Strings), from the
    /// pre-encoded head of its method, receiver and state and, for an observer item, its
    /// pre-encoded arguments: the bytes of `writeGeneral(seq:_:)`. Returns its receiver.
    @discardableResult
    mutating func writeLogged(
        _ c: UnsafePointer<Callback>, seq: Int, heads: CallbackHeads, tails: ArgumentTails,
        previous: inout SeqDigits
    ) -> Receiver {
        // Most callbacks (the app delegate's, the observer channels') name only their
        // receiver: one switch over the target instead of three, and, with no arguments
        // or an observer item's, the whole object from pre-encoded pieces at once.
        if let receiver = c.pointee.target.bareReceiver {
            let written: Bool? = heads.withHead(
                method: c.pointee.method, receiver: receiver, appState: c.pointee.appState
            ) { head in
                switch c.pointee.arguments {
                case .none:
                    writeCallback(
                        seq: seq, head: head, tail: UnsafeBufferPointer(start: nil, count: 0), previous: &previous)
                case .observer(let argument):
                    writeCallback(seq: seq, head: head, tail: tails.tail(argument), previous: &previous)
                case .json(let args):
                    openCallback(seq: seq, head: head, previous: &previous)
                    key("args")
                    value(args)
                    endObject()
                }
                return true
            }
            if written != nil { return receiver }
        }
        let receiver = c.pointee.receiver
        open(seq: seq, receiver: receiver, method: c.pointee.method, appState: c.pointee.appState, heads, &previous)
        if let id = c.pointee.sceneId { member("sceneId", id) }
        if let state = c.pointee.sceneState { member("sceneState", state.rawValue) }
        if let name = c.pointee.viewController { member("viewController", name) }
        switch c.pointee.arguments {
        case .none:
            break
        case .observer(let argument):
            appendAll(tails.tail(argument))
        case .json(let args):
            key("args")
            value(args)
        }
        endObject()
        return receiver
    }

    /// The head from the table, or member by member for a pair the table lacks (none the
    /// model records).
    @inline(__always)
    private mutating func open(
        seq: Int, receiver: Receiver, method: CallbackMethod, appState: AppState, _ heads: CallbackHeads,
        _ previous: inout SeqDigits
    ) {
        let opened: Void? = heads.withHead(method: method, receiver: receiver, appState: appState) { head in
            openCallback(seq: seq, head: head, previous: &previous)
        }
        if opened == nil { openGeneral(seq: seq, receiver: receiver, method: method, appState: appState) }
    }
}

extension CallbackTarget {
    /// The receiver, when the target names nothing else (no scene, no view controller):
    /// a callback with no more than that has only its fixed members and arguments.
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
