extension Transition {
    /// The process starts for the user (S1, R12, [A-launch]; facts §3, §4):
    /// a sceneless app is `inactive` from the start of launch (DOC) and its launch
    /// options carry the payload; a scene app launches in the background with nil
    /// launch options (DOC), its scene connecting afterwards.
    mutating func startProcess(payload: LaunchPayload?) {
        enter(delegates.launchState)
        launchUntilDidFinish(options: delegates.payloadInLaunchOptions ? payload?.launchOptions ?? .null : .null)
    }

    /// The shared start of every launch, foreground or background: status bar,
    /// orientation queries, will/didFinishLaunching around state restoration (S1),
    /// then the scene sessions discarded while the app was not running.
    mutating func launchUntilDidFinish(options: JSONValue) {
        observeProcessStart()  // issue #20: observers of the new process
        state.background.clearTasks()
        resumePrewarm()
        startSwiftUIApp()
        if profile.statusBarFrameCalls {
            call(.appDelegate(.willChangeStatusBarFrame))
            call(.appDelegate(.didChangeStatusBarFrame))
        }
        call(
            .appDelegate(.supportedInterfaceOrientations),
            times: profile.orientationQueries?.beforeLaunch ?? 0)
        let args = JSONValue.object(["launchOptions": options])
        call(.appDelegate(.willFinishLaunching), args: args)
        restoreStateIfArchived()
        call(.appDelegate(.didFinishLaunching), args: args)
        registerAtLaunch()
        call(
            .appDelegate(.supportedInterfaceOrientations),
            times: profile.orientationQueries?.afterLaunch ?? 0)
        reportPendingDiscards()
    }

    /// facts §6: restored between will- and didFinishLaunching, only if the app
    /// opts in and an archive is on disk (S1's link and push launches show it; its plain
    /// icon launch, with no archive, does not). A documented choice: a launch into the
    /// background restores too, as it runs the same will/didFinishLaunching.
    mutating func restoreStateIfArchived() {
        // Scene apps restore through session.stateRestorationActivity instead (DOC).
        guard config.stateRestoration, state.restorationArchive, delegates.appDelegateKeepsState else { return }
        call(profile.restoration.shouldRestore)
        // facts §9.1 (DOC outline, [A-didfinish], [A-restore]; MULTI order, [MN-R]): the
        // restored view controllers are created and loaded, then each decodes its
        // state, before didDecodeRestorableStateWith and didFinishLaunching; they appear
        // after didFinishLaunching. The window's root is created here instead of at
        // connection, then the controllers that were pushed on it (breadth §8.6): each
        // loads in order down the chain (root first), then each decodes down the chain,
        // the app delegate's didDecode, and applicationFinishedRestoringState down the
        // chain ([MN-R]'s seven steps; "possibly interleaved" loads kept apart, a named
        // choice). Only the top controller appears at the launch.
        let w = createWindow(sceneId: nil)
        for name in state.restorationStack {
            state.windows[w].contexts[0].stack.append(ViewControllerSnapshot(name: name))
            load(ViewControllerRef(window: w, context: 0, index: state.windows[w].contexts[0].stack.count - 1))
        }
        let chain = state.windows[w].contexts[0].stack.indices.map {
            ViewControllerRef(window: w, context: 0, index: $0)
        }
        for r in chain { callViewController(.viewController(.decodeRestorableState), r) }
        call(profile.restoration.didDecode)
        for r in chain { callViewController(.viewController(.applicationFinishedRestoringState), r) }
    }

    /// `application(_:didDiscardSceneSessions:)` for sessions discarded while the app
    /// was not running, at the next launch (DOC, template comment).
    mutating func reportPendingDiscards() {
        let discarded = state.sessions.takePendingDiscards()
        guard !discarded.isEmpty else { return }
        call(
            .appDelegate(.didDiscardSceneSessions),
            args: .object(["sessions": .array(discarded.map(JSONValue.string))]))
    }
}
