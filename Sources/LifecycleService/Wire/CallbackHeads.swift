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
    /// Per method (by `CallbackMethod.index`) and receiver (by `Receiver.index`), the
    /// entry of `heads` for the pair, -1 for a receiver that does not hear the method: a
    /// head is two reads, where a search of the method's receivers cost a loop a callback.
    private let entries: UnsafePointer<Int16>
    /// `Receiver.allCases.count`, the width of a row of `entries`.
    private let receiverCount = Receiver.allCases.count
    /// `AppState.allCases.count` heads per entry, by `AppState.index`.
    private let heads: UnsafePointer<UnsafeBufferPointer<UInt8>>
    /// Per method family (`CallbackMethod.family`), the `index` of its first method: the
    /// model's own bases are statics, each read a `swift_once` check.
    private let familyBases: UnsafePointer<Int32>
    /// `AppState.allCases.count`, kept here: a static would cost a `swift_once` check a read.
    private let states = AppState.allCases.count

    static let shared = CallbackHeads()

    private init() {
        let width = Receiver.allCases.count
        var entries: [Int16] = []
        var heads: [UnsafeBufferPointer<UInt8>] = []
        var count = 0
        for method in CallbackMethod.allCases {
            precondition(entries.count == method.index * width, "\(method): methods are not in index order")
            for receiver in Receiver.allCases {
                precondition(entries.count % width == receiver.index, "\(receiver): not in index order")
                guard method.isHeard(by: receiver) else {
                    entries.append(-1)
                    continue
                }
                precondition(count < Int(Int16.max), "more heads than an Int16 holds")
                entries.append(Int16(count))
                count += 1
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
        self.entries = UnsafePointer(Self.kept(entries))
        self.heads = UnsafePointer(Self.kept(heads))
    }

    /// The head of a callback with these members; nil for a receiver that does not hear `method`.
    @inline(__always)
    func head(method: CallbackMethod, receiver: Receiver, appState: AppState) -> UnsafeBufferPointer<UInt8>? {
        let entry = Int(entries[index(of: method) &* receiverCount &+ receiver.index])
        return entry < 0 ? nil : heads[entry &* states &+ appState.index]
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
