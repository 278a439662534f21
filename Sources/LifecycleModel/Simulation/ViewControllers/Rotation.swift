/// Rotation and Dark Mode: size and trait changes through the hierarchy (breadth §5).
extension Transition {
    /// The orientations the window's controllers support by default (DOC: all but
    /// upside down on iPhone, all four on iPad).
    var supportedOrientations: [InterfaceOrientation] {
        InterfaceOrientation.allCases.filter { $0 != .portraitUpsideDown || profile.ui.supportsUpsideDown }
    }

    /// The window turns to `to` (breadth §5.1–5.2, §5.5, §9.3):
    /// 1. when size classes change (iPhone portrait ↔ landscape; never on iPad or by
    ///    180°, [QN-rot]) `willTransition(to:with:)` down the hierarchy (MULTI, [ADK]);
    /// 2. `viewWillTransition(to:with:)`, root first, then forwarded through `super`
    ///    to children and presentations (DOC, [A-vwt]);
    /// 3. when size classes changed, the trait change of each visible controller
    ///    (MULTI, [ADK]);
    /// 4. the window scene delegate's geometry callback, by version (DOC, [A-wsd];
    ///    sceneless apps have none; its place here is a documented choice);
    /// 5. layout of the visible controllers (MULTI, [JSHUO], [LXW]), unless the turn is
    ///    180° (landscapeLeft ↔ landscapeRight, portrait ↔ upside down): the view keeps its
    ///    size, so nothing lays out ([LLSC46], SINGLE), while viewWillTransition(to:with:)
    ///    still comes, with the same size (Compose's controller code handles exactly that
    ///    case, [CMP-rot]) (breadth §5.11).
    /// The app must be on screen. Turning to the orientation the window has changes
    /// nothing (no callbacks).
    mutating func rotate(to o: InterfaceOrientation, sceneId: String?) throws(ActionRefusal) {
        let w = try navigationWindow(sceneId)
        try require(supportedOrientations.contains(o), Needs.upsideDownOnIPhone)
        let from = state.windows[w].interface.orientation
        guard o != from else { return }
        let traits = profile.ui.rotationChangesSizeClasses && from.isPortrait != o.isPortrait
        let walk = loadedControllers(w, offscreen: profile.ui.offscreenChildrenGetSizeTransition)
        let sizeClass: JSONValue = .object(["verticalSizeClass": .string(o.isPortrait ? "regular" : "compact")])
        if traits {
            for r in walk {
                callViewController(.viewController(.willTransitionToTraits), r, args: sizeClass)
            }
        }
        for r in walk {
            callViewController(
                .viewController(.viewWillTransition), r,
                args: .object(["orientation": .string(o.rawValue)]))
        }
        let visible = visibleControllers(w)
        if traits { markMissed(w, except: visible) }
        state.windows[w].interface.orientation = o
        state.interface.orientation = o
        if traits {
            for r in visible {
                callViewController(profile.ui.traitChange(.verticalSizeClass), r, args: sizeClass)
            }
        }
        if let i = sceneIndex(ofWindow: w) {
            callScene(
                profile.ui.geometryCallback, i,
                args: .object([
                    "interfaceOrientation": .string(o.rawValue),
                    "previousInterfaceOrientation": .string(from.rawValue),
                ]))
        }
        // breadth §5.11: a 180° turn keeps the size; no layout pass.
        let sameSize = from.isPortrait == o.isPortrait
        if !sameSize { for r in visible { layout(r) } }
    }

    /// The user switches Dark Mode (breadth §5.7, DOC): windows on screen hear it at
    /// once; the others, and every window of an app in the background or not running,
    /// when they come back, before didBecomeActive (§5.9; `applyAppearance`). The
    /// style already set changes nothing.
    mutating func setAppearance(_ style: UserInterfaceStyle) throws(ActionRefusal) {
        try require(profile.ui.darkMode, Needs.darkModeVersion)
        state.interface.style = style
        for w in foregroundWindows() { applyAppearance(w) }
    }

    /// The window's controllers catch up with the user's appearance setting: each
    /// visible one hears the trait change, then the window scene delegate (up to
    /// iOS 25, whose did-update method carries the trait collection; DOC, [A-wsd]).
    mutating func applyAppearance(_ w: Int) {
        let style = state.interface.style
        guard state.windows[w].interface.style != style else { return }
        markMissed(w, except: visibleControllers(w))
        state.windows[w].interface.style = style
        traitChange(w, to: style)
        if profile.ui.sceneHearsTraits, let i = sceneIndex(ofWindow: w) {
            callScene(
                .didUpdateCoordinateSpace, i,
                args: style.traitArguments)
        }
    }

    /// After a stage enters the background, its visible controllers lay out for the
    /// app-switcher snapshot ([PK-life], iOS 14, SINGLE; quirk `snapshotLayoutPass`).
    mutating func snapshotLayout(_ s: Stage) {
        guard profile.ui.snapshotLayoutPass, let w = window(of: s) else { return }
        for r in visibleControllers(w) { layout(r) }
    }

    /// While a stage enters the background, the system snapshots it in both
    /// appearances: its visible controllers hear the opposite style, then their own
    /// again, in state background (breadth §5.8, MULTI; quirk `darkModeSnapshotToggle`).
    mutating func snapshotAppearances(_ s: Stage) {
        guard profile.ui.darkModeSnapshotToggle, let w = window(of: s) else { return }
        let style = state.windows[w].interface.style
        traitChange(w, to: style.opposite)
        traitChange(w, to: style)
    }

    private mutating func traitChange(_ w: Int, to style: UserInterfaceStyle) {
        for r in visibleControllers(w) {
            callViewController(
                profile.ui.traitChange(.userInterfaceStyle), r,
                args: style.traitArguments)
        }
    }

    /// Loaded controllers off screen miss a trait change: they remember what they
    /// last heard (breadth §5.9).
    private mutating func markMissed(_ w: Int, except visible: [ViewControllerRef]) {
        let window = state.windows[w]
        let heard = MissedTraits(style: window.interface.style, portrait: window.interface.orientation.isPortrait)
        for r in loadedControllers(w, offscreen: true)
        where !visible.contains(r) && state.windows[w][r].missedTraits == nil {
            state.windows[w][r].missedTraits = heard
        }
    }

    /// A controller coming back on screen hears the trait changes it missed, just
    /// before its viewWillAppear (breadth §5.9, [L49], SINGLE): the trait-collection
    /// transition if it did not get it at the rotation (quirk
    /// `offscreenChildrenGetSizeTransition` off), then the trait change.
    mutating func catchUpTraits(_ ref: ViewControllerRef) {
        guard let missed = state.windows[ref.window][ref].missedTraits else { return }
        state.windows[ref.window][ref].missedTraits = nil
        let window = state.windows[ref.window].interface
        let portrait = window.orientation.isPortrait
        if profile.ui.rotationChangesSizeClasses && missed.portrait != portrait {
            let sizeClass: JSONValue = .object(["verticalSizeClass": .string(portrait ? "regular" : "compact")])
            if !profile.ui.offscreenChildrenGetSizeTransition {
                callViewController(.viewController(.willTransitionToTraits), ref, args: sizeClass)
            }
            callViewController(profile.ui.traitChange(.verticalSizeClass), ref, args: sizeClass)
        }
        if missed.style != window.style {
            callViewController(
                profile.ui.traitChange(.userInterfaceStyle), ref,
                args: window.style.traitArguments)
        }
    }

    /// The scene a window belongs to (nil in a sceneless app).
    func sceneIndex(ofWindow w: Int) -> Int? {
        state.windows[w].sceneId.flatMap { id in state.scenes.firstIndex { $0.id == id } }
    }
}

extension UserInterfaceStyle {
    /// `{"userInterfaceStyle": "<style>"}`, the arguments of a style change, made once
    /// for each style.
    var traitArguments: JSONValue {
        switch self {
        case .light: Self.lightArguments
        case .dark: Self.darkArguments
        }
    }

    private static let lightArguments = JSONValue.object(["userInterfaceStyle": .string(Self.light.rawValue)])
    private static let darkArguments = JSONValue.object(["userInterfaceStyle": .string(Self.dark.rawValue)])
}
