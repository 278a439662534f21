/// Tab bars and child containment (breadth §6).
extension Transition {
    /// The top controller of a window's top context (the visible one).
    func visibleTop(_ w: Int) -> ViewControllerRef {
        let c = state.windows[w].contexts.count - 1
        return ViewControllerRef(window: w, context: c, index: state.windows[w].contexts[c].stack.count - 1)
    }

    /// The user taps tab `index` (breadth §6.1–6.3): `tabBarController(_:shouldSelect:)`;
    /// then, for another tab, its stack's top loads on the first visit (only the first
    /// tab loads at launch, [PGZ]) and the two tops swap appearance — the "will" calls
    /// in the quirk's order (UNSURE), A.viewDidDisappear before B.viewDidAppear
    /// (MULTI) — and last `tabBarController(_:didSelect:)`, after the transition (MULTI)
    /// and also when the selected tab is tapped again (DOC, [A-tabdel]).
    mutating func selectTab(_ index: Int, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        guard let bar = state.windows[w].interface.tabBar else { throw refuse(needs: Needs.tabsConfigured) }
        try require(bar.tabs.indices.contains(index), Needs.tabIndex(bar.tabs.map(\.name)))
        try require(state.app == .active, Needs.activeToTap)
        try require(state.windows[w].contexts.count == 1, Needs.nothingPresentedToTap)
        callTabBarDelegate(.tabBarControllerDelegate(.shouldSelect), w, index)
        if index != bar.selected {
            let a = visibleTop(w)
            let first = !bar.tabs[index].loaded
            if first {
                state.windows[w].interface.tabBar?.tabs[index].stack = [
                    ViewControllerSnapshot(name: bar.tabs[index].name)
                ]
                state.windows[w].interface.tabBar?.tabs[index].loaded = true
            }
            let count = state.windows[w].interface.tabBar?.tabs[index].stack.count ?? 1
            let b = ViewControllerRef(window: w, context: 0, index: count - 1, tab: index)
            if first { load(b) }
            let order = profile.ui.tabSwitchWillOrder
            if order == .newFirst || (order == .newFirstOnFirstVisit && first) {
                beginAppearing(b, animated: false)
                appearance(.viewWillDisappear, a, animated: false)
            } else {
                appearance(.viewWillDisappear, a, animated: false)
                beginAppearing(b, animated: false)
            }
            appearance(.viewDidDisappear, a, animated: false)
            appearance(.viewDidAppear, b, animated: false)
            swapTabs(w, to: index)
        }
        callTabBarDelegate(.tabBarControllerDelegate(.didSelect), w, index)
    }

    /// The selected tab's stack becomes the root stack; the old one is kept in its tab.
    private mutating func swapTabs(_ w: Int, to index: Int) {
        guard var bar = state.windows[w].interface.tabBar else { return }
        bar.tabs[bar.selected].stack = state.windows[w].contexts[0].stack
        state.windows[w].contexts[0].stack = bar.tabs[index].stack
        bar.tabs[index].stack = []
        bar.selected = index
        state.windows[w].interface.tabBar = bar
    }

    private mutating func callTabBarDelegate(_ method: CallbackMethod, _ w: Int, _ index: Int) {
        let i = sceneIndex(ofWindow: w)
        record(
            Callback(
                .tabBarControllerDelegate(
                    scene: i.map { SceneRef(id: state.scenes[$0].id, state: state.scenes[$0].state) }),
                method: method, appState: state.app, args: .object(["index": .number(String(index))])))
    }

    /// The visible controller embeds a child (breadth §6.5, §6.7): `addChild(_:)`
    /// calls the child's `willMove(toParent:)` (DOC); adding its view loads it and,
    /// the parent being on screen, runs its appearance ([JIAN], SINGLE); the
    /// container then calls `didMove(toParent:)` (DOC, no animated transition).
    mutating func addChild(_ name: String, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let parent = visibleTop(w)
        let p = state.windows[w][parent]
        state.windows[w][parent].children.append(ViewControllerSnapshot(name: name))
        let c = parent.child(p.children.count)
        let parentArg: JSONValue = .object(["parent": .string(p.name)])
        callViewController(.viewController(.willMoveToParent), c, args: parentArg)
        load(c)
        if p.appearance == .appeared {
            beginAppearing(c, animated: false)
            appearance(.viewDidAppear, c, animated: false)
        }
        callViewController(.viewController(.didMoveToParent), c, args: parentArg)
    }

    /// The visible controller removes a child, the last one added of that name (breadth §6.5): the app calls
    /// `willMove(toParent: nil)` (DOC); removing its view runs the disappearance
    /// ([JIAN], SINGLE); `removeFromParent()` calls `didMove(toParent: nil)` (DOC).
    mutating func removeChild(_ name: String, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let parent = visibleTop(w)
        let p = state.windows[w][parent]
        guard let k = p.children.lastIndex(where: { $0.name == name }) else {
            throw refuse(needs: Needs.childToRemove(name, parent: p.name, children: p.children.map(\.name)))
        }
        let c = parent.child(k)
        let noParent: JSONValue = .object(["parent": .null])
        callViewController(.viewController(.willMoveToParent), c, args: noParent)
        if p.children[k].appearance == .appeared {
            appearance(.viewWillDisappear, c, animated: false)
            appearance(.viewDidDisappear, c, animated: false)
        }
        callViewController(.viewController(.didMoveToParent), c, args: noParent)
        state.windows[w][parent].children.remove(at: k)
    }
}
