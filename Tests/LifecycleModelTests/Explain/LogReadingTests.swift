import LifecycleModel
import Testing

/// Lines as people print them (issue #34): tags, shorthand, full signatures, framework
/// prints, an app's own methods, one call printed twice, life-cycle events in words.
@Suite struct LogReadingTests {
    private func one(_ line: String) -> LogEntry? {
        let log = TextLog.parse(line)
        return log.entries.count == 1 ? log.entries[0].entry : nil
    }

    @Test func tagsOfOneOrTwoWordsAreNotMessages() {
        #expect(
            one("[DEVICE LOG] 2020-03-11 15:33:52.7 localhost Runner[318]: [App Lifecycle] applicationDidBecomeActive:")
                == LogEntry(method: "applicationDidBecomeActive(_:)"))
        #expect(TextLog.parse("[DEVICE LOG] [App Lifecycle] ready").ignoredLines == [1])
        // A message is `-[Class selector]` with a selector's shape.
        #expect(one("-[AppDelegate applicationWillResignActive:]")?.receiver == "AppDelegate")
    }

    @Test func shorthandSignaturesAndTypePrefixes() {
        #expect(
            one("didFinishLaunchingWithOptions (AppDelegate)")
                == LogEntry(method: "application(_:didFinishLaunchingWithOptions:)", receiver: "AppDelegate"))
        #expect(one("performFetchWithCompletionHandler")?.method == "application(_:performFetchWithCompletionHandler:)")
        #expect(one("func sceneWillEnterForeground(_ scene: UIScene) {")?.method == "sceneWillEnterForeground(_:)")
        #expect(
            one(
                "application(_ application: UIApplication, didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool"
            )?.method == "application(_:didFinishLaunchingWithOptions:)")
        // `type(of: self)` printed before `#function`, module and all.
        #expect(
            one("MyApp.HomeViewController viewWillAppear(_:)")
                == LogEntry(method: "viewWillAppear(_:)", receiver: "HomeViewController"))
        #expect(one("viewDidLoad (ViewController 1)")?.receiver == "ViewController 1")
        #expect(one("viewWillDisappear <SettingsViewController: 0x7fd1e6042310>")?.receiver == "SettingsViewController")
    }

    @Test func frameworkPrintsCarryTheirValue() {
        let flutter = LogEntry(
            method: "didChangeAppLifecycleState", receiver: "flutter", args: .object(["state": .string("inactive")]))
        #expect(one("flutter: AppLifecycleState.inactive") == flutter)
        #expect(one("flutter: state = AppLifecycleState.inactive") == flutter)
        #expect(one("flutter: didChangeAppLifecycleState inactive") == flutter)
        #expect(
            one("LOG  AppState changed to background")
                == LogEntry(method: "change", receiver: "reactNative", args: .object(["state": .string("background")])))
        #expect(
            one("⚡️  [log] - App state changed. Is active? false")
                == LogEntry(method: "appStateChange", receiver: "capacitor", args: .object(["isActive": .bool(false)])))
        #expect(one("[cordova] resume") == LogEntry(method: "resume", receiver: "cordova"))
    }

    @Test func anAppsOwnMethodsAreNotCallbacks() {
        let log = TextLog.parse(
            """
            -[HomeViewController present:]
            1: A_ViewController initWithCoder:
            setUpViews()
            hideCover: cancelling outstanding animations...
            Break in UIApplicationEndBackgroundTaskError() to debug.
            -[AppDelegate applicationDidTeleport:]
            """)
        #expect(log.ignoredLines == [1, 2, 3, 4, 5])
        // An unknown method spelled like a delegate's is a callback the model lacks.
        #expect(log.entries.map(\.entry.method) == ["applicationDidTeleport:"])
    }

    @Test func oneCallPrintedTwiceIsOneEntry() {
        let log = TextLog.parse(
            """
            10:21:15.453 App[1:2] applicationWillResignActive: cancelling outstanding animations...
            10:21:15.453 App[1:2] applicationWillResignActive: rendering cover...
            10:21:29.523 App[1:2] applicationDidBecomeActive: hiding cover.
            10:21:29.524 App[1:2] hideCover: cancelling outstanding animations...
            10:21:29.524 App[1:2] applicationDidBecomeActive: notifying service.
            [DEVICE LOG] 2020-03-11 localhost Runner[31898]: (Flutter) flutter: AppLifecycleState.paused
            [        ] flutter: AppLifecycleState.paused
            """)
        #expect(log.entries.map(\.number) == [1, 3, 6])
        #expect(log.mergedLines == [2, 5, 7])
        // Two calls print the same text: two entries (a blank line between also keeps them apart).
        let twice = TextLog.parse("applicationDidBecomeActive: ready\napplicationDidBecomeActive: ready\n")
        #expect(twice.entries.count == 2)
        let apart = TextLog.parse("applicationDidBecomeActive: a\n\napplicationDidBecomeActive: b\n")
        #expect(apart.entries.count == 2)
    }

    @Test func lifeCycleWordsThatAreNotReadSayWhatToWrite() {
        let log = TextLog.parse(
            """
            // App run
            will Finishing Launching With Options
            application Did Become Active
            12:00:00 01.079 - INACTIVE
            flutter: Flutter hiding
            GET /feed 200
            """)
        #expect(log.entries.isEmpty)
        #expect(log.unreadLines.map(\.number) == [2, 3, 4, 5])
        #expect(
            log.unreadLines.map(\.method) == [
                "application(_:willFinishLaunchingWithOptions:)", "applicationDidBecomeActive(_:)", nil, nil,
            ])
        #expect(log.unreadLines[1].hint.contains("applicationDidBecomeActive:"))
        #expect(log.unreadLines[3].hint.contains("AppLifecycleState.inactive"))
        #expect(log.ignoredLines == [1, 2, 3, 4, 5, 6])
    }
}
