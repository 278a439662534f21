extension Transition {
    /// The user opens the app: by its icon (no payload), a link, a notification or a
    /// quick action (LIFECYCLE.md §3).
    mutating func open(_ payload: LaunchPayload?) throws(ActionRefusal) {
        try require(!state.locked, "the device unlocked (send unlock first)")
        if profile.usesScenes { return try sceneOpen(payload) }
        switch state.app {
        case .notRunning:
            state.userForceQuit = false
            coldLaunch(payload: payload)
        case .background, .suspended:
            enterForeground(payload: payload)
        case .active:
            // Already on screen: the handler alone (LIFECYCLE.md §4's rule for active
            // scenes, applied to sceneless apps: a documented choice). The home-screen
            // icon and quick actions are not reachable from an active app.
            guard let payload, payload.reachesActiveApp(config: config) else {
                throw refuse(needs: payload?.isShortcut ?? true
                    ? "the app not in the foreground (notRunning, background or suspended): the user starts it from the home screen"
                    : "a notification-center delegate to present the notification while the app is active (config notificationCenterDelegate), or the app not active")
            }
            payload.deliver(into: &self)
        case .inactive:
            // Covered by an interruption (Notification Center, an alert, …): a link or
            // notification tapped there reaches the app, which then becomes active
            // (documented choice, the inactive half of a warm open).
            guard let payload, !payload.isShortcut else {
                throw refuse(needs: "the app not in the foreground; while an interruption covers it, end the interruption (interruptionEnded)")
            }
            payload.deliver(into: &self)
            becomeActive()
        }
    }

    /// The user leaves the app for the home screen (S1).
    mutating func goHome() throws(ActionRefusal) {
        try require(state.app == .active || state.app == .inactive, "the app in the foreground (active, or inactive under an interruption)")
        if profile.usesScenes { scenesLeaveForeground() } else { leaveForeground() }
    }

    /// The `terminate` action: the app switcher needs an unlocked device.
    mutating func terminateAction(by cause: TerminationCause) throws(ActionRefusal) {
        try require(cause == .system || !state.locked, "the device unlocked: the user swipes apps away in the app switcher (send unlock first, or terminate by system)")
        if profile.usesScenes { sceneTerminate(by: cause) } else { terminate(by: cause) }
    }
}

extension LaunchPayload {
    var isShortcut: Bool {
        if case .shortcut = self { return true }
        return false
    }
}
