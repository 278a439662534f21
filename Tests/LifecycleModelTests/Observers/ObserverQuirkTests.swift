import LifecycleModel
import Testing

/// Each observer quirk changes the order as documented (docs/observers.md, "Named choices").
@Suite struct ObserverQuirkTests {
    private func returnLines(_ config: SessionConfig) throws -> [String] {
        var s = try ObservedSession(config, after: [.launch, .background])
        return try s.apply(.launch).lifecycleLines
    }

    @Test(arguments: NotificationOrder.allCases)
    func willEnterForegroundNotificationOrder(_ order: NotificationOrder) throws {
        let lines = try returnLines(
            observedConfig(.app, "12.0") { $0.quirks.willEnterForegroundNotificationOrder = order })
        let note = try #require(lines.position(of: "UIApplication.willEnterForegroundNotification"))
        let call = try #require(lines.position(of: "applicationWillEnterForeground(_:)"))
        #expect((note < call) == (order == .beforeDelegate))
    }

    @Test(arguments: NotificationOrder.allCases)
    func sceneNotificationOrder(_ order: NotificationOrder) throws {
        let lines = try returnLines(observedConfig(.scene, "17.0") { $0.quirks.sceneNotificationOrder = order })
        let note = try #require(lines.position(of: "UIScene.didActivateNotification"))
        let call = try #require(lines.position(of: "sceneDidBecomeActive(_:)"))
        #expect((note < call) == (order == .beforeDelegate))
        // The app-level notifications follow the scene's in either order.
        let app = try #require(lines.position(of: "UIApplication.didBecomeActiveNotification"))
        #expect(app > max(note, call))
    }

    @Test(arguments: AppForegroundNotificationInScene.allCases)
    func appForegroundNotificationInScene(_ choice: AppForegroundNotificationInScene) throws {
        var s = ObservedSession(observedConfig(.scene, "17.0") { $0.quirks.appForegroundNotificationInScene = choice })
        let notes = try s.apply(.launch).of(.observer(.notifications)).map(\.method.name)
        let app = try #require(notes.firstIndex(of: "UIApplication.willEnterForegroundNotification"))
        let activate = try #require(notes.firstIndex(of: "UIScene.didActivateNotification"))
        #expect((app > activate) == (choice == .afterSceneActivation))
    }

    @Test(arguments: SceneNotificationsInSceneless.allCases)
    func sceneNotificationsInSceneless(_ choice: SceneNotificationsInSceneless) throws {
        let lines = try returnLines(observedConfig(.app, "15.0") { $0.quirks.sceneNotificationsInSceneless = choice })
        #expect(lines.contains { $0.hasPrefix("UIScene.") } == (choice != .never))
        // At a cold launch only the default posts the implicit scene's didActivate, between
        // the delegate's didBecomeActive and the app's notification ([BATCH-life]).
        var s = ObservedSession(observedConfig(.app, "15.0") { $0.quirks.sceneNotificationsInSceneless = choice })
        let launch = try s.apply(.launch).lifecycleLines
        let scene = launch.filter { $0.hasPrefix("UIScene.") }
        if choice == .warmAndLaunchActivation {
            #expect(scene == ["UIScene.didActivateNotification [active]"])
            let delegate = try #require(launch.position(of: "applicationDidBecomeActive(_:)"))
            let implicit = try #require(launch.position(of: "UIScene.didActivateNotification"))
            let app = try #require(launch.position(of: "UIApplication.didBecomeActiveNotification"))
            #expect(delegate < implicit && implicit < app)
        } else {
            #expect(scene.isEmpty)
        }
    }

    @Test(arguments: [true, false])
    func scenePhaseAfterNotifications(_ after: Bool) throws {
        var s = try ObservedSession(
            observedConfig(.scene, "17.0") {
                $0.ui = .swiftUI
                $0.quirks.scenePhaseAfterNotifications = after
            }, after: [.launch])
        let callbacks = try s.apply(.background)
        let phase = try #require(
            callbacks.firstIndex { $0.receiver == .scene && $0.args?["to"] == .string("inactive") })
        let note = try #require(callbacks.position(of: "UIScene.willDeactivateNotification"))
        #expect((phase > note) == after)
        // SwiftUI apps are scene apps: the app-level notifications are aggregate.
        #expect(callbacks.contains { $0.method.name == "UIApplication.didEnterBackgroundNotification" })
    }

    @Test(arguments: [LifecycleKind.app, .scene])
    func notificationCenterPullReactivatesForDelegatesAndObservers(_ lifecycle: LifecycleKind) throws {
        let version = lifecycle == .app ? "12.0" : "13.0"
        // React Native hears from the second turn on.
        var s = try ObservedSession(
            observedConfig(lifecycle, version, [.notifications, .reactNative]) {
                $0.quirks.notificationCenterPullReactivates = true
            }, after: [.launch, .background, .launch])
        let pull = try s.apply(.interruptionBegan(kind: .notificationCenter))
        let delegates = pull.filter { !$0.receiver.isObserver && $0.receiver != .viewController }.map(\.method.name)
        let (resign, active) =
            lifecycle == .app
            ? ("applicationWillResignActive(_:)", "applicationDidBecomeActive(_:)")
            : ("sceneWillResignActive(_:)", "sceneDidBecomeActive(_:)")
        #expect(delegates == [resign, active, resign])
        #expect(
            pull.of(.observer(.notifications)).map(\.method.name).filter { $0.hasPrefix("UIApplication.") } == [
                "UIApplication.willResignActiveNotification", "UIApplication.didBecomeActiveNotification",
                "UIApplication.willResignActiveNotification",
            ])
        #expect(
            pull.of(.observer(.reactNative)).map(\.line) == [
                "change [active] =inactive", "change [active] =active", "change [active] =inactive",
            ])
        #expect(s.state.app == .inactive && s.state.interruption == .notificationCenter)
        let dismiss = try s.apply(.interruptionEnded(outcome: .resume))
        #expect(dismiss.contains { $0.method.name == "UIApplication.didBecomeActiveNotification" })

        // Off (the default from iOS 13, and the quirk set false on iOS 12): one resign.
        for config in [
            observedConfig(lifecycle, lifecycle == .app ? "15.0" : "13.0"),
            observedConfig(.app, "12.0") { $0.quirks.notificationCenterPullReactivates = false },
        ] {
            var plain = try ObservedSession(config, after: [.launch])
            let once = try plain.apply(.interruptionBegan(kind: .notificationCenter))
            let expected = config.lifecycle == .app ? "applicationWillResignActive(_:)" : resign
            #expect(
                once.filter { !$0.receiver.isObserver && $0.receiver != .viewController }.map(\.method.name) == [
                    expected
                ])
        }
    }

    /// Issue #38: the device's behaviour is the default where a log shows it. iOS 11–12
    /// reactivate under a fully pulled Notification Center ([OR49216830], [RN18575]); iOS
    /// ≤ 12 post willEnterForeground after the delegate ([OR49817144]). From iOS 13,
    /// without a log, the documented behaviour stays.
    @Test(arguments: [("11.0", true), ("12.4", true), ("13.0", false), ("17.0", false)])
    func iOS12DefaultsFollowTheDevices(_ version: String, _ legacy: Bool) throws {
        var s = try ObservedSession(observedConfig(.app, version), after: [.launch])
        let pull = try s.apply(.interruptionBegan(kind: .notificationCenter))
        let delegates = pull.filter { $0.receiver == .appDelegate }.map(\.method.name)
        #expect(
            delegates
                == (legacy
                    ? [
                        "applicationWillResignActive(_:)", "applicationDidBecomeActive(_:)",
                        "applicationWillResignActive(_:)",
                    ]
                    : ["applicationWillResignActive(_:)"]))
        _ = try s.apply(.interruptionEnded(outcome: .leave))
        let lines = try s.apply(.launch).lifecycleLines
        let note = try #require(lines.position(of: "UIApplication.willEnterForegroundNotification"))
        let call = try #require(lines.position(of: "applicationWillEnterForeground(_:)"))
        #expect((note > call) == legacy)
        let quirks = Simulator(config: observedConfig(.app, version)).profile.resolvedQuirks
        #expect(quirks.notificationCenterPullReactivates == legacy)
        #expect(quirks.willEnterForegroundNotificationOrder == (legacy ? .afterDelegate : .beforeDelegate))
    }

    @Test func prewarmThroughViewDidLoadContinuesAtTheRootsAppearance() throws {
        var s = ObservedSession(
            observedConfig(.app, "15.0", [.notifications, .flutter]) { $0.quirks.prewarmStopsAt = .throughViewDidLoad })
        let prewarm = try s.apply(.prewarm)
        #expect(prewarm.contains { $0.method.name == "application(_:didFinishLaunchingWithOptions:)" })
        #expect(prewarm.contains { $0.method.name == "UIApplication.didFinishLaunchingNotification" })
        #expect(
            prewarm.filter { $0.receiver == .viewController }.map(\.method.name) == ["loadView()", "viewDidLoad()"])
        #expect(s.state.app == .suspended)
        let launch = try s.apply(.launch)
        let controllers = launch.filter { $0.receiver == .viewController }.map(\.method.name)
        #expect(!controllers.contains("viewDidLoad()") && controllers.first == "viewWillAppear(_:)")
        #expect(!launch.contains { $0.method.name == "application(_:didFinishLaunchingWithOptions:)" })
        #expect(
            launch.of(.observer(.flutter)).compactMap { $0.args?["state"] } == [
                .string("inactive"), .string("resumed"),
            ])
    }
}
