/// The life-cycle primitives, written once over `Stage`s: each makes the callback the
/// `DelegateVocabulary` names and moves the stage (and with it the app) along.
extension Transition {
    /// The activation state of a stage; the app's own state, as a scene's, for `.app`.
    func stageState(_ s: Stage) -> SceneState {
        switch s {
        case .app: SceneState(state.app)
        case .scene(let i): state.scenes[i].state
        }
    }

    /// Moves a stage; a scene moves the app with it (`setScene`).
    mutating func setStage(_ s: Stage, _ to: SceneState) {
        switch s {
        case .app: enter(AppState(to))
        case .scene(let i): setScene(i, to)
        }
    }

    /// Records a life-cycle callback of a stage: the app delegate's, or the scene's.
    mutating func callStage(_ event: StageEvent, _ s: Stage, args: JSONValue? = nil) {
        switch s {
        case .app: call(.appDelegate(event.appDelegate), args: args)
        case .scene(let i): callScene(event.sceneDelegate, i, args: args)
        }
    }

    /// The stage's window, if it has one (a sceneless app's window has no scene).
    func window(of s: Stage) -> Int? {
        switch s {
        case .app: window(for: nil)
        case .scene(let i): window(for: state.scenes[i].id)
        }
    }

    /// `(scene)DidBecomeActive`, the last step of every way into the foreground.
    mutating func becomeActive(_ s: Stage) {
        setStage(s, .foregroundActive)
        state.background.stop()
        callStage(.didBecomeActive, s)
    }

    /// `(scene)WillResignActive`: the stage stays on screen, inactive.
    mutating func resignActive(_ s: Stage) {
        callStage(.willResignActive, s)
        setStage(s, .foregroundInactive)
    }

    /// `(scene)DidEnterBackground`, called in the background state.
    mutating func enterBackground(_ s: Stage) {
        setStage(s, .background)
        callStage(.didEnterBackground, s)
    }

    /// Brings a stage to the foreground (S1, DOC; facts §2.1, §4 steps 6–7):
    /// willEnterForeground (from the background; a cold sceneless launch is already
    /// inactive), the warm handler where the quirk puts it, didBecomeActive; always
    /// completed in one action. A documented choice: a "will" callback runs in the
    /// state it leaves, as S1 shows for applicationWillEnterForeground (background).
    mutating func enterForeground(_ s: Stage, handler: ((inout Transition) -> Void)? = nil) {
        // A suspended app is resumed into the background state first.
        if state.app == .suspended || state.app == .notRunning { enter(.background) }
        if stageState(s) == .suspended { setStage(s, .background) }
        // Documented choice (as reported): the root's first viewWillAppear comes
        // before (scene)WillEnterForeground, its viewDidAppear after didBecomeActive.
        let w = window(of: s)
        if let w { rootBeginsAppearing(w) }
        if stageState(s) == .background {
            callStage(.willEnterForeground, s)
            setStage(s, .foregroundInactive)
        }
        if case .scene(let i) = s {
            state.sessions.markSeen(i)
        }
        // breadth §5.9: an appearance changed while off screen arrives now, inactive.
        if let w { applyAppearance(w) }
        if profile.warmHandlerPosition == .beforeDidBecomeActive { handler?(&self) }
        deliverPushTokenIfPending(at: .beforeDidBecomeActive)
        // Quirk rootDidAppearBeforeDidBecomeActive ([PC-order], SINGLE).
        if profile.ui.rootDidAppearBeforeDidBecomeActive, let w { rootFinishesAppearing(w) }
        becomeActive(s)
        if let w { rootFinishesAppearing(w) }
        if profile.warmHandlerPosition == .afterDidBecomeActive { handler?(&self) }
        deliverPushTokenIfPending(at: .afterDidBecomeActive)
    }

    /// Every stage on screen leaves it (home, lock, an interruption left; S1, DOC):
    /// each resigns active unless an interruption already resigned it, then enters
    /// the background. Then the app-level steps: the state save if the app opted in
    /// and iOS 11's orientation query (S1); suspension follows unless a background
    /// task runs (§5).
    mutating func leaveForeground() {
        let stages = foregroundStages
        for s in stages where stageState(s) == .foregroundActive { resignActive(s) }
        for s in stages { enterBackgroundForSwitcher(s) }
        guard !stages.isEmpty else { return }
        if delegates.appDelegateKeepsState {
            saveStateIfOptedIn()
            call(
                .appDelegate(.supportedInterfaceOrientations),
                times: profile.orientationQueries?.onBackground ?? 0)
        }
        startBackgroundTime(window: profile.timing.suspensionDelay)
    }

    /// A stage leaves the screen for the background, and the system snapshots it for the
    /// app switcher: a layout pass ([PK-life]) and the Dark Mode flips (breadth §5.8).
    mutating func enterBackgroundForSwitcher(_ s: Stage) {
        enterBackground(s)
        snapshotLayout(s)
        snapshotAppearances(s)
    }

    /// A stage gets its window: a scene connects (willConnectTo, §4 steps 4–5); a
    /// sceneless app's window comes with its process, without a callback.
    mutating func connect(_ s: Stage, options: JSONValue) {
        switch s {
        // facts §9.1: a restored window was created during the launch already.
        case .app: if window(for: nil) == nil { createWindow(sceneId: nil) }
        case .scene(let i): connect(i, options: options)
        }
    }

    /// Whether the stage has its window (a scene is attached; the app has launched).
    func isConnected(_ s: Stage) -> Bool {
        switch s {
        case .app: window(for: nil) != nil
        case .scene(let i): state.scenes[i].state.isConnected
        }
    }

    /// The user opens a stage with an optional payload. A stage that connects now
    /// gets the payload in its options: a sceneless app then runs the handler too
    /// (S1), a scene only the notification-center delegate (MULTI); a connected one
    /// gets the warm handler.
    mutating func open(_ s: Stage, payload: LaunchPayload?) {
        if state.app == .suspended { enter(.background) }  // resumed to run
        if isConnected(s) {
            enterForeground(s, handler: payload.map { p in { t in p.deliver(to: s, into: &t) } })
        } else {
            connect(s, options: payload?.connectionOptions ?? .object([]))
            enterForeground(s, handler: payload?.coldHandler(for: s, config: config, swiftUI: delegates.swiftUI))
        }
    }
}

extension SceneState {
    /// The app's state read as a stage's.
    init(_ app: AppState) {
        switch app {
        case .notRunning: self = .unattached
        case .inactive: self = .foregroundInactive
        case .active: self = .foregroundActive
        case .background: self = .background
        case .suspended: self = .suspended
        }
    }
}

extension AppState {
    /// The app state a stage's state stands for.
    init(_ stage: SceneState) {
        switch stage {
        case .unattached: self = .notRunning
        case .foregroundInactive: self = .inactive
        case .foregroundActive: self = .active
        case .background: self = .background
        case .suspended: self = .suspended
        }
    }
}
