import LifecycleModel
import Testing

/// State preservation (facts §6) and termination (§3, S3).
@Suite struct RestorationAndTerminationTests {
    let sim = appSimulator("11.0") { $0.stateRestoration = true }

    @Test func restoredBetweenWillAndDidFinishOnlyWhenArchived() throws {
        let fresh = try sim.apply(.launch, to: AppSnapshot())
        #expect(!fresh.methods.contains("application(_:shouldRestoreApplicationState:)"))
        let relaunch = try sim.run([.launch, .background, .terminate(by: .system), .launch])
        let m = relaunch.methods
        let will = try #require(m.firstIndex(of: "application(_:willFinishLaunchingWithOptions:)"))
        let should = try #require(m.firstIndex(of: "application(_:shouldRestoreApplicationState:)"))
        let decode = try #require(m.firstIndex(of: "application(_:didDecodeRestorableStateWith:)"))
        let did = try #require(m.firstIndex(of: "application(_:didFinishLaunchingWithOptions:)"))
        #expect(will < should && should < decode && decode < did)
    }

    /// breadth §8.6 (issue #38; [MN-R], [A-restore]): the archive holds the navigation
    /// stack, and the next launch rebuilds it. The restored controllers load in order down
    /// the chain, then decode down the chain, then the app delegate's didDecode, then
    /// applicationFinishedRestoringState down the chain, all before didFinishLaunching;
    /// only the top controller appears, after it.
    @Test func aPushedStackIsRestoredInOrderDownTheChain() throws {
        let relaunch = try sim.run([
            .launch, .push(name: "list", sceneId: nil), .push(name: "detail", sceneId: nil), .background,
            .terminate(by: .system), .launch,
        ])
        let lines = relaunch.lines.filter { !$0.contains("StatusBarFrame") && !$0.contains("supportedInterface") }
        #expect(
            lines == [
                "appDelegate application(_:willFinishLaunchingWithOptions:)",
                "appDelegate application(_:shouldRestoreApplicationState:)",
                "root loadView()", "root viewDidLoad()", "list loadView()", "list viewDidLoad()",
                "detail loadView()", "detail viewDidLoad()",
                "root decodeRestorableState(with:)", "list decodeRestorableState(with:)",
                "detail decodeRestorableState(with:)",
                "appDelegate application(_:didDecodeRestorableStateWith:)",
                "root applicationFinishedRestoringState()", "list applicationFinishedRestoringState()",
                "detail applicationFinishedRestoringState()",
                "appDelegate application(_:didFinishLaunchingWithOptions:)",
                "detail viewWillAppear(_:)", "detail viewWillLayoutSubviews()", "detail viewDidLayoutSubviews()",
                "appDelegate applicationDidBecomeActive(_:)", "detail viewDidAppear(_:)",
            ])
        #expect(relaunch.state.windows[0].contexts[0].stack.map(\.name) == ["root", "list", "detail"])
        // Popping goes back to the restored controller below, which appears for the first time.
        let pop = try sim.apply(.pop(sceneId: nil), to: relaunch.state)
        #expect(pop.lines.contains("list viewWillAppear(_:)"))
        // A user's force-quit deletes the archive, stack and all.
        let quit = try sim.run([.terminate(by: .user), .launch], from: relaunch.state)
        #expect(quit.state.restorationStack.isEmpty)
        #expect(quit.state.windows[0].contexts[0].stack.map(\.name) == ["root"])
    }

    /// The searches reach a restored stack: the coverage of a config that restores state
    /// takes a relaunch whose restoration loads a pushed controller (issue #38).
    @Test func coverageReachesARestoredStack() throws {
        let plan = try sim.coverage(bounds: ExplorationBounds(scenes: 0, tasks: 0, depth: 1))
        var restored = false
        for sequence in plan.sequences where !restored {
            var state = AppSnapshot()
            for plain in sequence {
                let out = try sim.apply(plain.action, to: state)
                if out.callbacks.contains(where: {
                    $0.method == .viewController(.applicationFinishedRestoringState) && $0.viewController != "root"
                }) {
                    restored = true
                }
                state = out.state
            }
        }
        #expect(restored)
    }

    @Test func userForceQuitDeletesTheArchiveSystemKillKeepsIt() throws {
        let backgrounded = try sim.run([.launch, .background])
        #expect(backgrounded.state.restorationArchive)
        let user = try sim.apply(.terminate(by: .user), to: backgrounded.state)
        #expect(!user.state.restorationArchive)
        #expect(
            !(try sim.apply(.launch, to: user.state)).methods.contains("application(_:shouldRestoreApplicationState:)"))
        let system = try sim.apply(.terminate(by: .system), to: backgrounded.state)
        #expect(system.state.restorationArchive)
    }

    @Test func noOptInMeansNoSaveAndNoArchive() throws {
        let out = try appSimulator("11.0").run([.launch, .background])
        #expect(
            out.calls == [
                "applicationWillResignActive(_:) [active]",
                "applicationDidEnterBackground(_:) [background]",
                "application(_:supportedInterfaceOrientationsFor:) [background]",
            ])
        #expect(!out.state.restorationArchive)
    }

    @Test func killOfAnAppExecutingInTheBackgroundCallsWillTerminate() throws {
        let bg = try sim.run([.launch, .background])
        for cause in TerminationCause.allCases {
            let out = try sim.apply(.terminate(by: cause), to: bg.state)
            #expect(out.calls == ["applicationWillTerminate(_:) [background]"])
            #expect(out.state.app == .notRunning)
        }
    }

    @Test func killOfASuspendedOrNotRunningAppIsSilent() throws {
        for app in [AppState.suspended, .notRunning] {
            for cause in TerminationCause.allCases {
                let out = try sim.apply(.terminate(by: cause), to: AppSnapshot(app: app, restorationArchive: true))
                #expect(out.callbacks.isEmpty)
                #expect(out.state.app == .notRunning)
                #expect(out.state.restorationArchive == (cause == .system))
            }
        }
    }

    @Test(arguments: SwitcherKillSequence.allCases)
    func userKillsForegroundAppFromTheSwitcher(_ sequence: SwitcherKillSequence) throws {
        let s = appSimulator("17.0") { $0.quirks.switcherKillSequence = sequence }
        let out = try s.run([.launch, .terminate(by: .user)])
        switch sequence {
        case .resignActiveThenTerminate:
            #expect(
                out.calls == ["applicationWillResignActive(_:) [active]", "applicationWillTerminate(_:) [inactive]"])
        case .resignActiveEnterBackgroundThenTerminate:
            #expect(
                out.calls == [
                    "applicationWillResignActive(_:) [active]", "applicationDidEnterBackground(_:) [background]",
                    "applicationWillTerminate(_:) [background]",
                ])
        }
        #expect(out.callbacks.last?.method.name == "applicationWillTerminate(_:)")
    }

    @Test func systemKillOfAForegroundAppCallsWillTerminateOnly() throws {
        let out = try appSimulator("17.0").run([.launch, .terminate(by: .system)])
        #expect(out.calls == ["applicationWillTerminate(_:) [active]"])
    }

    @Test func suspendedAppReturnsThroughWillEnterForeground() throws {
        let out = try sim.apply(.launch, to: AppSnapshot(app: .suspended))
        #expect(
            out.calls == ["applicationWillEnterForeground(_:) [background]", "applicationDidBecomeActive(_:) [active]"])
    }
}
