/// Navigation and modal presentation (facts §7; orders MULTI, the figure DOC).
extension Transition {
    /// The window an action acts on: the app's one, or the named scene's (default: the
    /// scene on screen the user saw last). It must be on screen.
    func navigationWindow(_ sceneId: String?) throws(ActionRefusal) -> Int {
        guard let s = stage(sceneId, where: \.isForeground) else {
            throw refuse(needs: Needs.onScreen(sceneId: sceneId, perScene: delegates.perScene))
        }
        if case .scene(let i) = s {
            try require(state.scenes[i].state.isForeground, Needs.sceneOnScreen(state.scenes[i]))
        }
        guard let w = window(of: s) else { throw refuse(needs: s == .app ? Needs.appWindow : Needs.sceneWithWindow) }
        return w
    }

    private func top(_ w: Int) -> ViewControllerRef {
        let c = state.windows[w].contexts.count - 1
        return ViewControllerRef(window: w, context: c, index: state.windows[w].contexts[c].stack.count - 1)
    }

    /// Push A→B (§7): B.loadView, B.viewDidLoad, A.viewWillDisappear, B.viewWillAppear
    /// (+ viewIsAppearing and layout), A.viewDidDisappear, B.viewDidAppear; B's
    /// viewWillAppear before A's viewWillDisappear with quirk `navigationWillAppearFirst`.
    mutating func push(_ name: String, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let a = top(w)
        state.windows[w].contexts[a.context].stack.append(ViewControllerSnapshot(name: name))
        let b = ViewControllerRef(window: w, context: a.context, index: a.index + 1)
        load(b)
        swapWillCalls(leaving: a, arriving: b)
        appearance(.viewDidDisappear, a, animated: true)
        appearance(.viewDidAppear, b, animated: true)
    }

    /// The two "will" calls of a navigation transition: the leaving controller's
    /// viewWillDisappear, then the arriving one's viewWillAppear (MULTI, facts §7), or,
    /// with quirk `navigationWillAppearFirst`, the arriving one first ([PC-order],
    /// SINGLE); the arriving one's viewIsAppearing and layout follow both.
    private mutating func swapWillCalls(leaving a: ViewControllerRef, arriving b: ViewControllerRef) {
        if profile.ui.navigationWillAppearFirst {
            appearance(.viewWillAppear, b, animated: true)
            appearance(.viewWillDisappear, a, animated: true)
            viewIsAppearingAndLayout(b, animated: true)
        } else {
            appearance(.viewWillDisappear, a, animated: true)
            beginAppearing(b, animated: true)
        }
    }

    /// Pop B→A (§7): B.viewWillDisappear, A.viewWillAppear (+ viewIsAppearing and
    /// layout), B.viewDidDisappear, A.viewDidAppear (the "will" pair swapped with quirk
    /// `navigationWillAppearFirst`). Nothing to pop: 409.
    mutating func pop(sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let b = top(w)
        try require(b.index > 0, Needs.pushedToPop(root: state.windows[w].contexts[b.context].stack[0].name))
        let a = ViewControllerRef(window: w, context: b.context, index: b.index - 1)
        swapWillCalls(leaving: b, arriving: a)
        appearance(.viewDidDisappear, b, animated: true)
        appearance(.viewDidAppear, a, animated: true)
        state.windows[w].contexts[b.context].stack.removeLast()
    }

    /// A swipe-back the user starts and cancels (§7): B.viewWillDisappear,
    /// A.viewWillAppear, A.viewWillDisappear, A.viewDidDisappear, B.viewWillAppear,
    /// B.viewDidAppear — the figure's two reversals.
    mutating func cancelInteractivePop(sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        try require(state.app == .active, Needs.activeToSwipe)
        let b = top(w)
        try require(b.index > 0, Needs.pushedToSwipeBack)
        let a = ViewControllerRef(window: w, context: b.context, index: b.index - 1)
        appearance(.viewWillDisappear, b, animated: true)
        appearance(.viewWillAppear, a, animated: true)
        appearance(.viewWillDisappear, a, animated: true)
        appearance(.viewDidDisappear, a, animated: true)
        appearance(.viewWillAppear, b, animated: true)
        appearance(.viewDidAppear, b, animated: true)
    }

    /// Whether a presentation style takes the presenter off screen: full screen does;
    /// page and form sheets (the iOS 13+ default) and over-full-screen do not, except
    /// iOS ≤ 12 sheets on iPhone, which are full screen (§7).
    func hidesPresenter(_ style: PresentationStyle) -> Bool {
        switch style {
        case .fullScreen: true
        case .overFullScreen: false
        case .pageSheet, .formSheet: profile.sheetsAreFullScreen
        }
    }

    /// Present B over the top controller A (§7). Full screen: A.viewWillDisappear,
    /// B.viewWillAppear, B.viewDidAppear, A.viewDidDisappear. Sheets: A hears nothing.
    mutating func present(_ name: String, style: PresentationStyle, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let a = top(w)
        state.windows[w].contexts.append(PresentationContext(style: style, stack: [ViewControllerSnapshot(name: name)]))
        let b = ViewControllerRef(window: w, context: a.context + 1, index: 0)
        let hides = hidesPresenter(style)
        load(b)
        if hides { appearance(.viewWillDisappear, a, animated: true) }
        beginAppearing(b, animated: true)
        appearance(.viewDidAppear, b, animated: true)
        if hides { appearance(.viewDidDisappear, a, animated: true) }
    }

    /// Dismiss the top presentation B back to A: B.viewWillDisappear, then for a
    /// presentation that hid A, A.viewWillAppear (+ viewIsAppearing and layout) and
    /// A.viewDidAppear, then B.viewDidDisappear (documented choice: the mirror of
    /// the presentation). Nothing presented: 409.
    mutating func dismiss(sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        let b = top(w)
        try require(b.context > 0, Needs.presentedToDismiss)
        let below = state.windows[w].contexts[b.context - 1]
        let a = ViewControllerRef(window: w, context: b.context - 1, index: below.stack.count - 1)
        let hides = state.windows[w].contexts[b.context].style.map(hidesPresenter) ?? false
        appearance(.viewWillDisappear, b, animated: true)
        if hides {
            beginAppearing(a, animated: true)
            appearance(.viewDidAppear, a, animated: true)
        }
        appearance(.viewDidDisappear, b, animated: true)
        state.windows[w].contexts.removeLast()
    }
}
