extension Transition {
    /// The device locks (iOS 5+, MULTI): a foreground app resigns active and enters
    /// the background; protected data becomes unavailable after the quirk's delay (DOC).
    mutating func lockDevice() throws(ActionRefusal) {
        try require(!state.locked, "the device unlocked")
        state.locked = true
        state.foregroundAtLock = state.app == .active || state.app == .inactive
        if profile.usesScenes {
            state.scenesAtLock = foregroundScenes.map { state.scenes[$0].id }
            scenesLeaveForeground()
        } else if state.foregroundAtLock {
            leaveForeground()
        }
        state.protectedDataUnavailableAt = state.clock + profile.protectedDataDelay
        if profile.protectedDataDelay == 0 { protectedDataBecomesUnavailable() }
    }

    /// The device unlocks (MULTI): protected data returns
    /// (`applicationProtectedDataDidBecomeAvailable(_:)`, DOC, if the app runs and had
    /// lost it), then an app that was in the foreground at lock comes back:
    /// willEnterForeground, didBecomeActive. The order of the two is a documented choice.
    mutating func unlockDevice() throws(ActionRefusal) {
        try require(state.locked, "the device locked (lock)")
        state.locked = false
        let hadLostData = !state.protectedDataAvailable
        state.protectedDataAvailable = true
        state.protectedDataUnavailableAt = nil
        let returns = state.foregroundAtLock && (state.app == .background || state.app == .suspended)
        state.foregroundAtLock = false
        if returns && state.app == .suspended { enter(.background) }  // resumed to run
        if hadLostData && state.app.isExecuting { call(AppDelegateMethod.protectedDataDidBecomeAvailable) }
        if profile.usesScenes {
            if returns { sceneReturnAfterUnlock() }
            state.scenesAtLock = []
        } else if returns {
            enterForeground(payload: nil)
        }
    }

    /// The lock's delay has passed: files with complete protection close (DOC). Only
    /// an app that runs hears it.
    mutating func protectedDataBecomesUnavailable() {
        state.protectedDataUnavailableAt = nil
        state.protectedDataAvailable = false
        if state.app.isExecuting { call(AppDelegateMethod.protectedDataWillBecomeUnavailable) }
    }
}
