extension Transition {
    /// Leave the foreground (home, switch app, lock; S1, DOC): willResignActive
    /// (active) unless an interruption already resigned it, didEnterBackground
    /// (background), the state save if the app opted in, then iOS 11's orientation
    /// query (S1). Suspension follows unless a background task runs (§5).
    mutating func leaveForeground() {
        if state.app == .active {
            call(AppDelegateMethod.willResignActive)
            enter(.inactive)
        }
        state.interruption = nil
        enter(.background)
        call(AppDelegateMethod.didEnterBackground)
        saveStateIfOptedIn()
        call(AppDelegateMethod.supportedInterfaceOrientations, times: profile.orientationQueries?.onBackground ?? 0)
        startBackgroundTime(window: profile.timing.suspensionDelay)
    }

    /// LIFECYCLE.md §6: state is saved on entering the background (S1), leaving an
    /// archive on disk.
    mutating func saveStateIfOptedIn() {
        guard config.stateRestoration else { return }
        call(profile.restoration.shouldSave)
        call(profile.restoration.willEncode)
        state.restorationArchive = true
    }

    /// The app starts executing in the background: its background time counts from
    /// now, and it is suspended after `window` seconds unless a task runs (§5).
    mutating func startBackgroundTime(window: Double) {
        state.backgroundSince = state.clock
        state.suspendAt = state.clock + window
    }
}
