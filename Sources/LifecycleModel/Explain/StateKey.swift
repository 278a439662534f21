/// What the explanation search tells states apart by, for the log at hand: the
/// abstract state, and of what it leaves out only what the log's callbacks can
/// depend on.
///
/// - The view controllers (names, stacks, children) when the log watches a view
///   controller's or a view's callback, or a framework event (Flutter's and Compose's
///   lenses follow the host controller's appearance); else the windows' stack sizes are left out too,
///   so that a push the log cannot see leads nowhere new.
/// - The interface (orientation, appearance, tab, traits a controller missed) when the
///   log watches a callback the interface decides (`WatchedSet.watchesInterface`).
/// - The observers' memory when the log watches a notification or a framework event.
///
/// Why: the search's cost is the number of states times the candidate actions, and a
/// delegate log of a two-window iPad otherwise tells apart every stack and rotation of
/// both windows, which the log cannot see (issue #34: proving that no sequence fits
/// must cost about what it costs on an iPhone).
struct StateKey: Hashable {
    var state: AbstractState
    var windows: [Window]
    var orientation: InterfaceOrientation?
    var style: UserInterfaceStyle?
    var observers: ObserverSnapshot?

    struct Window: Hashable {
        var orientation: InterfaceOrientation?
        var style: UserInterfaceStyle?
        var tab: Int?
        /// Per context, bottom to top.
        var stacks: [[Controller]]
    }

    struct Controller: Hashable {
        var name: String
        var children: Set<String>
        var missedStyle: UserInterfaceStyle?
        var missedPortrait: Bool?
    }

    /// What a log lets the key leave out.
    struct Projection: Equatable {
        var controllers: Bool
        var interface: Bool
        var observers: Bool

        /// Everything: the key of the search before issue #34, for a check.
        static let full = Projection(controllers: true, interface: true, observers: true)

        init(controllers: Bool, interface: Bool, observers: Bool) {
            self.controllers = controllers
            self.interface = interface
            self.observers = observers
        }

        init(_ log: WatchedSet) {
            self.init(
                controllers: log.watchesControllers || log.watchesLenses, interface: log.watchesInterface,
                observers: log.watchesObservers)
        }
    }

    init(_ snapshot: AppSnapshot, _ projection: Projection) {
        var state = AbstractState(snapshot)
        let interface = projection.interface
        if projection.controllers {
            windows = snapshot.windows.map { window in
                Window(
                    orientation: interface ? window.interface.orientation : nil,
                    style: interface ? window.interface.style : nil, tab: window.interface.tabBar?.selected,
                    stacks: window.contexts.map { context in
                        context.stack.map {
                            Controller(
                                name: $0.name, children: Set($0.children.map(\.name)),
                                missedStyle: interface ? $0.missedTraits?.style : nil,
                                missedPortrait: interface ? $0.missedTraits?.portrait : nil)
                        }
                    })
            }
        } else {
            state.windows = []
            windows = []
            // Without controllers, nothing the log shows tells two scenes apart (a key
            // has no scene): two states whose scenes only swapped places are one.
            if state.scenes.count > 1 { state = Self.scenesInOrder(state) }
        }
        orientation = interface ? snapshot.interface.orientation : nil
        style = interface ? snapshot.interface.style : nil
        observers = projection.observers ? snapshot.observers : nil
        self.state = state
    }

    /// `state` with its scenes sorted by state, the front one first among equals.
    private static func scenesInOrder(_ state: AbstractState) -> AbstractState {
        var out = state
        let order = state.scenes.indices.sorted { i, j in
            (state.scenes[i].rawValue, i == state.frontScene ? 0 : 1, i)
                < (state.scenes[j].rawValue, j == state.frontScene ? 0 : 1, j)
        }
        out.scenes = order.map { state.scenes[$0] }
        out.frontScene = state.frontScene.flatMap { front in order.firstIndex(of: front) }
        return out
    }

    static func == (a: StateKey, b: StateKey) -> Bool {
        a.state == b.state && a.windows == b.windows && a.orientation == b.orientation && a.style == b.style
            && a.observers == b.observers
    }

    /// The observers' memory is only compared (it has no hash); states that differ in it
    /// alone share a bucket.
    func hash(into hasher: inout Hasher) {
        hasher.combine(state)
        hasher.combine(windows)
        hasher.combine(orientation)
        hasher.combine(style)
    }
}
