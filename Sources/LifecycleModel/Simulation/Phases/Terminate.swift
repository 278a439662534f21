extension Transition {
    /// The process ends (S3, DOC; LIFECYCLE.md §3 "Termination", §6).
    mutating func terminate(by cause: TerminationCause) {
        switch state.app {
        case .notRunning, .suspended:
            // S3/S4: a suspended app runs no code, so its kill is silent; a
            // not-running app has nothing to end.
            break
        case .background:
            // S3: an app executing in the background hears applicationWillTerminate.
            call(AppDelegateMethod.willTerminate)
        case .active, .inactive:
            switch cause {
            case .user:
                killFromSwitcher()
            case .system:
                // Documented choice: the system ending a foreground app while it runs
                // (S3: "the system killing the app to free up memory") reaches
                // applicationWillTerminate directly; it does not pass through background.
                call(AppDelegateMethod.willTerminate)
            }
        }
        // LIFECYCLE.md §6: a user's force-quit deletes the restoration archive; a
        // system kill keeps it. §3: a force-quit app is not relaunched in the background.
        if cause == .user { state.restorationArchive = false }
        state.userForceQuit = cause == .user
        // Only a process that existed has a termination to report.
        guard state.app != .notRunning else { return }
        end(cause == .user ? .userForceQuit : .system)
    }

    /// The process is gone: no state that needs running code survives.
    mutating func end(_ reason: Termination.Reason) {
        enter(.notRunning)
        state.interruption = nil
        state.backgroundTasks = []
        state.backgroundSince = nil
        state.suspendAt = nil
        state.foregroundAtLock = false
        state.scenesAtLock = []
        detachAllScenes()
        state.windows = []
        state.lastTermination = Termination(reason: reason, at: state.clock)
    }

    /// A foreground app swiped away in the app switcher, whose opening already
    /// resigned it active (LIFECYCLE.md §3; quirk `switcherKillSequence`).
    private mutating func killFromSwitcher() {
        if state.app == .active {
            call(AppDelegateMethod.willResignActive)
            enter(.inactive)
        }
        if profile.switcherKillSequence == .resignActiveEnterBackgroundThenTerminate {
            enter(.background)
            call(AppDelegateMethod.didEnterBackground)
        }
        call(AppDelegateMethod.willTerminate)
    }
}
