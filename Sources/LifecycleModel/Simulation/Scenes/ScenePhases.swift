extension Transition {
    /// The process start of a scene-based app (LIFECYCLE.md §4 steps 1–3): the app
    /// delegate's will/didFinishLaunching in the *background* state with nil launch
    /// options (DOC), then the sessions discarded while it was not running.
    mutating func startSceneProcess() {
        enter(.background)
        launchUntilDidFinish(options: .null)
    }

    /// `application(_:didDiscardSceneSessions:)` for sessions discarded while the app
    /// was not running, at the next launch (DOC, template comment).
    mutating func reportPendingDiscards() {
        guard !state.pendingDiscards.isEmpty else { return }
        call(AppDelegateMethod.didDiscardSceneSessions, args: .object(["sessions": .array(state.pendingDiscards.map(JSONValue.string))]))
        state.pendingDiscards = []
    }

    /// Connects scene `index` (§4 steps 4–5): `configurationForConnecting` only for a
    /// session never connected before (MULTI), then `scene(_:willConnectTo:options:)`
    /// while the scene is still unattached, with the payload in the options.
    mutating func connect(_ index: Int, options: JSONValue) {
        let scene = state.scenes[index]
        if !scene.everConnected {
            call(AppDelegateMethod.configurationForConnecting,
                 args: .object(["sessionRole": .string("windowApplication"), "persistentIdentifier": .string(scene.id)]))
        }
        callScene(SceneDelegateMethod.willConnect, index, args: .object([
            "session": .object(["persistentIdentifier": .string(scene.id), "isNew": .bool(!scene.everConnected),
                                "stateRestorationActivity": .bool(scene.hasRestorationActivity)]),
            "options": options,
        ]))
        state.scenes[index].everConnected = true
        state.scenes[index].hasRestorationActivity = false
        setScene(index, .background)
        // Issue #5: the scene's window and root view controller load as it connects.
        createWindow(sceneId: scene.id)
    }

    /// Brings scene `index` to the foreground (§4 steps 6–7, DOC): willEnterForeground,
    /// the warm handler where the quirk puts it, didBecomeActive. A documented choice:
    /// a "will" callback runs in the state it leaves, as S1 shows for
    /// applicationWillEnterForeground (background), so sceneWillEnterForeground
    /// reports `background` and the scene is foregroundInactive after it.
    mutating func sceneEnterForeground(_ index: Int, handler: ((inout Transition, Int) -> Void)? = nil) {
        if state.app == .suspended || state.app == .notRunning { enter(.background) }
        if state.scenes[index].state == .suspended { state.scenes[index].state = .background }
        // Documented choice (as reported): the root's first viewWillAppear comes
        // before sceneWillEnterForeground, its viewDidAppear after sceneDidBecomeActive.
        let w = window(for: state.scenes[index].id)
        if let w { rootBeginsAppearing(w) }
        callScene(SceneDelegateMethod.willEnterForeground, index)
        setScene(index, .foregroundInactive)
        state.activations += 1
        state.scenes[index].lastActivation = state.activations
        if profile.warmHandlerPosition == .beforeDidBecomeActive { handler?(&self, index) }
        sceneBecomeActive(index)
        if let w { rootFinishesAppearing(w) }
        if profile.warmHandlerPosition == .afterDidBecomeActive { handler?(&self, index) }
    }

    mutating func sceneBecomeActive(_ index: Int) {
        setScene(index, .foregroundActive)
        state.interruption = nil
        state.backgroundSince = nil
        state.suspendAt = nil
        callScene(SceneDelegateMethod.didBecomeActive, index)
    }

    mutating func sceneResignActive(_ index: Int) {
        callScene(SceneDelegateMethod.willResignActive, index)
        setScene(index, .foregroundInactive)
    }

    mutating func sceneEnterBackground(_ index: Int) {
        setScene(index, .background)
        callScene(SceneDelegateMethod.didEnterBackground, index)
    }

    mutating func sceneDisconnect(_ index: Int) {
        callScene(SceneDelegateMethod.didDisconnect, index)
        setScene(index, .unattached)
        removeWindow(sceneId: state.scenes[index].id)
    }

    /// Every scene on screen leaves it (home, lock, an interruption left): each
    /// resigns active, then enters the background (DOC). The app's background time
    /// starts when the last one goes.
    mutating func scenesLeaveForeground() {
        let scenes = foregroundScenes
        for i in scenes where state.scenes[i].state == .foregroundActive { sceneResignActive(i) }
        for i in scenes { sceneEnterBackground(i) }
        state.interruption = nil
        if !scenes.isEmpty { startBackgroundTime(window: profile.timing.suspensionDelay) }
    }

    /// The user opens scene `index` (or the scene they saw last, or a new one) with
    /// an optional payload. A scene that connects now gets the payload in its
    /// connection options and no warm handler (MULTI); a notification response also
    /// reaches the notification-center delegate (MULTI).
    mutating func openScene(_ index: Int?, payload: LaunchPayload?) {
        if state.app == .suspended { enter(.background) }  // resumed to run
        let i = index ?? newScene()
        if state.scenes[i].state == .unattached {
            connect(i, options: payload?.connectionOptions ?? .object([]))
            sceneEnterForeground(i, handler: payload?.coldSceneHandler(config: config))
        } else {
            sceneEnterForeground(i, handler: payload.map { p in { t, i in p.deliver(toScene: i, into: &t) } })
        }
    }
}
