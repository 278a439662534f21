import LifecycleModel

/// The members of a logged callback between `{"seq":N` and what varies per callback:
/// `,"receiver":"…","method":"…","appState":"…"`, pre-encoded once for the process for
/// every method, each receiver that hears it (`CallbackMethod.isHeard(by:)`) and every
/// app state, by the general path (`JSONWriter.openGeneral`), so the bytes are its bytes. Writing a callback is then one copy where it was three pieces and a
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
        var w = JSONWriter(capacity: 160)
        w.openGeneral(seq: 0, receiver: receiver, method: method, appState: appState)
        let head = w.bytes[8...]  // after `{"seq":0`
        return UnsafeBufferPointer(start: kept(Array(head)), count: head.count)
    }

    /// `values` in memory that is never freed.
    private static func kept<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
        let memory = UnsafeMutablePointer<T>.allocate(capacity: max(1, values.count))
        _ = UnsafeMutableBufferPointer(start: memory, count: values.count).initialize(from: values)
        return memory
    }
}
