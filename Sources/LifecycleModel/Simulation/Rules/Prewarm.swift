/// Prewarming (breadth §3, iOS 15+).
extension Transition {
    /// `prewarm`: the system starts the process ahead of use and pauses it (breadth
    /// §3.1, DOC). Quirk `prewarmStopsAt`: before `UIApplicationMain` (the default: no
    /// callback, the app still notRunning to UIKit) or after didFinishLaunching in the
    /// background with no scene connected (breadth §3.2, iOS 15 logs), then paused
    /// (suspended), or through the root view controllers' viewDidLoad (`throughViewDidLoad`:
    /// a scene app's scene connects in the prewarm, its root loads, and the user's launch
    /// goes on from viewWillAppear with sceneWillEnterForeground and sceneDidBecomeActive).
    /// Refused before iOS 15 and for a process that exists.
    mutating func prewarm() throws(ActionRefusal) {
        try require(profile.work.canPrewarm, Needs.prewarmVersion(config.iosVersion))
        try require(state.app == .notRunning && state.prewarm == nil, Needs.notRunningToPrewarm)
        let stop = profile.work.prewarmStopsAt
        if stop != .beforeMain {
            // breadth §3.2 open question: the state during a prewarm is background.
            enter(.background)
            launchUntilDidFinish(options: .null)
            // [SENTRY1897], [FIR9362] (LOG): through the root controllers' viewDidLoad, then
            // the launch continues at their appearance. A sceneless app's window comes with
            // its process; a scene app's root loads in its scene, so the scene connects in
            // the prewarm (in the background, as a system-requested scene does, S2), the one
            // the user's launch will open. The measurements come mostly from scene apps.
            if stop == .throughViewDidLoad { connect(stageToOpen(), options: .object([])) }
            suspend()
        }
        state.prewarm = PrewarmSnapshot(stoppedAt: stop, paused: true)
    }

    /// The paused launch continues (breadth §3.4, DOC): what has not run yet runs, then
    /// the scene connects. Called by whatever first runs the prewarmed process.
    mutating func resumePrewarm() {
        if state.prewarm?.paused == true { state.prewarm?.paused = false }
    }
}
