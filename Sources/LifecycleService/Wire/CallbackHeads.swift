import LifecycleModel

/// The members of a logged callback between `{"seq":N` and what varies per callback:
/// `,"receiver":"…","method":"…","appState":"…"`, pre-encoded once for the process for
/// every method, each receiver that hears it (`CallbackMethod.isHeard(by:)`) and every
/// app state, by the general path (`JSONWriter.openGeneral`), so the bytes are its
/// bytes. Writing a callback is then one copy where it was three pieces and a lookup
/// each (issue #20: an observed action writes about 18 callbacks).
///
/// Plain values in flat arrays: a lookup reads a few integers and retains nothing.
struct CallbackHeads: Sendable {
    /// A receiver that hears a method, and where its heads are in `spans` (one per app
    /// state, by `AppState.index`, from `firstSpan`).
    private struct Heard: Sendable {
        /// The receiver's `Receiver.index`.
        let receiver: Int
        let firstSpan: Int
    }

    /// By `CallbackMethod.index`: where the method's receivers begin in `heard` (they
    /// end where the next method's begin).
    private let firstHeard: [Int]
    private let heard: [Heard]
    /// Where each head is in `bytes`.
    private let spans: [Range<Int>]
    /// Every head, one after the other.
    let bytes: [UInt8]

    static let shared = CallbackHeads()

    private init() {
        var firstHeard: [Int] = []
        var heard: [Heard] = []
        var spans: [Range<Int>] = []
        var bytes: [UInt8] = []
        for method in CallbackMethod.allCases {
            precondition(firstHeard.count == method.index, "\(method): CallbackMethod.allCases is not in index order")
            firstHeard.append(heard.count)
            for receiver in Receiver.allCases where method.isHeard(by: receiver) {
                heard.append(Heard(receiver: receiver.index, firstSpan: spans.count))
                for state in AppState.allCases {
                    precondition(
                        spans.count - heard[heard.count - 1].firstSpan == state.index, "\(state): out of order")
                    let head = Self.encoded(method: method, receiver: receiver, appState: state)
                    spans.append(bytes.count..<(bytes.count + head.count))
                    bytes += head
                }
            }
        }
        firstHeard.append(heard.count)
        precondition(spans.count < Int(Self.none), "more heads than a logged callback's number holds")
        self.firstHeard = firstHeard
        self.heard = heard
        self.spans = spans
        self.bytes = bytes
    }

    /// The number of the head of a callback with these members (its place in `spans`),
    /// which a logged callback keeps; `none` for a receiver that does not hear `method`
    /// (none the model records).
    func head(method: CallbackMethod, receiver: Receiver, appState: AppState) -> UInt16 {
        let m = method.index
        let r = receiver.index
        for i in firstHeard[m]..<firstHeard[m + 1] where heard[i].receiver == r {
            return UInt16(heard[i].firstSpan + appState.index)
        }
        return Self.none
    }

    /// No head: the callback is written by the general path.
    static let none = UInt16.max

    /// Where head `head` is in `bytes`; nil for `none`.
    func span(_ head: UInt16) -> Range<Int>? {
        head == Self.none ? nil : spans[Int(head)]
    }

    /// The head's length: what it adds to a callback's JSON after `{"seq":N`.
    func length(_ head: UInt16, method: CallbackMethod, receiver: Receiver, appState: AppState) -> Int {
        span(head)?.count ?? Self.encoded(method: method, receiver: receiver, appState: appState).count
    }

    /// What the general path writes after `{"seq":0` for a callback with these members.
    private static func encoded(method: CallbackMethod, receiver: Receiver, appState: AppState) -> [UInt8] {
        var w = JSONWriter(capacity: 160)
        w.openGeneral(seq: 0, receiver: receiver, method: method, appState: appState)
        return Array(w.bytes[8...])  // after `{"seq":0`
    }
}
