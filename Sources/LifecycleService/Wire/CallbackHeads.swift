import LifecycleModel

/// The members of a logged callback between `{"seq":N` and what varies per callback:
/// `,"receiver":"…","method":"…","appState":"…"`, pre-encoded once for the process for
/// every method, each receiver that hears it (`CallbackMethod.isHeard(by:)`) and every
/// app state, by the general path (`JSONWriter.openGeneral`), so the bytes are its
/// bytes. Writing a callback is then one copy where it was three pieces and a lookup
/// each (issue #20: an observed action writes about 18 callbacks).
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
    /// Per method family (`CallbackMethod.family`), the `index` of its first method: the
    /// model's own bases are statics, each read a `swift_once` check.
    private let familyBases: UnsafePointer<Int32>
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
        let families = (CallbackMethod.allCases.map(\.family.number).max() ?? -1) + 1
        var bases = [Int32](repeating: -1, count: families)
        for method in CallbackMethod.allCases {
            let (family, member) = method.family
            let base = Int32(method.index - member)
            precondition(
                bases[family] == -1 || bases[family] == base, "\(method): its family's methods are not in turn")
            bases[family] = base
        }
        self.familyBases = UnsafePointer(Self.kept(bases))
        self.ranges = UnsafePointer(Self.kept(ranges))
        self.receivers = UnsafePointer(Self.kept(receivers))
        self.heads = UnsafePointer(Self.kept(heads))
    }

    /// The head of a callback with these members; nil for a receiver that does not hear `method`.
    @inline(__always)
    func head(method: CallbackMethod, receiver: Receiver, appState: AppState) -> UnsafeBufferPointer<UInt8>? {
        let range = ranges[index(of: method)]
        var entry = Int(range.first)
        let end = entry + Int(range.count)
        while entry < end {
            if receivers[entry] == receiver { return heads[entry * states + appState.index] }
            entry += 1
        }
        return nil
    }

    /// `method.index`, from the table of family bases.
    @inline(__always)
    func index(of method: CallbackMethod) -> Int {
        let (family, member) = method.family
        return Int(familyBases[family]) + member
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

extension CallbackMethod {
    /// Its family's number and its own within the family (`rawValue`): `index` is the
    /// family's base plus the latter (`CallbackHeads.index(of:)`).
    @inline(__always)
    var family: (number: Int, member: Int) {
        switch self {
        case .appDelegate(let m): (0, m.rawValue)
        case .sceneDelegate(let m): (1, m.rawValue)
        case .viewController(let m): (2, m.rawValue)
        case .notificationCenterDelegate(let m): (3, m.rawValue)
        case .locationManagerDelegate(let m): (4, m.rawValue)
        case .backgroundTask(let m): (5, m.rawValue)
        case .bgTask(let m): (6, m.rawValue)
        case .urlSessionDelegate(let m): (7, m.rawValue)
        case .tabBarControllerDelegate(let m): (8, m.rawValue)
        case .swiftUI(let m): (9, m.rawValue)
        case .notification(let m): (10, m.rawValue)
        case .framework(let m): (11, m.rawValue)
        }
    }
}
