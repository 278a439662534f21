extension Transition {
    /// The device locks (iOS 5+, MULTI): what is on screen resigns active and enters
    /// the background; protected data becomes unavailable after the quirk's delay (DOC).
    mutating func lockDevice() throws(ActionRefusal) {
        try require(!state.locked, Needs.deviceUnlocked)
        state.lock.lock(
            at: state.clock, protectedDataDelay: profile.protectedDataDelay,
            screen: ScreenAtLock(
                app: state.app == .active || state.app == .inactive,
                scenes: foregroundScenes.map { state.scenes[$0].id }))
        leaveForeground()
        if profile.protectedDataDelay == 0 { protectedDataBecomesUnavailable() }
    }

    /// The device unlocks (MULTI): protected data returns
    /// (`applicationProtectedDataDidBecomeAvailable(_:)`, DOC, if the app runs and had
    /// lost it), then what was on screen at lock comes back: willEnterForeground,
    /// didBecomeActive. The order of the two is a documented choice.
    mutating func unlockDevice() throws(ActionRefusal) {
        guard let (screen, hadLostData) = state.lock.unlock() else { throw refuse(needs: Needs.deviceLocked) }
        let returns = screen.app && (state.app == .background || state.app == .suspended)
        if returns && state.app == .suspended { enter(.background) }  // resumed to run
        if hadLostData && state.app.isExecuting { call(.appDelegate(.protectedDataDidBecomeAvailable)) }
        if returns {
            for s in stages(onScreenAt: screen) where stageState(s) == .background || stageState(s) == .suspended {
                enterForeground(s)
            }
        }
    }

    /// The lock's delay has passed: files with complete protection close (DOC). Only
    /// an app that runs hears it.
    mutating func protectedDataBecomesUnavailable() {
        state.lock.protectedDataClosed()
        if state.app.isExecuting { call(.appDelegate(.protectedDataWillBecomeUnavailable)) }
    }
}
