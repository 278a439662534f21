import LifecycleModel
import Testing

/// Issue #38: the layout passes logs show, and the single reports made quirks (default
/// off). docs/lifecycle-breadth.md §6 and facts §9 give the evidence.
@Suite struct LayoutAndSingleReportTests {
    /// [PK-life] (an iOS 14 scene app): after sceneDidEnterBackground the visible
    /// controller lays out again, for the app-switcher snapshot. On by default; before the
    /// Dark Mode snapshots' trait flips. A sceneless app's comes after
    /// applicationDidEnterBackground.
    @Test(arguments: [true, false])
    func snapshotLayoutPassAfterEnteringTheBackground(_ on: Bool) throws {
        for sim in [
            sceneSimulator("14.0") { $0.quirks.snapshotLayoutPass = on },
            appSimulator("12.0") { $0.quirks.snapshotLayoutPass = on },
        ] {
            let home = try sim.run([.launch, .background])
            let background =
                sim.config.lifecycle == .scene
                ? "sceneDelegate sceneDidEnterBackground(_:)" : "appDelegate applicationDidEnterBackground(_:)"
            let at = try #require(home.lines.firstIndex(of: background))
            let after = Array(home.lines[(at + 1)...]).filter { $0.hasPrefix("root ") }
            let layout = ["root viewWillLayoutSubviews()", "root viewDidLayoutSubviews()"]
            if on { #expect(Array(after.prefix(2)) == layout) }
            #expect(after.contains("root viewWillLayoutSubviews()") == on)
        }
        // The default is the device's.
        #expect(sceneSimulator("14.0").profile.resolvedQuirks.snapshotLayoutPass == true)
    }

    /// Quirk `firstDisplayLayoutPasses`: one pass at the root's first display by default
    /// ([PK-life]'s launch, [RK-nav]'s push), two as [RK-nav]'s launch logged; a pushed
    /// controller's first display keeps one ([RK-nav]).
    @Test(arguments: [1, 2])
    func firstDisplayLayoutPasses(_ passes: Int) throws {
        let sim = sceneSimulator("17.0") { $0.quirks.firstDisplayLayoutPasses = passes }
        let launch = try sim.run([.launch])
        let root = launch.lines.filter { $0.hasPrefix("root ") }
        let layout = ["root viewWillLayoutSubviews()", "root viewDidLayoutSubviews()"]
        #expect(
            root
                == ["root loadView()", "root viewDidLoad()", "root viewWillAppear(_:)", "root viewIsAppearing(_:)"]
                + Array(repeating: layout, count: passes).flatMap { $0 } + ["root viewDidAppear(_:)"])
        let push = try sim.apply(.push(name: "b", sceneId: nil), to: launch.state)
        #expect(push.lines.filter { $0 == "b viewWillLayoutSubviews()" }.count == 1)
        #expect(sceneSimulator("17.0").profile.resolvedQuirks.firstDisplayLayoutPasses == 1)
    }

    /// [F732170] (iOS 16–17, SINGLE; default off): killed quickly from the switcher, the
    /// app's scene resigns and disconnects, then a second window scene gets
    /// sceneWillEnterForeground and sceneDidEnterBackground before the process ends.
    @Test(arguments: [true, false])
    func quickKillSecondScene(_ on: Bool) throws {
        let sim = sceneSimulator("16.0") { $0.quirks.quickKillSecondScene = on }
        let kill = try sim.run([.launch, .terminate(by: .user)])
        let second =
            on
            ? [
                "sceneWillEnterForeground(_:) [background] scene-2/background",
                "sceneDidEnterBackground(_:) [background] scene-2/background",
            ] : []
        #expect(
            kill.sceneCalls.filter { $0.hasPrefix("scene") && !$0.hasPrefix("scene(_:willConnect") } == [
                "sceneWillResignActive(_:) [active] scene-1/foregroundActive",
                "sceneDidDisconnect(_:) [inactive] scene-1/foregroundInactive",
            ] + second)
        #expect(kill.methods.last == "applicationWillTerminate(_:)")
        #expect(kill.state.app == .notRunning && kill.state.scenes.isEmpty)
        // A background app killed from the switcher has no scene on screen: nothing extra.
        let background = try sim.run([.launch, .background, .terminate(by: .user)])
        #expect(!background.sceneCalls.contains { $0.contains("scene-2") })
        #expect(sceneSimulator("16.0").profile.resolvedQuirks.quickKillSecondScene == false)
        #expect(appSimulator("16.0").profile.resolvedQuirks.quickKillSecondScene == nil)
    }

    /// [PC-order] (an older blog, SINGLE; default off): the launch's root viewDidAppear
    /// before applicationDidBecomeActive.
    @Test(arguments: [true, false])
    func rootDidAppearBeforeDidBecomeActive(_ on: Bool) throws {
        let launch = try appSimulator("15.0") { $0.quirks.rootDidAppearBeforeDidBecomeActive = on }.run([.launch])
        let appeared = try #require(launch.lines.firstIndex(of: "root viewDidAppear(_:)"))
        let active = try #require(launch.lines.firstIndex(of: "appDelegate applicationDidBecomeActive(_:)"))
        #expect((appeared < active) == on)
        #expect(launch.callbacks[appeared].appState == (on ? .inactive : .active))
    }

    /// [PC-order] (SINGLE; default off): on a push the new controller's viewWillAppear
    /// comes before the old one's viewWillDisappear, and on a pop the revealed one's.
    @Test(arguments: [true, false])
    func navigationWillAppearFirst(_ on: Bool) throws {
        let sim = sceneSimulator("17.0") { $0.quirks.navigationWillAppearFirst = on }
        let launched = try sim.run([.launch])
        let push = try sim.apply(.push(name: "b", sceneId: nil), to: launched.state)
        let wills = push.lines.filter { $0.contains("viewWill") && !$0.contains("Layout") }
        #expect(
            wills
                == (on
                    ? ["b viewWillAppear(_:)", "root viewWillDisappear(_:)"]
                    : ["root viewWillDisappear(_:)", "b viewWillAppear(_:)"]))
        let pop = try sim.apply(.pop(sceneId: nil), to: push.state)
        let back = pop.lines.filter { $0.contains("viewWill") && !$0.contains("Layout") }
        #expect(
            back
                == (on
                    ? ["root viewWillAppear(_:)", "b viewWillDisappear(_:)"]
                    : ["b viewWillDisappear(_:)", "root viewWillAppear(_:)"]))
    }
}
