/// Where a view controller is: window, presentation context, stack position.
struct ViewControllerRef: Equatable {
    var window: Int
    var context: Int
    var index: Int
    /// A tab other than the selected one: the stack is that tab's (ContainerState.swift).
    var tab: Int? = nil
    /// Child indices from the stack member down (containment, breadth §6.5).
    var path: [Int] = []

    /// Its `k`th child.
    func child(_ k: Int) -> ViewControllerRef {
        var r = self
        r.path.append(k)
        return r
    }
}

extension Transition {
    /// Records a view-controller callback (receiver `viewController`, with its name and,
    /// in a scene app, its window's scene).
    mutating func callViewController(_ method: CallbackMethod, _ ref: ViewControllerRef, args: JSONValue? = nil) {
        // A SwiftUI app's controllers are SwiftUI's hosting controllers: not reported.
        guard delegates.swiftUI == nil else { return }
        let target = CallbackTarget.viewController(
            name: state.windows[ref.window][ref].name, scene: sceneRef(ofWindow: ref.window))
        record(Callback(target, method: method, appState: state.app, args: args))
    }

    /// An appearance callback, moving the controller along Apple's figure. The figure
    /// has no edge for a wrong call, and the phases never ask for one (the random
    /// tests hold every controller to the figure).
    /// A container forwards each appearance call to its children after its own
    /// (`shouldAutomaticallyForwardAppearanceMethods`, breadth §6.4, DOC; parent
    /// first is a documented choice).
    mutating func appearance(_ event: Appearance.Event, _ ref: ViewControllerRef, animated: Bool) {
        if event == .viewWillAppear { catchUpTraits(ref) }
        var vc = state.windows[ref.window][ref]
        let before = vc.appearance
        let moved = vc.apply(event)
        assert(moved, "\(event) is not an edge of the appearance figure")
        state.windows[ref.window][ref] = vc
        if delegates.swiftUI != nil {
            swiftUIAppearance(event, ref, from: before)
            if let o = observers { observeAppearance(event, ref, o) }
            for k in vc.children.indices { appearance(event, ref.child(k), animated: animated) }
            return
        }
        callViewController(.viewController(event.method), ref, args: .object(["animated": .bool(animated)]))
        if let o = observers { observeAppearance(event, ref, o) }
        for k in vc.children.indices { appearance(event, ref.child(k), animated: animated) }
    }

    /// `loadView()` then `viewDidLoad()`: once per controller, when it is created.
    mutating func load(_ ref: ViewControllerRef) {
        callViewController(.viewController(.loadView), ref)
        callViewController(.viewController(.viewDidLoad), ref)
    }

    /// The first half of appearing (§7): viewWillAppear, viewIsAppearing (iOS 13+),
    /// then the layout pass (`layoutPasses` of them).
    mutating func beginAppearing(_ ref: ViewControllerRef, animated: Bool, layoutPasses: Int = 1) {
        appearance(.viewWillAppear, ref, animated: animated)
        viewIsAppearingAndLayout(ref, animated: animated, layoutPasses: layoutPasses)
    }

    /// What follows viewWillAppear on the way in: viewIsAppearing (iOS 13+), then layout.
    mutating func viewIsAppearingAndLayout(_ ref: ViewControllerRef, animated: Bool, layoutPasses: Int = 1) {
        if profile.viewIsAppearing {
            callViewController(
                .viewController(.viewIsAppearing), ref, args: .object(["animated": .bool(animated)]))
        }
        for _ in 0..<layoutPasses { layout(ref) }
    }

    /// One layout pass of a controller's view: viewWillLayoutSubviews, viewDidLayoutSubviews.
    mutating func layout(_ ref: ViewControllerRef) {
        callViewController(.viewController(.viewWillLayoutSubviews), ref)
        callViewController(.viewController(.viewDidLayoutSubviews), ref)
    }

    // MARK: Windows

    func window(for sceneId: String?) -> Int? {
        state.windows.firstIndex { $0.sceneId == sceneId }
    }

    func root(_ window: Int) -> ViewControllerRef { ViewControllerRef(window: window, context: 0, index: 0) }

    /// A new window with its root view controller (config `rootViewController`), loaded.
    @discardableResult
    mutating func createWindow(sceneId: String?) -> Int {
        let settings = state.interface
        let tabBar = config.tabs.map { TabBarSnapshot(names: $0) }
        state.windows.append(
            WindowSnapshot(
                sceneId: sceneId, rootName: config.tabs?.first ?? config.rootViewController,
                interface: WindowInterface(orientation: settings.orientation, style: settings.style, tabBar: tabBar)))
        let w = state.windows.count - 1
        load(root(w))
        return w
    }

    /// The root's first appearance begins (documented choice: after didFinishLaunching
    /// or willConnectTo, before (scene)WillEnterForeground), with the window's first
    /// layout passes (quirk `firstDisplayLayoutPasses`: [PK-life] one, [RK-nav] two). A
    /// restored navigation stack shows its top controller instead (breadth §8.6).
    mutating func rootBeginsAppearing(_ w: Int) {
        guard !state.windows[w].rootShown else { return }
        beginAppearing(shownFirst(w), animated: false, layoutPasses: profile.ui.firstDisplayLayoutPasses)
    }

    /// …and ends after (scene)DidBecomeActive (documented choice, as reported).
    mutating func rootFinishesAppearing(_ w: Int) {
        guard !state.windows[w].rootShown else { return }
        appearance(.viewDidAppear, shownFirst(w), animated: false)
        state.windows[w].rootShown = true
    }

    /// The controller a window's first display shows: the top of its root's stack (the
    /// root itself unless state restoration restored controllers pushed on it).
    func shownFirst(_ w: Int) -> ViewControllerRef {
        ViewControllerRef(window: w, context: 0, index: state.windows[w].contexts[0].stack.count - 1)
    }

    /// The whole first appearance at once: a launch or connection into the
    /// background (facts §7: it runs the root's appearance calls).
    mutating func showRoot(_ w: Int) {
        rootBeginsAppearing(w)
        rootFinishesAppearing(w)
    }

    /// The window goes away with its scene or process: no life-cycle callbacks.
    mutating func removeWindow(sceneId: String?) {
        state.windows.removeAll { $0.sceneId == sceneId }
    }

    /// [A-mem], facts §7: after the app delegate, every loaded view controller.
    mutating func viewControllersReceiveMemoryWarning() {
        for w in state.windows.indices {
            for ref in loadedControllers(w, offscreen: true) {
                callViewController(.viewController(.didReceiveMemoryWarning), ref)
            }
        }
    }
}
