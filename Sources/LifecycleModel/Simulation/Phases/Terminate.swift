extension Transition {
    /// The process ends (S3, DOC; facts §3 "Termination", §4, §6).
    ///
    /// A suspended app runs no code, so its kill is silent; a not-running app has
    /// nothing to end (S3/S4). An app executing in the background hears
    /// applicationWillTerminate (S3). A foreground app swiped away in the app switcher,
    /// whose opening already resigned it active, hears what quirk
    /// `switcherKillSequence` says; its scenes disconnect and their sessions are
    /// discarded (reported now if the app runs, else at the next launch; MULTI). A
    /// documented choice: the system ending a foreground app while it runs (S3: "the
    /// system killing the app to free up memory") reaches applicationWillTerminate
    /// directly; it does not pass through background, and the sessions survive.
    mutating func terminate(by cause: TerminationCause) {
        let running = state.app.isExecuting
        // breadth §3.1: a process paused before main is discarded without a word.
        if state.app == .notRunning { state.prewarm = nil }
        if cause == .user {
            if running {
                let stages = foregroundStages
                for s in stages where stageState(s) == .foregroundActive { resignActive(s) }
                if profile.switcherKillSequence == .resignActiveEnterBackgroundThenTerminate {
                    for s in stages { enterBackground(s) }
                }
                for i in state.scenes.indices where state.scenes[i].state.isConnected { disconnect(i) }
                let discarded = state.scenes.map { JSONValue.string($0.id) }
                if profile.quickKillSecondScene && !stages.isEmpty { quickKillSecondScene() }
                if !discarded.isEmpty {
                    call(.appDelegate(.didDiscardSceneSessions), args: .object(["sessions": .array(discarded)]))
                }
            }
            state.sessions.discardAll(reportLater: !running)
            // facts §6: a user's force-quit deletes the restoration archive; a
            // system kill keeps it.
            state.restorationArchive = false
            state.restorationStack = []
        }
        if running { call(.appDelegate(.willTerminate)) }
        // §3: a force-quit app is not relaunched in the background.
        state.userForceQuit = cause == .user
        // Only a process that existed has a termination to report.
        guard state.app != .notRunning else { return }
        end(cause == .user ? .userForceQuit : .system)
    }

    /// Quirk `quickKillSecondScene` ([F732170], iOS 16–17, SINGLE): killed quickly from
    /// the switcher, the app's scene disconnects, then a second window scene gets
    /// sceneWillEnterForeground and sceneDidEnterBackground before the process ends. It
    /// connects first (a scene delegate hears nothing before willConnectTo; the thread
    /// logs the two calls only) and its root does not appear (documented choices).
    private mutating func quickKillSecondScene() {
        let i = newScene()
        connect(i, options: .object([]))
        callStage(.willEnterForeground, .scene(i))
        setStage(.scene(i), .foregroundInactive)
        enterBackground(.scene(i))
    }

    /// The process is gone: no state that needs running code survives (`AppSnapshot.processEnded`).
    mutating func end(_ reason: Termination.Reason) {
        enter(.notRunning)
        state.lastTermination = Termination(reason: reason, at: state.clock)
    }
}
