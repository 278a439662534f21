import LifecycleModel
import Testing

/// facts §9: corrections from real device logs.
@Suite struct LogCorrectionTests {
    /// facts §9.1 (DOC outline, [A-didfinish], [A-restore]; MULTI order, [MN-R]): on a
    /// cold launch with an archive the restored controller is loaded and decodes its
    /// state before didDecodeRestorableStateWith and didFinishLaunching; it appears
    /// after didFinishLaunching. Secure names from 13.2 (breadth §8.1, DOC).
    @Test(arguments: [
        ("12.4", "application(_:shouldRestoreApplicationState:)"),
        ("13.2", "application(_:shouldRestoreSecureApplicationState:)"),
    ])
    func restorationLoadsAndDecodesControllersInsideTheLaunch(_ version: String, _ shouldRestore: String) throws {
        let sim = appSimulator(version) { $0.stateRestoration = true }
        let out = try sim.run([.launch, .background, .terminate(by: .system), .launch])
        let m = out.callbacks.map(\.method.name)
        let order = [
            "application(_:willFinishLaunchingWithOptions:)", shouldRestore, "loadView()", "viewDidLoad()",
            "decodeRestorableState(with:)", "application(_:didDecodeRestorableStateWith:)",
            "application(_:didFinishLaunchingWithOptions:)", "viewWillAppear(_:)", "viewDidAppear(_:)",
        ]
        let positions = try order.map { name in try #require(m.firstIndex(of: name), "\(name) missing") }
        #expect(positions == positions.sorted(), "\(m)")
        #expect(m.filter { $0 == "viewDidLoad()" }.count == 1)  // loaded once
        #expect(out.callbacks.first { $0.method.name == "decodeRestorableState(with:)" }?.viewController == "root")
        #expect(out.state.windows.count == 1)
    }

    /// facts §9.1 (DOC, [A-preserve]): on saving, after willEncodeRestorableStateWith,
    /// each view controller encodes its state from the root down.
    @Test func savingEncodesEachControllerFromTheRootDown() throws {
        let sim = appSimulator("17.0") { $0.stateRestoration = true }
        let out = try sim.run([.launch, .push(name: "detail", sceneId: nil), .background])
        let tail = out.callbacks.suffix(3).map { "\($0.method) \($0.viewController ?? "")" }
        #expect(
            tail == [
                "application(_:willEncodeRestorableStateWith:) ",
                "encodeRestorableState(with:) root", "encodeRestorableState(with:) detail",
            ])
        #expect(out.callbacks.suffix(2).allSatisfy { $0.appState == .background })
    }

    /// facts §9.2 (MULTI, [EMB], [F391799]): from iOS 13 the expiration handler runs at
    /// the limit (quirk backgroundTaskExpirationLead, default 0) and the kill about a
    /// second later.
    @Test func backgroundTaskExpiresAtTheLimitAndIsKilledASecondLater() throws {
        let sim = appSimulator("17.0")
        let bg = try sim.run([.launch, .beginBackgroundTask(name: "sync"), .background])
        #expect(try sim.apply(.advanceTime(seconds: 29.9), to: bg.state).callbacks.isEmpty)
        let warned = try sim.apply(.advanceTime(seconds: 30), to: bg.state)
        #expect(warned.methods == ["expirationHandler"])
        #expect(warned.state.app == .background)
        let killed = try sim.apply(.advanceTime(seconds: 1), to: warned.state)
        #expect(killed.state.lastTermination?.at == 31)
        let lead = appSimulator("17.0") { $0.quirks.backgroundTaskExpirationLead = 5 }
        #expect(try lead.apply(.advanceTime(seconds: 25), to: bg.state).methods == ["expirationHandler"])
    }

    /// facts §9.3 (SINGLE each, [SO71570813], [F732170]): a scene app's switcher kill
    /// enters the background first on iOS 13–14; from iOS 15 it resigns, then disconnects.
    @Test(arguments: [("13.0", true), ("14.8", true), ("15.0", false), ("17.0", false), ("27.0", false)])
    func switcherKillDefaultsByVersion(_ version: String, _ entersBackground: Bool) throws {
        let out = try sceneSimulator(version).run([.launch, .terminate(by: .user)])
        #expect(out.methods.contains("sceneDidEnterBackground(_:)") == entersBackground)
        #expect(out.methods.first == "sceneWillResignActive(_:)")
        #expect(out.methods.last == "applicationWillTerminate(_:)")
        #expect(out.methods.contains("sceneDidDisconnect(_:)"))
    }

    /// facts §9.4 (UNSURE; [DH-term]): closing the last iPad window leaves the app in
    /// the background by default; quirk lastWindowCloseTerminates ends the process.
    @Test(arguments: [false, true])
    func closingTheLastWindow(_ terminates: Bool) throws {
        let sim = iPadSimulator { $0.quirks.lastWindowCloseTerminates = terminates }
        let out = try sim.run([.launch, .closeScene(sceneId: nil)])
        #expect(out.state.scenes.isEmpty)
        #expect(
            out.methods.last
                == (terminates ? "applicationWillTerminate(_:)" : "application(_:didDiscardSceneSessions:)"))
        #expect(out.state.app == (terminates ? .notRunning : .background))
        // Not the last window: the process stays whatever the quirk.
        let two = try sim.run([.launch, .openScene(by: .user), .closeScene(sceneId: "scene-1")])
        #expect(two.state.app.isExecuting)
    }
}
