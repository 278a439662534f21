extension Transition {
    /// The user opens the app: by its icon (no payload), a link, a notification or a
    /// quick action (facts §3, §4).
    mutating func open(_ payload: LaunchPayload?) throws(ActionRefusal) {
        try require(!state.locked, Needs.unlocked)
        switch state.app {
        case .notRunning:
            state.userForceQuit = false
            startProcess(payload: payload)
            open(stageToOpen(), payload: payload)
        case .background, .suspended:
            state.userForceQuit = false  // the user opened it (a prewarmed process may follow a force-quit)
            resumePrewarm()  // breadth §3.4: a prewarmed process's launch continues
            open(stageToOpen(), payload: payload)
        case .active:
            // Already on screen: the handler alone (facts §4's rule for active
            // scenes; for sceneless apps a documented choice). The home-screen icon and
            // quick actions are not reachable from an active app.
            guard let payload, payload.reachesActiveApp(config: config), let s = stage(nil, where: \.isForeground)
            else {
                throw refuse(needs: payload?.isShortcut ?? true ? Needs.notInForeground : Needs.delegateToPresent)
            }
            payload.deliver(to: s, into: &self)
        case .inactive:
            // Covered by an interruption (Notification Center, an alert, …): a link or
            // notification tapped there reaches the app, which then becomes active
            // (documented choice, the inactive half of a warm open).
            guard let payload, !payload.isShortcut, let s = stage(nil, where: \.isForeground) else {
                throw refuse(needs: Needs.interruptionToEnd)
            }
            payload.deliver(to: s, into: &self)
            for s in foregroundStages where stageState(s) == .foregroundInactive { becomeActive(s) }
        }
    }

    /// The user leaves the app for the home screen (S1).
    mutating func goHome() throws(ActionRefusal) {
        try require(state.app == .active || state.app == .inactive, Needs.inForeground)
        leaveForeground()
    }

    /// The `terminate` action: the app switcher needs an unlocked device.
    mutating func terminateAction(by cause: TerminationCause) throws(ActionRefusal) {
        try require(cause == .system || !state.locked, Needs.unlockedSwitcher)
        terminate(by: cause)
    }
}

extension LaunchPayload {
    var isShortcut: Bool {
        if case .shortcut = self { return true }
        return false
    }
}
