import LifecycleModel
import Testing

/// The DOC and MULTI facts of facts §4 (scene-based apps), one test each.
@Suite struct SceneLifecycleFactTests {
    let alert = JSONValue.object(["aps": .object(["alert": .string("Hi")])])

    @Test func defaultLifecycleIsSceneFromIOS13() {
        #expect(SessionConfig().lifecycle == .scene)
        #expect(SessionConfig(iosVersion: IOSVersion("12.4")!).lifecycle == .app)
    }

    @Test func coldLaunchByTheUser() throws {
        let out = try sceneSimulator().apply(.launch, to: AppSnapshot())
        #expect(
            out.sceneCalls == [
                "application(_:willFinishLaunchingWithOptions:) [background]",  // DOC: launches in the background
                "application(_:didFinishLaunchingWithOptions:) [background]",
                "application(_:configurationForConnecting:options:) [background]",  // a new session
                "scene(_:willConnectTo:options:) [background] scene-1/unattached",
                "sceneWillEnterForeground(_:) [background] scene-1/background",
                "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
            ])
        #expect(out.callbacks[0].args?["launchOptions"] == .null)  // §2.4: nil for scene apps
        #expect(out.state.scenes.map(\.state) == [.foregroundActive])
    }

    @Test func appDelegateHearsNoForegroundOrBackgroundCallbacks() throws {
        let sim = sceneSimulator()
        let out = try sim.run([
            .launch, .background, .launch, .interruptionBegan(kind: .call), .interruptionEnded(outcome: .leave),
        ])
        let all = try [AppSnapshot()].flatMap { _ in
            [try sim.apply(.launch, to: AppSnapshot())] + [out]
        }.flatMap(\.callbacks)
        let forbidden = [
            "applicationDidBecomeActive(_:)", "applicationWillResignActive(_:)",
            "applicationDidEnterBackground(_:)", "applicationWillEnterForeground(_:)",
        ]
        #expect(!all.contains { forbidden.contains($0.method.name) })
    }

    @Test func leaveAndReturn() throws {
        let sim = sceneSimulator()
        let bg = try sim.run([.launch, .background])
        #expect(
            bg.sceneCalls == [
                "sceneWillResignActive(_:) [active] scene-1/foregroundActive",
                "sceneDidEnterBackground(_:) [background] scene-1/background",
            ])
        let back = try sim.apply(.launch, to: bg.state)
        #expect(
            back.sceneCalls == [
                "sceneWillEnterForeground(_:) [background] scene-1/background",
                "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
            ])
    }

    @Test func interruptionResignsThenBecomesActive() throws {
        let sim = sceneSimulator()
        let began = try sim.run([.launch, .interruptionBegan(kind: .controlCenter)])
        #expect(began.sceneCalls == ["sceneWillResignActive(_:) [active] scene-1/foregroundActive"])
        #expect(began.state.app == .inactive)
        #expect(
            try sim.apply(.interruptionEnded(outcome: .resume), to: began.state).sceneCalls
                == ["sceneDidBecomeActive(_:) [active] scene-1/foregroundActive"])
    }

    @Test func existingSessionReconnectsWithoutConfigurationForConnecting() throws {
        let sim = sceneSimulator()
        let relaunch = try sim.run([.launch, .background, .terminate(by: .system), .launch])
        #expect(!relaunch.methods.contains("application(_:configurationForConnecting:options:)"))
        #expect(relaunch.methods.contains("scene(_:willConnectTo:options:)"))
        #expect(
            relaunch.callbacks.first { $0.method.name == "scene(_:willConnectTo:options:)" }?.args?["session"]?["isNew"]
                == .bool(false))
    }

    @Test(arguments: [
        (Action.openURL(url: "myapp://x"), "urlContexts", "scene(_:openURLContexts:)"),
        (.openUniversalLink(url: "https://e.com/x"), "userActivities", "scene(_:continue:)"),
        (.quickAction(shortcutType: "s"), "shortcutItem", "windowScene(_:performActionFor:completionHandler:)"),
        (
            .tapNotification(payload: .object(["aps": .object([:])])), "notificationResponse",
            "application(_:didReceiveRemoteNotification:fetchCompletionHandler:)"
        ),
    ])
    func coldPayloadsComeInConnectionOptionsWithoutWarmHandlers(_ action: Action, _ key: String, _ warmHandler: String)
        throws
    {
        let out = try sceneSimulator().apply(action, to: AppSnapshot())
        let connect = try #require(out.callbacks.first { $0.method.name == "scene(_:willConnectTo:options:)" })
        #expect(connect.args?["options"]?[key] != nil)
        #expect(!out.methods.contains(warmHandler))
        #expect(out.callbacks.first?.args?["launchOptions"] == .null)
    }

    @Test func coldNotificationResponseAlsoReachesTheNotificationCenterDelegate() throws {
        let out = try sceneSimulator { $0.notificationCenterDelegate = true }.apply(
            .tapNotification(payload: alert), to: AppSnapshot())
        #expect(
            Array(out.sceneCalls.suffix(3)) == [
                "sceneWillEnterForeground(_:) [background] scene-1/background",
                "userNotificationCenter(_:didReceive:withCompletionHandler:) [inactive]",
                "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
            ])
    }

    @Test(arguments: [WarmHandlerPosition.beforeDidBecomeActive, .afterDidBecomeActive])
    func warmLinkBetweenWillEnterForegroundAndDidBecomeActiveByDefault(_ position: WarmHandlerPosition) throws {
        let sim = sceneSimulator { $0.quirks.warmHandlerPosition = position }
        let bg = try sim.run([.launch, .background]).state
        let link = try sim.apply(.openUniversalLink(url: "https://e.com/a"), to: bg)
        switch position {
        case .beforeDidBecomeActive:
            #expect(
                link.sceneCalls == [
                    "sceneWillEnterForeground(_:) [background] scene-1/background",
                    "scene(_:willContinueUserActivityWithType:) [inactive] scene-1/foregroundInactive",
                    "scene(_:continue:) [inactive] scene-1/foregroundInactive",
                    "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
                ])
        case .afterDidBecomeActive:
            #expect(
                link.methods == [
                    "sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)",
                    "scene(_:willContinueUserActivityWithType:)", "scene(_:continue:)",
                ])
        }
        let url = try sim.apply(.openURL(url: "myapp://a"), to: bg)
        #expect(url.methods.contains("scene(_:openURLContexts:)"))
        #expect(
            url.callbacks.first { $0.method.name == "scene(_:openURLContexts:)" }?.args?["urlContexts"]
                == .array([.object(["url": .string("myapp://a")])]))
    }

    @Test func whileActiveTheHandlerAlone() throws {
        let sim = sceneSimulator()
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        #expect(
            try sim.apply(.openURL(url: "myapp://a"), to: active).sceneCalls == [
                "scene(_:openURLContexts:) [active] scene-1/foregroundActive"
            ])
    }

    @Test func uiKitDisconnectsABackgroundSceneAfterAskingForItsActivity() throws {
        let sim = sceneSimulator { $0.stateRestoration = true }
        let bg = try sim.run([.launch, .background]).state
        let out = try sim.apply(.disconnectScene(sceneId: "scene-1"), to: bg)
        #expect(
            out.sceneCalls == [
                "stateRestorationActivity(for:) [background] scene-1/background",
                "sceneDidDisconnect(_:) [background] scene-1/background",
            ])
        #expect(out.state.scenes.first?.state == .unattached)
        #expect(out.state.scenes.first?.hasRestorationActivity == true)
        // The session survives: reconnected without configurationForConnecting, with its activity.
        let back = try sim.apply(.launch, to: out.state)
        let connect = try #require(back.callbacks.first)
        #expect(connect.method.name == "scene(_:willConnectTo:options:)")
        #expect(connect.args?["session"]?["stateRestorationActivity"] == .bool(true))
        // Only background or suspended scenes are reclaimed; switching apps is not a disconnect.
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        #expect(throws: ActionRefusal.self) { try sim.apply(.disconnectScene(sceneId: "scene-1"), to: active) }
        #expect(!(try sim.run([.launch, .background])).methods.contains("sceneDidDisconnect(_:)"))
    }

    @Test(arguments: [SwitcherKillSequence.resignActiveThenTerminate, .resignActiveEnterBackgroundThenTerminate])
    func switcherKillOfAForegroundSceneApp(_ sequence: SwitcherKillSequence) throws {
        let out = try sceneSimulator { $0.quirks.switcherKillSequence = sequence }.run([.launch, .terminate(by: .user)])
        let expected =
            ["sceneWillResignActive(_:)"]
            + (sequence == .resignActiveEnterBackgroundThenTerminate ? ["sceneDidEnterBackground(_:)"] : [])
            + ["sceneDidDisconnect(_:)", "application(_:didDiscardSceneSessions:)", "applicationWillTerminate(_:)"]
        #expect(out.methods == expected)
        #expect(out.state.scenes.isEmpty)
    }

    @Test func sessionsDiscardedWhileNotRunningAreReportedAtTheNextLaunch() throws {
        let sim = sceneSimulator()
        let killed = try sim.run([.launch, .background, .advanceTime(seconds: 10), .terminate(by: .user)])
        #expect(killed.callbacks.isEmpty)  // suspended: silent
        #expect(killed.state.pendingDiscards == ["scene-1"])
        let next = try sim.apply(.launch, to: killed.state)
        #expect(
            Array(next.methods.prefix(4)) == [
                "application(_:willFinishLaunchingWithOptions:)",
                "application(_:didFinishLaunchingWithOptions:)",
                "application(_:didDiscardSceneSessions:)",
                "application(_:configurationForConnecting:options:)",
            ])
        #expect(next.callbacks[2].args?["sessions"] == .array([.string("scene-1")]))
        #expect(next.state.scenes.map(\.id) == ["scene-2"])
    }

    @Test func closingASceneWhileTheAppRunsDiscardsItNow() throws {
        let sim = iPadSimulator()
        let two = try sim.run([.launch, .openScene(by: .user)])
        let out = try sim.apply(.closeScene(sceneId: "scene-2"), to: two.state)
        #expect(
            out.sceneCalls == [
                "sceneWillResignActive(_:) [active] scene-2/foregroundActive",
                "sceneDidEnterBackground(_:) [active] scene-2/background",
                "sceneDidDisconnect(_:) [active] scene-2/background",
                "application(_:didDiscardSceneSessions:) [active]",
            ])
        #expect(out.state.scenes.map(\.id) == ["scene-1"])
        #expect(out.state.app == .active)  // scene-1 is still active
    }

    @Test func systemRequestedSceneConnectsStraightIntoTheBackground() throws {
        let sim = iPadSimulator()
        let out = try sim.run([.launch, .background, .openScene(by: .system)])
        #expect(
            out.sceneCalls == [
                "application(_:configurationForConnecting:options:) [background]",
                "scene(_:willConnectTo:options:) [background] scene-2/unattached",
            ])
        #expect(out.state.scenes.map(\.state) == [.background, .background])
    }

    @Test func eachSceneHasItsOwnStateAndTheAppTheMostActive() throws {
        let sim = iPadSimulator()
        let two = try sim.run([.launch, .openScene(by: .user), .background, .activateScene(sceneId: "scene-1")])
        #expect(two.state.scenes.map(\.state) == [.foregroundActive, .background])
        #expect(two.state.app == .active)
        // Issue #38's named choice: the window on screen resigns (the switcher covers it),
        // the picked one arrives, then the first enters the background; the app stays in
        // the foreground, active again as soon as a scene is ([A-state]).
        let swap = try sim.apply(.activateScene(sceneId: "scene-2"), to: two.state)
        #expect(
            swap.sceneCalls == [
                "sceneWillResignActive(_:) [active] scene-1/foregroundActive",
                "sceneWillEnterForeground(_:) [inactive] scene-2/background",
                "sceneDidBecomeActive(_:) [active] scene-2/foregroundActive",
                "sceneDidEnterBackground(_:) [active] scene-1/background",
            ])
    }

    /// Issue #38: switching windows posts the app-level notifications of the aggregate
    /// only: the app resigns and becomes active again, and never leaves the foreground
    /// (no didEnterBackground, no willEnterForeground in the middle of the switch).
    @Test func switchingWindowsKeepsTheAppInTheForeground() throws {
        var s = try ObservedSession(observedIPad("17.0"), after: [.launch, .openScene(by: .system)])
        let notes = try s.apply(.activateScene(sceneId: "scene-2")).of(.observer(.notifications)).map(\.method.name)
        #expect(
            notes.filter { $0.hasPrefix("UIApplication.") } == [
                "UIApplication.willResignActiveNotification", "UIApplication.didBecomeActiveNotification",
            ])
        #expect(s.state.app == .active && s.state.scenes.map(\.state) == [.background, .foregroundActive])
    }

    @Test func aSecondSceneNeedsAnIPadWithMultipleScenes() throws {
        for sim in [
            sceneSimulator(), sceneSimulator { $0.device = .ipad }, sceneSimulator { $0.supportsMultipleScenes = true },
        ] {
            let active = try sim.apply(.launch, to: AppSnapshot()).state
            #expect(throws: ActionRefusal.self) { try sim.apply(.openScene(by: .user), to: active) }
            #expect(throws: ActionRefusal.self) { try sim.apply(.closeScene(sceneId: "scene-1"), to: active) }
        }
    }

    @Test func sceneActionsAreRefusedForSceneless() throws {
        let sim = appSimulator("17.0")
        for a in [
            Action.openScene(by: .user), .activateScene(sceneId: nil), .closeScene(sceneId: nil),
            .disconnectScene(sceneId: nil),
        ] {
            #expect(throws: ActionRefusal.self) { try sim.apply(a, to: AppSnapshot()) }
        }
    }

    @Test func suspensionSuspendsTheScenesLockAndUnlockMoveThem() throws {
        let sim = sceneSimulator { $0.quirks.protectedDataDelay = 0 }
        let suspended = try sim.run([.launch, .background, .advanceTime(seconds: 5)])
        #expect(suspended.state.scenes.map(\.state) == [.suspended])
        #expect(suspended.state.app == .suspended)
        let locked = try sim.run([.launch, .lock])
        #expect(
            locked.methods == [
                "sceneWillResignActive(_:)", "sceneDidEnterBackground(_:)",
                "applicationProtectedDataWillBecomeUnavailable(_:)",
            ])
        #expect(
            try sim.apply(.unlock, to: locked.state).methods == [
                "applicationProtectedDataDidBecomeAvailable(_:)",
                "sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)",
            ])
    }

    @Test func backgroundLaunchConnectsNoScene() throws {
        let sim = sceneSimulator { $0.backgroundModes = [.fetch] }
        let out = try sim.apply(.backgroundFetch, to: AppSnapshot())
        #expect(
            out.methods == [
                "application(_:willFinishLaunchingWithOptions:)", "application(_:didFinishLaunchingWithOptions:)",
                "application(_:performFetchWithCompletionHandler:)",
            ])
        #expect(out.state.scenes.isEmpty)
        #expect(out.callbacks.allSatisfy { $0.appState == .background })
    }
}
