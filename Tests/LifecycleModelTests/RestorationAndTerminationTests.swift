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
