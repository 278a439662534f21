extension Transition {
    /// facts §6: state is saved on entering the background (S1), leaving an
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
        state.background.start(at: state.clock, window: window)
    }
}
