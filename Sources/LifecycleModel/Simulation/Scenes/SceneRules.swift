/// The rules of a scene-based app (LIFECYCLE.md §4): the same actions as the
/// sceneless ones, in their scene form. Each is selected by its sceneless
/// counterpart when `Profile.usesScenes`.
extension Transition {
    /// The user opens the app (icon, link, notification, quick action).
    mutating func sceneOpen(_ payload: LaunchPayload?) throws(ActionRefusal) {
        switch state.app {
        case .notRunning:
            state.userForceQuit = false
            startSceneProcess()
            openScene(sceneIndex(nil), payload: payload)
        case .background, .suspended:
            openScene(sceneIndex(nil), payload: payload)
        case .active:
            // §4: while already active, the handler alone.
            guard let payload, payload.reachesActiveApp(config: config), let i = sceneIndex(nil, where: \.isForeground) else {
                throw refuse(needs: payload?.isShortcut ?? true
                    ? "the app not in the foreground: the user starts it from the home screen"
                    : "a notification-center delegate to present the notification while the app is active, or the app not active")
            }
            payload.deliver(toScene: i, into: &self)
        case .inactive:
            guard let payload, !payload.isShortcut, let i = sceneIndex(nil, where: \.isForeground) else {
                throw refuse(needs: "the app not in the foreground; while an interruption covers it, end the interruption (interruptionEnded)")
            }
            payload.deliver(toScene: i, into: &self)
            for j in foregroundScenes where state.scenes[j].state == .foregroundInactive { sceneBecomeActive(j) }
        }
    }

    /// Interruptions (§4, DOC): sceneWillResignActive, then sceneDidBecomeActive.
    mutating func sceneBeginInterruption(_ kind: InterruptionKind) {
        for i in foregroundScenes where state.scenes[i].state == .foregroundActive { sceneResignActive(i) }
        state.interruption = kind
    }

    mutating func sceneEndInterruption(_ outcome: InterruptionOutcome) {
        switch outcome {
        case .resume:
            for i in foregroundScenes { sceneBecomeActive(i) }
        case .leave:
            scenesLeaveForeground()
        }
    }

    /// Unlock: the scenes that were on screen at lock come back.
    mutating func sceneReturnAfterUnlock() {
        let ids = state.scenesAtLock
        state.scenesAtLock = []
        for id in ids {
            guard let i = sceneIndex(id), state.scenes[i].state == .background || state.scenes[i].state == .suspended else { continue }
            sceneEnterForeground(i)
        }
    }

    /// The process ends (§4): a user's kill from the switcher disconnects the scenes,
    /// discards their sessions (reported now if the app runs, else at the next
    /// launch) and, for a running app, ends with applicationWillTerminate (MULTI;
    /// quirk switcherKillSequence). A system kill keeps the sessions.
    mutating func sceneTerminate(by cause: TerminationCause) {
        let running = state.app.isExecuting
        if cause == .user {
            if running {
                let fg = foregroundScenes
                for i in fg where state.scenes[i].state == .foregroundActive { sceneResignActive(i) }
                if profile.switcherKillSequence == .resignActiveEnterBackgroundThenTerminate {
                    for i in fg { sceneEnterBackground(i) }
                }
                for i in state.scenes.indices where state.scenes[i].state.isConnected { sceneDisconnect(i) }
                if !state.scenes.isEmpty {
                    call(AppDelegateMethod.didDiscardSceneSessions, args: .object(["sessions": .array(state.scenes.map { .string($0.id) })]))
                }
            } else {
                state.pendingDiscards += state.scenes.map(\.id)
            }
            state.scenes = []
        }
        if running { call(AppDelegateMethod.willTerminate) }
        state.userForceQuit = cause == .user
        detachAllScenes()
        if state.app != .notRunning { end(cause == .user ? .userForceQuit : .system) }
    }

    // MARK: The scene actions (§4, S2; API.md "Scenes")

    mutating func requestScene(by requester: SceneRequester) throws(ActionRefusal) {
        try require(profile.multipleScenes, "an iPad app with supportsMultipleScenes (UIApplicationSupportsMultipleScenes): without it the app has one scene")
        try require(requester == .system || !state.locked, "the device unlocked (send unlock first)")
        try require(requester == .system || state.interruption == nil, "no interruption covering the app (interruptionEnded first)")
        if state.app == .notRunning { startSceneProcess() }
        if state.app == .suspended { enter(.background) }  // the app runs to connect it
        let i = newScene()
        switch requester {
        case .user:
            connect(i, options: .object([]))
            sceneEnterForeground(i)
        case .system:
            // S2: a system-requested scene connects straight into the background,
            // and the app runs there to process the event; its root appears there (§7).
            connect(i, options: .object([]))
            if let w = window(for: state.scenes[i].id) { showRoot(w) }
            if !state.app.isForegroundApp { startBackgroundTime(window: profile.timing.eventWindow) }
        }
    }

    mutating func activateScene(_ id: String?) throws(ActionRefusal) {
        try require(!state.locked, "the device unlocked (send unlock first)")
        guard let i = sceneIndex(id) else { throw refuse(needs: sceneNeeds(id)) }
        try require(state.scenes[i].state != .foregroundActive, "a scene that is not already active (\(state.scenes[i].id) is foregroundActive)")
        try require(state.interruption == nil, "no interruption in progress (interruptionEnded first)")
        if state.app == .notRunning {
            state.userForceQuit = false
            startSceneProcess()
        } else {
            // Documented choice: the scenes it replaces leave first, then it arrives.
            let others = foregroundScenes.filter { $0 != i }
            for j in others where state.scenes[j].state == .foregroundActive { sceneResignActive(j) }
            for j in others { sceneEnterBackground(j) }
        }
        openScene(i, payload: nil)
    }

    mutating func closeScene(_ id: String?) throws(ActionRefusal) {
        try require(profile.multipleScenes, "an iPad app with supportsMultipleScenes; on iPhone, swiping the app away is terminate by user")
        try require(!state.locked, "the device unlocked (send unlock first)")
        guard let i = sceneIndex(id) else { throw refuse(needs: sceneNeeds(id)) }
        let sceneId = state.scenes[i].id
        if state.app.isExecuting {
            let wasForeground = state.scenes[i].state.isForeground
            if state.scenes[i].state == .foregroundActive { sceneResignActive(i) }
            if wasForeground { sceneEnterBackground(i) }
            if state.scenes[i].state.isConnected { sceneDisconnect(i) }
            call(AppDelegateMethod.didDiscardSceneSessions, args: .object(["sessions": .array([.string(sceneId)])]))
            state.scenes.remove(at: i)
            if wasForeground && foregroundScenes.isEmpty {
                state.interruption = nil  // nothing left on screen to cover
                startBackgroundTime(window: profile.timing.suspensionDelay)
            }
        } else {
            // Not running code: discarded now, reported at the next launch (DOC).
            state.scenes.remove(at: i)
            state.pendingDiscards.append(sceneId)
        }
    }

    mutating func disconnectScene(_ id: String?) throws(ActionRefusal) {
        guard let i = sceneIndex(id, where: { $0 == .background || $0 == .suspended }) else { throw refuse(needs: id == nil ? "a scene in the background or suspended" : sceneNeeds(id)) }
        try require(state.scenes[i].state == .background || state.scenes[i].state == .suspended,
                    "a scene in the background or suspended (\(state.scenes[i].id) is \(state.scenes[i].state.rawValue))")
        // Documented choice: a suspended app runs briefly in the background to hear it.
        let wasSuspended = state.app == .suspended
        if wasSuspended { enter(.background) }
        if config.stateRestoration {
            // DOC: before disconnecting, UIKit asks for the scene's restoration activity.
            callScene(SceneDelegateMethod.stateRestorationActivity, i)
        }
        sceneDisconnect(i)
        state.scenes[i].hasRestorationActivity = config.stateRestoration
        if wasSuspended { enter(.suspended) }
    }

    private func sceneNeeds(_ id: String?) -> String {
        let ids = state.scenes.map(\.id)
        if let id { return "an existing sceneId (not \"\(id)\"): \(ids.isEmpty ? "there are none" : ids.joined(separator: ", "))" }
        return "a scene session (there is none: launch or openScene first)"
    }
}

extension AppState {
    var isForegroundApp: Bool { self == .active || self == .inactive }
}
