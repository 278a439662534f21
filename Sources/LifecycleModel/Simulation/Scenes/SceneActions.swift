/// The scene actions of a scene-based app (§4, S2; contract "Scenes"), over the same
/// primitives as every other rule.
extension Transition {
    mutating func requestScene(by requester: SceneRequester) throws(ActionRefusal) {
        try require(profile.multipleScenes, Needs.multipleScenes)
        try require(state.scenes.count < SceneSessions.maximum, Needs.fewerScenes)
        try require(requester == .system || !state.locked, Needs.unlocked)
        try require(requester == .system || state.interruption == nil, Needs.noInterruptionCovering)
        if state.app == .notRunning { startProcess(payload: nil) }
        if state.app == .suspended { enter(.background) }  // the app runs to connect it
        let i = newScene()
        switch requester {
        case .user:
            connect(i, options: .object([]))
            enterForeground(.scene(i))
        case .system:
            // S2: a system-requested scene connects straight into the background,
            // and the app runs there to process the event; its root appears there (§7).
            connect(i, options: .object([]))
            if let w = window(of: .scene(i)) { showRoot(w) }
            if !state.app.isForegroundApp { startBackgroundTime(window: profile.timing.eventWindow) }
        }
    }

    mutating func activateScene(_ id: String?) throws(ActionRefusal) {
        try require(!state.locked, Needs.unlocked)
        guard let i = sceneIndex(id) else { throw refuse(needs: Needs.scene(id, among: state.scenes)) }
        try require(state.scenes[i].state != .foregroundActive, Needs.sceneNotActive(state.scenes[i].id))
        try require(state.interruption == nil, Needs.noInterruption)
        guard state.app != .notRunning else {
            state.userForceQuit = false
            startProcess(payload: nil)
            return open(.scene(i), payload: nil)
        }
        // Named choice (issue #38, facts §4.7; no log orders a switch between an app's own windows):
        // the switcher or App Exposé the user picks the window in covers the windows on
        // screen first, so they resign active; the picked one arrives and becomes active;
        // then the ones it replaces enter the background. The app stays in the foreground
        // throughout, as [A-state]'s aggregate rule makes it (the state of its most active
        // scene): its app-level notifications give willResignActive and didBecomeActive,
        // never a background and foreground in between.
        let others = foregroundStages.filter { $0 != .scene(i) }
        for s in others where stageState(s) == .foregroundActive { resignActive(s) }
        open(.scene(i), payload: nil)
        for s in others { enterBackgroundForSwitcher(s) }
    }

    mutating func closeScene(_ id: String?) throws(ActionRefusal) {
        try require(profile.multipleScenes, Needs.multipleScenesToClose)
        try require(!state.locked, Needs.unlocked)
        guard let i = sceneIndex(id) else { throw refuse(needs: Needs.scene(id, among: state.scenes)) }
        let sceneId = state.scenes[i].id
        if state.app.isExecuting {
            let wasForeground = state.scenes[i].state.isForeground
            if state.scenes[i].state == .foregroundActive { resignActive(.scene(i)) }
            if wasForeground { enterBackground(.scene(i)) }
            if state.scenes[i].state.isConnected { disconnect(i) }
            call(
                .appDelegate(.didDiscardSceneSessions),
                args: .object(["sessions": .array([.string(sceneId)])]))
            state.sessions.discard(i, reportLater: false)
            if wasForeground && foregroundScenes.isEmpty {
                startBackgroundTime(window: profile.timing.suspensionDelay)
            }
            endIfLastWindowClosed()
        } else {
            // Not running code: discarded now, reported at the next launch (DOC); a
            // suspended scene's window goes with its session, silently (issue #14: the
            // coverage search found windows outliving their scenes).
            removeWindow(sceneId: sceneId)
            state.sessions.discard(i, reportLater: true)
        }
    }

    mutating func disconnectScene(_ id: String?) throws(ActionRefusal) {
        guard let i = sceneIndex(id, where: { $0 == .background || $0 == .suspended }) else {
            throw refuse(needs: id == nil ? Needs.sceneInBackground : Needs.scene(id, among: state.scenes))
        }
        try require(
            state.scenes[i].state == .background || state.scenes[i].state == .suspended,
            Needs.sceneInBackground(state.scenes[i]))
        // Documented choice: a suspended app runs briefly in the background to hear it.
        let wasSuspended = state.app == .suspended
        if wasSuspended { enter(.background) }
        if config.stateRestoration {
            // DOC: before disconnecting, UIKit asks for the scene's restoration activity.
            callScene(.stateRestorationActivity, i)
        }
        disconnect(i)
        state.scenes[i].hasRestorationActivity = config.stateRestoration
        if wasSuspended { enter(.suspended) }
    }
}

extension AppState {
    var isForegroundApp: Bool { self == .active || self == .inactive }
}
