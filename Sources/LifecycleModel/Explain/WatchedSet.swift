/// The watched set of a log: the keys of its entries. A callback is watched when it
/// is about one of them (method, receiver, view controller; whatever its argument);
/// an explanation's watched callbacks must match the log, in order.
struct WatchedSet: Sendable {
    let entries: [CallbackKey]
    /// The distinct keys of each method, by `CallbackMethod.index`: a callback is looked
    /// up by its typed method, never by its name.
    private let byMethod: [[CallbackKey]]
    /// The receivers whose callbacks the log prints (some of them).
    let printedReceivers: Set<Receiver>

    init(_ entries: [CallbackKey]) {
        self.entries = entries
        var byMethod = [[CallbackKey]](repeating: [], count: CallbackMethod.count)
        var printed: Set<Receiver> = []
        for key in Set(entries) {
            for method in key.methods {
                byMethod[method.index].append(key)
                let hearers = Receiver.allCases.filter(method.isHeard(by:))
                printed.formUnion(key.receiver.map { hearers.contains($0) ? [$0] : [] } ?? hearers)
            }
        }
        self.byMethod = byMethod
        self.printedReceivers = printed
    }

    /// What the callbacks an action makes that the log does not show weigh against it,
    /// when stories of as many actions fit the log. One of a receiver the log prints
    /// outweighs any number of others: an app that logs some of its scene delegate's
    /// calls logs the ones it implements, while callbacks of a receiver it never
    /// prints (the snapshot's layout pass and trait changes, when it logs no view
    /// controller) say nothing either way. A named choice (issue #34's tie-break).
    func unshownWeight(of callbacks: [Callback]) -> Int {
        callbacks.reduce(0) { sum, c in
            watches(c) ? sum : sum + (printedReceivers.contains(c.receiver) ? Self.printedReceiverWeight : 1)
        }
    }

    /// Larger than the callbacks any explanation makes on receivers the log never prints.
    static let printedReceiverWeight = 1 << 20

    func watches(_ callback: Callback) -> Bool {
        byMethod[callback.method.index].contains { $0.isAbout(callback) }
    }

    /// How one action's watched callbacks go along the log from `position`.
    enum Step: Equatable {
        /// They are the log's entries up to `to` (exclusive); `to == position` when the
        /// action makes none the log shows.
        case advanced(to: Int)
        /// They match the log up to `at`, then `callback` is not the entry there (or
        /// the log has ended).
        case diverged(at: Int, callback: Callback)
    }

    /// Follows `watched` (one action's watched callbacks, in order) along the log.
    ///
    /// A repeatable callback (`CallbackMethod.isRepeatable`: the layout pair) is a pass
    /// the log may show any number of times, none included: where the model makes one
    /// and the log's next entries are that controller's repeatable ones, all of them
    /// are the pass; where the log shows none, the model's pass is passed over.
    func follow(_ watched: [Callback], from position: Int) -> Step {
        var at = position
        var i = 0
        while i < watched.count {
            let c = watched[i]
            if c.method.isRepeatable {
                if at < entries.count, entries[at].matches(c) {
                    while at < entries.count, entries[at].isRepeatable, entries[at].names(c.viewController) { at += 1 }
                    while i < watched.count, watched[i].method.isRepeatable,
                        watched[i].viewController == c.viewController
                    {
                        i += 1
                    }
                } else {
                    i += 1
                }
                continue
            }
            guard at < entries.count, entries[at].matches(c) else { return .diverged(at: at, callback: c) }
            at += 1
            i += 1
        }
        return .advanced(to: at)
    }

    /// The log watches a callback the interface decides (a trait or size change of a
    /// view controller, the window scene's update): only then does the search tell
    /// apart states that differ in orientation or appearance alone (the space is eight
    /// times larger with them). Layout is not one: its passes match loosely anyway.
    var watchesInterface: Bool {
        entries.contains { key in key.methods.contains { $0.isDecidedByInterface } }
    }

    /// The log watches a view controller's or a SwiftUI view's callback.
    var watchesControllers: Bool {
        entries.contains { $0.methods.contains { $0.isAboutViews } }
    }

    /// The log watches a notification or a framework event.
    var watchesObservers: Bool {
        entries.contains { key in
            key.methods.contains {
                switch $0 {
                case .notification, .framework: true
                default: false
                }
            }
        }
    }

    /// The log watches a framework event (a lens may follow the host controller).
    var watchesLenses: Bool {
        entries.contains { key in
            key.methods.contains {
                if case .framework = $0 { true } else { false }
            }
        }
    }

    /// The view-controller names the log gives (for push, present, addChild), in order.
    var controllerNames: [String] {
        var seen = Set<String>()
        return entries.compactMap(\.viewController).filter { seen.insert($0).inserted }
    }
}

extension CallbackMethod {
    /// Layout: UIKit lays a view out as often as its bounds change, so a log may show
    /// two passes on a first appearance and none on a pop ([READKE]). The model makes
    /// one pass where UIKit makes at least one; the search lets a logged run of them
    /// stand for it, and the log leave it out.
    var isRepeatable: Bool {
        self == .viewController(.viewWillLayoutSubviews) || self == .viewController(.viewDidLayoutSubviews)
    }

    /// A callback the orientation or appearance decides (breadth §5).
    var isDecidedByInterface: Bool {
        switch self {
        case .viewController(let m):
            [
                .traitCollectionDidChange, .userInterfaceStyleHandler, .verticalSizeClassHandler,
                .willTransitionToTraits,
                .viewWillTransition,
            ].contains(m)
        case .sceneDelegate(let m): m == .didUpdateCoordinateSpace
        default: false
        }
    }

    /// A view controller's or a SwiftUI view's callback.
    var isAboutViews: Bool {
        switch self {
        case .viewController: true
        case .swiftUI(let m): m == .onAppear || m == .onDisappear || m == .onOpenURL || m == .onContinueUserActivity
        default: false
        }
    }
}

extension CallbackKey {
    /// A log entry of a repeatable method.
    var isRepeatable: Bool { methods.contains { $0.isRepeatable } }

    /// The entry names this controller, or none.
    func names(_ controller: String?) -> Bool { viewController == nil || viewController == controller }
}
