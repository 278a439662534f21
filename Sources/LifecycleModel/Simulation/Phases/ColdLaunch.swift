extension Transition {
    /// Cold launch into the foreground (S1, R12, [A-launch]; LIFECYCLE.md §3).
    ///
    /// A sceneless app is `inactive` from the start of launch (DOC) until
    /// `applicationDidBecomeActive(_:)`.
    mutating func coldLaunch(payload: LaunchPayload?) {
        enter(.inactive)
        launchUntilDidFinish(options: payload?.launchOptions ?? .null)
        // Issue #5, documented choice (as reported): the root view controller loads
        // and begins appearing after didFinishLaunching, and appears after didBecomeActive.
        let w = createWindow(sceneId: nil)
        rootBeginsAppearing(w)
        payload?.deliver(into: &self)
        becomeActive()
        rootFinishesAppearing(w)
    }

    /// The shared start of every cold launch, foreground or background: status bar,
    /// orientation queries, will/didFinishLaunching around state restoration (S1).
    mutating func launchUntilDidFinish(options: JSONValue) {
        state.interruption = nil
        state.backgroundTasks = []
        if profile.statusBarFrameCalls {
            call(AppDelegateMethod.willChangeStatusBarFrame)
            call(AppDelegateMethod.didChangeStatusBarFrame)
        }
        call(AppDelegateMethod.supportedInterfaceOrientations, times: profile.orientationQueries?.beforeLaunch ?? 0)
        let args = JSONValue.object(["launchOptions": options])
        call(AppDelegateMethod.willFinishLaunching, args: args)
        restoreStateIfArchived()
        call(AppDelegateMethod.didFinishLaunching, args: args)
        call(AppDelegateMethod.supportedInterfaceOrientations, times: profile.orientationQueries?.afterLaunch ?? 0)
        if profile.usesScenes { reportPendingDiscards() }
    }

    /// LIFECYCLE.md §6: restored between will- and didFinishLaunching, only if the app
    /// opts in and an archive is on disk (S1's link and push launches show it; its plain
    /// icon launch, with no archive, does not). A documented choice: a launch into the
    /// background restores too, as it runs the same will/didFinishLaunching.
    mutating func restoreStateIfArchived() {
        // Scene apps restore through session.stateRestorationActivity instead (DOC).
        guard config.stateRestoration, state.restorationArchive, !profile.usesScenes else { return }
        call(profile.restoration.shouldRestore)
        call(profile.restoration.didDecode)
    }

    /// `applicationDidBecomeActive(_:)`, the last step of every way into the foreground.
    mutating func becomeActive() {
        enter(.active)
        state.interruption = nil
        state.backgroundSince = nil
        state.suspendAt = nil
        call(AppDelegateMethod.didBecomeActive)
    }
}
