extension Transition {
    /// Leave the foreground (home, switch app; S1, DOC): willResignActive (active),
    /// didEnterBackground (background), then the state save if the app opted in, then
    /// iOS 11's orientation query (S1).
    mutating func leaveForeground() {
        call(AppDelegateMethod.willResignActive)
        enter(.background)
        call(AppDelegateMethod.didEnterBackground)
        saveStateIfOptedIn()
        call(AppDelegateMethod.supportedInterfaceOrientations, times: profile.orientationQueries?.onBackground ?? 0)
    }

    /// LIFECYCLE.md §6: state is saved on entering the background (S1), leaving an
    /// archive on disk.
    mutating func saveStateIfOptedIn() {
        guard config.stateRestoration else { return }
        call(profile.restoration.shouldSave)
        call(profile.restoration.willEncode)
        state.restorationArchive = true
    }
}
