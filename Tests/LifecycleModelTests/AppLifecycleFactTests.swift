import LifecycleModel
import Testing

/// The DOC and MULTI facts of facts §3 beyond seed 001, one test each.
@Suite struct AppLifecycleFactTests {
    let silentPush = JSONValue.object(["aps": .object(["content-available": .number("1")])])
    let alertPush = JSONValue.object(["aps": .object(["alert": .string("Hi")])])

    // MARK: Interruptions (S3, [A-state], MULTI)

    @Test(arguments: InterruptionKind.allCases)
    func interruptionResignsThenResumesWithoutWillEnterForeground(_ kind: InterruptionKind) throws {
        let sim = appSimulator("17.0")
        let began = try sim.run([.launch, .interruptionBegan(kind: kind)])
        #expect(began.calls == ["applicationWillResignActive(_:) [active]"])
        #expect(began.state.app == .inactive)
        #expect(began.state.interruption == kind)
        let ended = try sim.apply(.interruptionEnded(outcome: .resume), to: began.state)
        #expect(ended.calls == ["applicationDidBecomeActive(_:) [active]"])
        #expect(ended.state.interruption == nil)
    }

    @Test func interruptionEndingWithTheUserLeavingEntersTheBackground() throws {
        let out = try appSimulator("17.0").run([
            .launch, .interruptionBegan(kind: .call), .interruptionEnded(outcome: .leave),
        ])
        #expect(out.calls == ["applicationDidEnterBackground(_:) [background]"])
        #expect(out.state.app == .background)
    }

    @Test func interruptionNeedsAnActiveAppAndEndNeedsOneInProgress() throws {
        let sim = appSimulator("17.0")
        #expect(throws: ActionRefusal.self) { try sim.apply(.interruptionBegan(kind: .siri), to: AppSnapshot()) }
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        #expect(throws: ActionRefusal.self) { try sim.apply(.interruptionEnded(outcome: .resume), to: active) }
    }

    @Test func notificationTappedInNotificationCenterOverTheApp() throws {
        let out = try appSimulator("17.0").run([
            .launch, .interruptionBegan(kind: .notificationCenter), .tapNotification(payload: alertPush),
        ])
        #expect(
            out.calls == [
                "application(_:didReceiveRemoteNotification:fetchCompletionHandler:) [inactive]",
                "applicationDidBecomeActive(_:) [active]",
            ])
    }

    // MARK: Lock / unlock (MULTI; protected data DOC)

    @Test func lockResignsAndEntersBackgroundUnlockReturns() throws {
        let sim = appSimulator("17.0") { $0.quirks.protectedDataDelay = 0 }
        let locked = try sim.run([.launch, .lock])
        #expect(
            locked.calls == [
                "applicationWillResignActive(_:) [active]", "applicationDidEnterBackground(_:) [background]",
                "applicationProtectedDataWillBecomeUnavailable(_:) [background]",
            ])
        let unlocked = try sim.apply(.unlock, to: locked.state)
        #expect(
            unlocked.calls == [
                "applicationProtectedDataDidBecomeAvailable(_:) [background]",
                "applicationWillEnterForeground(_:) [background]", "applicationDidBecomeActive(_:) [active]",
            ])
    }

    @Test func protectedDataGoesAfterTheDelayOnlyToARunningApp() throws {
        let sim = appSimulator("17.0")  // default delay 10 s; suspension after 5 s
        let locked = try sim.run([.launch, .lock])
        #expect(!locked.methods.contains("applicationProtectedDataWillBecomeUnavailable(_:)"))
        let later = try sim.apply(.advanceTime(seconds: 20), to: locked.state)
        #expect(later.callbacks.isEmpty)  // suspended at 5 s, before the 10 s delay
        #expect(!later.state.protectedDataAvailable)
        let withTask = try sim.run([.launch, .beginBackgroundTask(name: "upload"), .lock, .advanceTime(seconds: 10)])
        #expect(withTask.calls == ["applicationProtectedDataWillBecomeUnavailable(_:) [background]"])
    }

    @Test func whileLockedTheUserCannotOpenTheApp() throws {
        let locked = try appSimulator("17.0").run([.launch, .lock]).state
        for action in [Action.launch, .openURL(url: "a:b"), .quickAction(shortcutType: "x"), .terminate(by: .user)] {
            #expect(throws: ActionRefusal.self) { try appSimulator("17.0").apply(action, to: locked) }
        }
    }

    // MARK: Launch into / wake in the background (S4 DOC; S1, [OR14295449] MULTI)

    @Test(arguments: [("11.0", false), ("12.4", false), ("13.0", true), ("17.0", true)])
    func silentPushLaunchesIntoTheBackground(_ version: String, _ didEnterBackground: Bool) throws {
        let sim = appSimulator(version) { $0.backgroundModes = [.remoteNotification] }
        let out = try sim.apply(.receiveNotification(payload: silentPush), to: AppSnapshot())
        #expect(out.callbacks.allSatisfy { $0.appState == .background })
        #expect(!out.methods.contains("applicationDidBecomeActive(_:)"))
        #expect(out.methods.contains("applicationDidEnterBackground(_:)") == didEnterBackground)
        #expect(out.methods.last == "application(_:didReceiveRemoteNotification:fetchCompletionHandler:)")
        #expect(
            out.methods.contains("application(_:willChangeStatusBarFrame:)")
                == (version.hasPrefix("11") || version.hasPrefix("12")))
        let did = try #require(
            out.callbacks.first { $0.method.name == "application(_:didFinishLaunchingWithOptions:)" })
        #expect(did.args?["launchOptions"]?["remoteNotification"] == silentPush)
        #expect(out.state.app == .background)
    }

    @Test func didEnterBackgroundOnBackgroundLaunchIsAQuirk() throws {
        let out = try appSimulator("11.0") {
            $0.backgroundModes = [.fetch]
            $0.quirks.didEnterBackgroundOnBackgroundLaunch = true
        }
        .apply(.backgroundFetch, to: AppSnapshot())
        #expect(
            Array(out.methods.suffix(2)) == [
                "applicationDidEnterBackground(_:)", "application(_:performFetchWithCompletionHandler:)",
            ])
    }

    @Test func fetchAndLocationNeedTheirBackgroundModes() throws {
        let none = appSimulator("17.0")
        #expect(throws: ActionRefusal.self) { try none.apply(.backgroundFetch, to: AppSnapshot()) }
        #expect(throws: ActionRefusal.self) { try none.apply(.locationEvent, to: AppSnapshot()) }
        let silent = try none.apply(.receiveNotification(payload: silentPush), to: AppSnapshot())
        #expect(silent.callbacks.isEmpty)  // no remote-notification mode: not launched
        #expect(silent.state.app == .notRunning)
    }

    @Test func locationLaunchCarriesTheLocationKey() throws {
        let out = try appSimulator("17.0") { $0.backgroundModes = [.location] }.apply(.locationEvent, to: AppSnapshot())
        #expect(out.callbacks.first?.args?["launchOptions"]?["location"] == .bool(true))
        #expect(out.callbacks.last?.receiver == .locationManagerDelegate)
        #expect(out.calls.last == "locationManager(_:didUpdateLocations:) [background]")
    }

    @Test func suspendedAppIsWokenForTheEvent() throws {
        let sim = appSimulator("17.0") { $0.backgroundModes = [.fetch] }
        let suspended = try sim.run([.launch, .background, .advanceTime(seconds: 10)]).state
        #expect(suspended.app == .suspended)
        let woken = try sim.apply(.backgroundFetch, to: suspended)
        #expect(woken.calls == ["application(_:performFetchWithCompletionHandler:) [background]"])
        #expect(try sim.apply(.advanceTime(seconds: 31), to: woken.state).state.app == .suspended)
    }

    @Test func noBackgroundRelaunchAfterAUserForceQuitUntilTheUserOpensIt() throws {
        let sim = appSimulator("17.0") { $0.backgroundModes = [.fetch, .remoteNotification, .location] }
        let killed = try sim.run([.launch, .terminate(by: .user)]).state
        #expect(killed.userForceQuit)
        #expect(throws: ActionRefusal.self) { try sim.apply(.backgroundFetch, to: killed) }
        #expect(throws: ActionRefusal.self) { try sim.apply(.locationEvent, to: killed) }
        #expect(try sim.apply(.receiveNotification(payload: silentPush), to: killed).callbacks.isEmpty)
        let reopened = try sim.run(
            [.launch, .background, .advanceTime(seconds: 10), .terminate(by: .system)], from: killed
        ).state
        #expect(!reopened.userForceQuit)
        #expect(
            try sim.apply(.backgroundFetch, to: reopened).methods.last
                == "application(_:performFetchWithCompletionHandler:)")
    }

    @Test func userOpeningABackgroundLaunchedAppDoesNotFinishLaunchingAgain() throws {
        let sim = appSimulator("17.0") { $0.backgroundModes = [.fetch] }
        let out = try sim.run([.backgroundFetch, .launch])
        #expect(
            out.calls == ["applicationWillEnterForeground(_:) [background]", "applicationDidBecomeActive(_:) [active]"])
    }

    // MARK: Notifications arriving (DOC)

    @Test func alertWhileActiveReachesWillPresentOnlyWithADelegate() throws {
        let active = try appSimulator("17.0").apply(.launch, to: AppSnapshot()).state
        #expect(try appSimulator("17.0").apply(.receiveNotification(payload: alertPush), to: active).callbacks.isEmpty)
        let delegate = appSimulator("17.0") { $0.notificationCenterDelegate = true }
        let out = try delegate.apply(.receiveNotification(payload: alertPush), to: active)
        #expect(out.calls == ["userNotificationCenter(_:willPresent:withCompletionHandler:) [active]"])
        #expect(out.state == active)
    }

    @Test func silentPushWhileRunningReachesTheAppDelegate() throws {
        let sim = appSimulator("17.0") { $0.backgroundModes = [.remoteNotification] }
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        #expect(
            try sim.apply(.receiveNotification(payload: silentPush), to: active).calls
                == ["application(_:didReceiveRemoteNotification:fetchCompletionHandler:) [active]"])
        let background = try sim.apply(.background, to: active).state
        #expect(
            try sim.apply(.receiveNotification(payload: silentPush), to: background).calls
                == ["application(_:didReceiveRemoteNotification:fetchCompletionHandler:) [background]"])
    }

    // MARK: Quick actions (DOC)

    @Test func quickActionColdThenWarm() throws {
        let sim = appSimulator("17.0")
        let cold = try sim.apply(.quickAction(shortcutType: "com.example.search"), to: AppSnapshot())
        #expect(
            cold.calls == [
                "application(_:willFinishLaunchingWithOptions:) [inactive]",
                "application(_:didFinishLaunchingWithOptions:) [inactive]",
                "application(_:performActionFor:completionHandler:) [inactive]",
                "applicationDidBecomeActive(_:) [active]",
            ])
        #expect(cold.callbacks[0].args?["launchOptions"]?["shortcutItem"]?["type"] == .string("com.example.search"))
        let warm = try sim.run([.background, .quickAction(shortcutType: "x")], from: cold.state)
        #expect(
            warm.calls == [
                "applicationWillEnterForeground(_:) [background]",
                "application(_:performActionFor:completionHandler:) [inactive]",
                "applicationDidBecomeActive(_:) [active]",
            ])
        #expect(throws: ActionRefusal.self) { try sim.apply(.quickAction(shortcutType: "x"), to: warm.state) }
    }

    // MARK: Termination from every state (S3, DOC)

    @Test func willTerminateOnlyForRunningAppsAndAlwaysLast() throws {
        let sim = appSimulator("17.0")
        let states: [(String, [Action])] = [
            ("notRunning", []), ("active", [.launch]), ("inactive", [.launch, .interruptionBegan(kind: .appSwitcher)]),
            ("background", [.launch, .background]), ("suspended", [.launch, .background, .advanceTime(seconds: 6)]),
        ]
        for (name, setup) in states {
            let before = try sim.run(setup).state
            #expect(before.app.rawValue == name)
            for cause in TerminationCause.allCases {
                let out = try sim.apply(.terminate(by: cause), to: before)
                #expect(
                    out.methods.contains("applicationWillTerminate(_:)") == before.app.isExecuting, "\(name) \(cause)")
                if before.app.isExecuting { #expect(out.methods.last == "applicationWillTerminate(_:)") }
                #expect(out.state.app == .notRunning)
            }
        }
    }

    @Test func switcherKillOfAnInterruptedAppDoesNotResignAgain() throws {
        let out = try appSimulator("17.0").run([.launch, .interruptionBegan(kind: .appSwitcher), .terminate(by: .user)])
        #expect(out.calls == ["applicationWillTerminate(_:) [inactive]"])
    }

    // MARK: Memory warnings ([A-mem], DOC)

    @Test func memoryWarningsReachRunningAppsOnly() throws {
        let sim = appSimulator("17.0")
        #expect(try sim.apply(.memoryWarning, to: AppSnapshot()).callbacks.isEmpty)
        let active = try sim.run([.launch, .memoryWarning])
        #expect(active.calls == ["applicationDidReceiveMemoryWarning(_:) [active]"])
        let suspended = try sim.run([.launch, .background, .advanceTime(seconds: 6), .memoryWarning])
        #expect(suspended.callbacks.isEmpty)
        #expect(suspended.state.app == .suspended)
    }
}
