import LifecycleModel
import Testing

/// BGTaskScheduler (breadth §1), in sceneless and scene apps.
@Suite struct BackgroundTaskSchedulerTests {
    static let refresh = PermittedBackgroundTask(identifier: "com.example.refresh", kind: .appRefresh)
    static let cleanup = PermittedBackgroundTask(identifier: "com.example.cleanup", kind: .processing)

    /// An app listing both identifiers, with both background modes.
    func simulator(
        _ lifecycle: LifecycleKind, _ version: String = "17.0", _ configure: (inout SessionConfig) -> Void = { _ in }
    ) -> Simulator {
        let configured = { (c: inout SessionConfig) in
            c.backgroundTasks = [Self.refresh, Self.cleanup]
            c.backgroundModes = [.fetch, .processing]
            configure(&c)
        }
        return lifecycle == .app ? appSimulator(version, configured) : sceneSimulator(version, configured)
    }

    /// breadth §1.1 (DOC, [A-bgreg]): every permitted identifier is registered before
    /// didFinishLaunching ends, at every launch; the process's end forgets them.
    @Test(arguments: LifecycleKind.allCases)
    func identifiersAreRegisteredDuringEveryLaunch(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let launched = try sim.run([.launch])
        #expect(
            launched.state.registeredBackgroundTasks.map(\.identifier) == [
                "com.example.refresh", "com.example.cleanup",
            ])
        let killed = try sim.apply(.terminate(by: .system), to: launched.state)
        #expect(killed.state.registeredBackgroundTasks.isEmpty)
        // A second registration would crash the app (breadth §1.1): an identifier listed
        // twice is registered once, with the first entry's kind.
        let twice = simulator(lifecycle) {
            $0.backgroundTasks = [
                Self.refresh, Self.cleanup, .init(identifier: Self.refresh.identifier, kind: .processing),
            ]
        }
        #expect(try twice.run([.launch]).state.registeredBackgroundTasks == [Self.refresh, Self.cleanup])
    }

    /// breadth §1.3 (SINGLE order: [BIN26], [TS295]; DOC that the system launches in the
    /// background): will/didFinishLaunching in background, the launch handler after
    /// didFinishLaunching, then setTaskCompleted after the handler's seconds.
    @Test func coldLaunchRunsTheHandlerAfterDidFinishLaunching() throws {
        let sim = simulator(.app) { $0.quirks.didEnterBackgroundOnBackgroundLaunch = false }
        let out = try sim.apply(.runBackgroundTask(identifier: "com.example.refresh", seconds: 3), to: AppSnapshot())
        #expect(
            out.calls == [
                "application(_:willFinishLaunchingWithOptions:) [background]",
                "application(_:didFinishLaunchingWithOptions:) [background]",
                "launchHandler [background]",
                "setTaskCompleted(success:) [background]",
            ])
        #expect(out.callbacks.first { $0.method.name == "launchHandler" }?.receiver == .bgTask)
        #expect(out.callbacks.first { $0.method.name == "launchHandler" }?.args?["task"] == .string("BGAppRefreshTask"))
        #expect(out.state.app == .background)
        #expect(out.state.clock == 3)
        // Suspended when the launch's 30 s event window ends (facts §5).
        #expect(try sim.apply(.advanceTime(seconds: 27), to: out.state).state.app == .suspended)
    }

    /// breadth §1.3 open question: didEnterBackground before the handler follows quirk
    /// didEnterBackgroundOnBackgroundLaunch (yes from iOS 13, facts §8.1).
    @Test func coldLaunchHonoursDidEnterBackgroundQuirk() throws {
        let out = try simulator(.app).apply(.runBackgroundTask(identifier: nil, seconds: 1), to: AppSnapshot())
        let m = out.methods
        #expect(m.firstIndex(of: "applicationDidEnterBackground(_:)")! < m.firstIndex(of: "launchHandler")!)
    }

    /// A scene app: no scene connects by default (quirk bgTaskConnectsScene, breadth §1
    /// open question); with the quirk a background scene connects before the handler.
    @Test(arguments: [false, true])
    func sceneAppColdLaunch(_ connects: Bool) throws {
        let sim = simulator(.scene) { $0.quirks.bgTaskConnectsScene = connects }
        let out = try sim.apply(.runBackgroundTask(identifier: nil, seconds: 1), to: AppSnapshot())
        let expected =
            [
                "application(_:willFinishLaunchingWithOptions:) [background]",
                "application(_:didFinishLaunchingWithOptions:) [background]",
            ]
            + (connects
                ? [
                    "application(_:configurationForConnecting:options:) [background]",
                    "scene(_:willConnectTo:options:) [background] scene-1/unattached",
                ] : [])
            + ["launchHandler [background]", "setTaskCompleted(success:) [background]"]
        #expect(out.sceneCalls == expected)
        #expect(out.state.scenes.map(\.state) == (connects ? [.background] : []))
    }

    /// breadth §1.4 (SINGLE, [BIN26]): a suspended or background app gets the handler
    /// with no launch callbacks.
    @Test(arguments: LifecycleKind.allCases)
    func warmAppGetsTheHandlerAlone(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let suspended = try sim.run([.launch, .background, .advanceTime(seconds: 10)])
        #expect(suspended.state.app == .suspended)
        let out = try sim.apply(.runBackgroundTask(identifier: "com.example.refresh", seconds: 1), to: suspended.state)
        #expect(out.calls == ["launchHandler [background]", "setTaskCompleted(success:) [background]"])
        let bg = try sim.run([.launch, .background])
        #expect(
            try sim.apply(.runBackgroundTask(identifier: nil, seconds: 1), to: bg.state).methods == [
                "launchHandler", "setTaskCompleted(success:)",
            ])
    }

    /// breadth §1.5 (DOC, [A-bgtask]) and §1.6 (DOC): past the kind's limit (refresh
    /// 30 s, [A-bgchoose]) the expiration handler runs (facts §9.2: at the limit by
    /// default), and a task still working gets the app killed (about 1 s later).
    @Test func refreshTaskPastItsLimitExpiresThenIsKilled() throws {
        let sim = simulator(.app)
        let bg = try sim.run([.launch, .background])
        let out = try sim.apply(.runBackgroundTask(identifier: "com.example.refresh", seconds: 45), to: bg.state)
        #expect(out.methods == ["launchHandler", "expirationHandler"])
        #expect(out.callbacks.last?.receiver == .bgTask)
        #expect(out.state.app == .notRunning)
        #expect(out.state.lastTermination?.reason == .backgroundTimeExpired)
        #expect(out.state.lastTermination?.at == 31)
        // A lead (quirk) moves the warning earlier; a task done before the kill completes.
        let early = simulator(.app) { $0.quirks.backgroundTaskExpirationLead = 5 }
        let warned = try early.apply(.runBackgroundTask(identifier: nil, seconds: 28), to: bg.state)
        #expect(warned.methods == ["launchHandler", "expirationHandler", "setTaskCompleted(success:)"])
        #expect(warned.state.app == .background)
    }

    /// breadth §1.7 (DOC): a processing task may run for minutes (the model: 600 s),
    /// only while the device is idle (locked), and needs the processing mode; a
    /// refresh task needs fetch. Refusals change nothing.
    @Test func kindsNeedTheirModeAndProcessingNeedsAnIdleDevice() throws {
        let sim = simulator(.app)
        let locked = try sim.run([.launch, .lock])
        let long = try sim.apply(.runBackgroundTask(identifier: "com.example.cleanup", seconds: 300), to: locked.state)
        #expect(long.methods.last == "setTaskCompleted(success:)")
        #expect(
            long.callbacks.first { $0.method.name == "launchHandler" }?.args?["task"] == .string("BGProcessingTask"))
        let unlocked = try sim.run([.launch, .background])
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.runBackgroundTask(identifier: "com.example.cleanup", seconds: 1), to: unlocked.state)
        }
        let noModes = simulator(.app) { $0.backgroundModes = [] }
        for id in ["com.example.refresh", "com.example.cleanup"] {
            do {
                _ = try noModes.apply(.runBackgroundTask(identifier: id, seconds: 1), to: locked.state)
                Issue.record("ran \(id) without its background mode")
            } catch {
                #expect(error.needs.contains(id.hasSuffix("refresh") ? "\"fetch\"" : "\"processing\""))
            }
        }
    }

    /// breadth §1.7 ([A-bgproc], DOC; issue #38): a processing task running while the
    /// device is idle ends when the user starts using it: at that second its expiration
    /// handler, then setTaskCompleted(success: false), then the device unlocks; the app
    /// stays in the background (it was not on screen when the phone was locked).
    @Test(arguments: LifecycleKind.allCases)
    func aProcessingTaskEndsWhenTheUserStartsUsingTheDevice(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let idle = try sim.run([.launch, .background, .lock])
        let used = try sim.apply(
            .runBackgroundTask(identifier: "com.example.cleanup", seconds: 300, deviceUsedAfter: 40), to: idle.state)
        let lines = used.callbacks.filter { $0.receiver == .bgTask }.map {
            "\($0.method.name) \($0.args?["success"].map { "\($0)" } ?? "")"
        }
        #expect(lines == ["launchHandler ", "expirationHandler ", "setTaskCompleted(success:) bool(false)"])
        let expiry = try #require(used.callbacks.first { $0.method.name == "expirationHandler" })
        #expect(expiry.appState == .background)
        #expect(!used.state.locked && used.state.clock == idle.state.clock + 40)
        #expect(used.state.app == .background || used.state.app == .suspended)
        // Undisturbed, the same task completes successfully and the device stays locked.
        let done = try sim.apply(.runBackgroundTask(identifier: "com.example.cleanup", seconds: 300), to: idle.state)
        #expect(done.callbacks.last?.args?["success"] == .bool(true) && done.state.locked)
        // Only a processing task, and only before its own expiry: refused, changing nothing.
        for bad in [
            Action.runBackgroundTask(identifier: "com.example.refresh", seconds: 10, deviceUsedAfter: 5),
            .runBackgroundTask(identifier: "com.example.cleanup", seconds: 700, deviceUsedAfter: 650),
            .runBackgroundTask(identifier: "com.example.cleanup", seconds: 60, deviceUsedAfter: 60),
        ] {
            #expect(throws: ActionRefusal.self) { try sim.apply(bad, to: idle.state) }
        }
    }

    /// breadth §1.8 (DOC, [Q701945]): never after a user's force-quit; also refused for
    /// an unlisted identifier and for a foreground app.
    @Test(arguments: LifecycleKind.allCases)
    func refusals(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let quit = try sim.run([.launch, .terminate(by: .user)])
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.runBackgroundTask(identifier: nil, seconds: 1), to: quit.state)
        }
        let bg = try sim.run([.launch, .background])
        do {
            _ = try sim.apply(.runBackgroundTask(identifier: "com.example.nope", seconds: 1), to: bg.state)
            Issue.record("ran an unlisted identifier")
        } catch {
            #expect(error.needs.contains("identifier") && error.needs.contains("com.example.refresh"))
        }
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.runBackgroundTask(identifier: nil, seconds: 1), to: try sim.run([.launch]).state)
        }
        let none = lifecycle == .app ? appSimulator("17.0") : sceneSimulator("17.0")
        #expect(throws: ActionRefusal.self) {
            try none.apply(.runBackgroundTask(identifier: nil, seconds: 1), to: AppSnapshot())
        }
        #expect(sim.allowedActions(in: bg.state).contains(.runBackgroundTask))
        #expect(!sim.allowedActions(in: quit.state).contains(.runBackgroundTask))
    }

    /// breadth §1.9 (DOC, [A-fetch], [A-bgupd]): from iOS 13, listing permitted
    /// identifiers turns performFetch off: backgroundFetch is refused (409), pointing
    /// at runBackgroundTask; without identifiers it still works.
    @Test func permittedIdentifiersTurnTheOldFetchOff() throws {
        let sim = simulator(.app)
        do {
            _ = try sim.apply(.backgroundFetch, to: AppSnapshot())
            Issue.record("performFetch with permitted identifiers")
        } catch {
            #expect(error.needs.contains("runBackgroundTask"))
        }
        let plain = appSimulator("17.0") { $0.backgroundModes = [.fetch] }
        #expect(
            try plain.apply(.backgroundFetch, to: AppSnapshot()).methods.contains(
                "application(_:performFetchWithCompletionHandler:)"))
        // BGTaskScheduler is iOS 13+: a config listing tasks on iOS 12 is refused.
        var old = SessionConfig(lifecycle: .app, iosVersion: .init("12.4")!)
        old.backgroundTasks = [Self.refresh]
        #expect(old.issue?.field == "backgroundTasks")
    }
}
