import LifecycleModel
import Testing

/// The notifications interleaved with the delegate calls, in the orders the logs show
/// ([BATCH-life]; docs/observers.md, "Interleavings"), each with `applicationState` as
/// it reads when the notification arrives.
@Suite struct NotificationInterleavingTests {
    let didFinish = "application(_:didFinishLaunchingWithOptions:)"

    @Test func coldLaunchOfASceneAppOnIOS14() throws {
        var s = ObservedSession(observedConfig(.scene, "14.0"))
        let lines = try s.apply(.launch).lifecycleLines
        #expect(
            lines == [
                "\(didFinish) [background]",
                "UIApplication.didFinishLaunchingNotification [background]",
                "scene(_:willConnectTo:options:) [background] scene-1/unattached",
                "UIWindow.didBecomeKeyNotification [background] scene-1",
                "UIScene.willConnectNotification [background] scene-1/unattached",
                "sceneWillEnterForeground(_:) [background] scene-1/background",
                "UIScene.willEnterForegroundNotification [background] scene-1/unattached",
                "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
                "UIScene.didActivateNotification [background] scene-1/foregroundActive",
                "UIApplication.willEnterForegroundNotification [inactive]",
                "UIApplication.didBecomeActiveNotification [active]",
            ])
    }

    @Test func coldLaunchOfASceneAppOnIOS13PostsTheAppForegroundBeforeActivation() throws {
        var s = ObservedSession(observedConfig(.scene, "13.0"))
        let notes = try s.apply(.launch).of(.observer(.notifications)).map(\.line)
        #expect(
            Array(notes.suffix(4)) == [
                "UIScene.willEnterForegroundNotification [background] scene-1/unattached",
                "UIApplication.willEnterForegroundNotification [inactive]",
                "UIScene.didActivateNotification [inactive] scene-1/foregroundActive",
                "UIApplication.didBecomeActiveNotification [active]",
            ])
        #expect(s.simulator.profile.resolvedQuirks.appForegroundNotificationInScene == .beforeSceneActivation)
    }

    /// [BATCH-life]: no willEnterForeground notification at a sceneless cold launch; on
    /// iOS 13+ the implicit scene's didActivate comes just before the app's didBecomeActive
    /// (its notification cold open; issue #38 made it the default).
    @Test(arguments: ["12.0", "14.0"])
    func scenelessColdLaunchHasNoWillEnterForegroundNotification(_ version: String) throws {
        var s = ObservedSession(observedConfig(.app, version))
        let lines = try s.apply(.launch).lifecycleLines
        let implicitScene = version == "12.0" ? [] : ["UIScene.didActivateNotification [active]"]
        #expect(
            lines == [
                "\(didFinish) [inactive]",
                "UIWindow.didBecomeKeyNotification [inactive]",
                "UIApplication.didFinishLaunchingNotification [inactive]",
                "applicationDidBecomeActive(_:) [active]",
            ] + implicitScene + ["UIApplication.didBecomeActiveNotification [active]"])
    }

    @Test func warmReturnOfAScenelessAppOnIOS13AlsoPostsTheImplicitScenes() throws {
        var s = try ObservedSession(observedConfig(.app, "13.0"), after: [.launch])
        let home = try s.apply(.background).lifecycleLines
        #expect(
            home == [
                "applicationWillResignActive(_:) [active]",
                "UIScene.willDeactivateNotification [active]",
                "UIApplication.willResignActiveNotification [active]",
                "applicationDidEnterBackground(_:) [background]",
                "UIScene.didEnterBackgroundNotification [background]",
                "UIApplication.didEnterBackgroundNotification [background]",
            ])
        let back = try s.apply(.launch).lifecycleLines
        #expect(
            back == [
                "UIScene.willEnterForegroundNotification [background]",
                "UIApplication.willEnterForegroundNotification [background]",
                "applicationWillEnterForeground(_:) [background]",
                "applicationDidBecomeActive(_:) [active]",
                "UIScene.didActivateNotification [active]",
                "UIApplication.didBecomeActiveNotification [active]",
            ])
    }

    @Test func scenelessIOS12PostsNoSceneNotifications() throws {
        var s = ObservedSession(observedConfig(.app, "12.0"))
        var all: [Callback] = []
        for a in [Action.launch, .background, .launch, .terminate(by: .user)] { all += try s.apply(a) }
        #expect(!all.of(.observer(.notifications)).contains { $0.method.name.hasPrefix("UIScene.") })
    }

    @Test func notificationTapAtAColdLaunchComesBetweenConnectionAndActivation() throws {
        var s = ObservedSession(observedConfig(.scene, "14.0") { $0.notificationCenterDelegate = true })
        let lines = try s.apply(.tapNotification(payload: .object(["aps": .object([:])]))).lifecycleLines
        let connect = try #require(lines.position(of: "UIScene.willConnectNotification"))
        let didReceive = try #require(lines.position(of: "userNotificationCenter(_:didReceive:"))
        let didActivate = try #require(lines.position(of: "UIScene.didActivateNotification"))
        let appActive = try #require(lines.position(of: "UIApplication.didBecomeActiveNotification"))
        #expect(connect < didReceive && didReceive < didActivate && didActivate < appActive)
    }

    @Test func warmNotificationTapComesBetweenTheForegroundAndTheActivationNotifications() throws {
        var s = try ObservedSession(
            observedConfig(.scene, "14.0") { $0.notificationCenterDelegate = true }, after: [.launch, .background])
        let lines = try s.apply(.tapNotification(payload: .object(["aps": .object([:])]))).lifecycleLines.filter {
            $0.hasPrefix("UI") || $0.hasPrefix("userNotificationCenter")
        }
        #expect(
            lines.map { String($0.prefix { $0 != " " }) } == [
                "UIScene.willEnterForegroundNotification", "UIApplication.willEnterForegroundNotification",
                "userNotificationCenter(_:didReceive:withCompletionHandler:)", "UIScene.didActivateNotification",
                "UIApplication.didBecomeActiveNotification",
            ])
    }

    @Test func goingToTheBackgroundInASceneApp() throws {
        var s = try ObservedSession(observedConfig(.scene, "17.0"), after: [.launch])
        let lines = try s.apply(.background).lifecycleLines
        #expect(
            lines == [
                "sceneWillResignActive(_:) [active] scene-1/foregroundActive",
                "UIScene.willDeactivateNotification [active] scene-1/foregroundActive",
                "UIApplication.willResignActiveNotification [active]",
                "sceneDidEnterBackground(_:) [background] scene-1/background",
                "UIScene.didEnterBackgroundNotification [inactive] scene-1/background",
                "UIApplication.didEnterBackgroundNotification [background]",
            ])
    }

    @Test func terminationDisconnectsScenesBeforeWillTerminateAndSuspendedAppsHearNothing() throws {
        var s = try ObservedSession(observedConfig(.scene, "17.0"), after: [.launch, .background])
        let lines = try s.apply(.terminate(by: .user)).lifecycleLines
        let disconnect = try #require(lines.position(of: "UIScene.didDisconnectNotification"))
        let terminate = try #require(lines.position(of: "UIApplication.willTerminateNotification"))
        #expect(disconnect < terminate)

        var suspended = try ObservedSession(
            observedConfig(.scene, "17.0"), after: [.launch, .background, .advanceTime(seconds: 60)])
        #expect(suspended.state.app == .suspended)
        #expect(try suspended.apply(.terminate(by: .system)).isEmpty)
        #expect(try suspended.apply(.memoryWarning).isEmpty)
    }

    @Test func appLevelNotificationsFollowTheLastSceneOnly() throws {
        var s = try ObservedSession(observedIPad("17.0"), after: [.launch, .openScene(by: .user)])
        // One scene goes: the app is still active through the other.
        let first = try s.apply(.closeScene(sceneId: "scene-1")).of(.observer(.notifications)).map(\.method.name)
        #expect(first.contains("UIScene.didEnterBackgroundNotification"))
        #expect(!first.contains("UIApplication.didEnterBackgroundNotification"))
        #expect(!first.contains("UIApplication.willResignActiveNotification"))
        let last = try s.apply(.background).of(.observer(.notifications)).map(\.method.name)
        #expect(last.filter { $0 == "UIApplication.didEnterBackgroundNotification" }.count == 1)
    }

    /// [A-keywin]: before iOS 15 the key window is the app's, so a new scene's window
    /// takes it from the other; from iOS 15 each scene has its own.
    @Test(arguments: [("14.0", true), ("15.0", false)])
    func keyWindowOfTheAppBeforeIOS15OfEachSceneAfter(_ version: String, _ appWide: Bool) throws {
        var s = try ObservedSession(observedIPad(version), after: [.launch])
        let keys = try s.apply(.openScene(by: .user)).of(.observer(.notifications)).filter {
            $0.method.name.hasPrefix("UIWindow.")
        }.map { "\($0.method.name) \($0.sceneId ?? "-")" }
        #expect(
            keys
                == (appWide
                    ? ["UIWindow.didResignKeyNotification scene-1", "UIWindow.didBecomeKeyNotification scene-2"]
                    : ["UIWindow.didBecomeKeyNotification scene-2"]))
    }

    @Test func protectedDataNotificationsFollowTheirDelegateCalls() throws {
        var s = try ObservedSession(
            observedConfig(.app, "17.0") { $0.quirks.protectedDataDelay = 0 },
            after: [.launch, .beginBackgroundTask(name: nil)])
        let lock = try s.apply(.lock).lifecycleLines.filter { $0.contains("rotectedData") }
        #expect(
            lock == [
                "applicationProtectedDataWillBecomeUnavailable(_:) [background]",
                "UIApplication.protectedDataWillBecomeUnavailableNotification [background]",
            ])
        let unlock = try s.apply(.unlock).lifecycleLines.filter { $0.contains("rotectedData") }
        #expect(
            unlock == [
                "applicationProtectedDataDidBecomeAvailable(_:) [background]",
                "UIApplication.protectedDataDidBecomeAvailableNotification [background]",
            ])
    }

    @Test func memoryWarningNotificationComesAfterTheViewControllers() throws {
        var s = try ObservedSession(observedConfig(.scene, "17.0"), after: [.launch])
        let callbacks = try s.apply(.memoryWarning)
        #expect(callbacks.first?.method.name == "applicationDidReceiveMemoryWarning(_:)")
        #expect(callbacks.last?.method.name == "UIApplication.didReceiveMemoryWarningNotification")
        #expect(callbacks.contains { $0.method.name == "didReceiveMemoryWarning()" })
    }

    @Test func withoutObserversNothingChanges() throws {
        for lifecycle in [LifecycleKind.app, .scene] {
            let plain = Simulator(config: observedConfig(lifecycle, "17.0", []))
            let outcome = try plain.run([.launch, .background, .launch])
            #expect(outcome.state.observers == nil)
            #expect(!outcome.callbacks.contains { $0.receiver.isObserver })
            let q = plain.profile.resolvedQuirks
            #expect(q.sceneNotificationOrder == nil && q.notificationCenterPullReactivates == nil)
        }
    }
}
