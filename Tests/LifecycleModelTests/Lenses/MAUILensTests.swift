import LifecycleModel
import Testing

/// .NET MAUI's Window events over the streams UIKit posts ([MAUI-life]).
@Suite struct MAUILensTests {
    typealias Scenario = LensScenario<MAUILens>

    @Test(arguments: LensAppKind.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        let w = kind.firstScene.map { "@\($0)" } ?? ""
        #expect(s.step { $0.launch() }.compact == ["Created\(w)", "Activated\(w)"])
        #expect(s.step { $0.home() }.compact == ["Deactivated\(w)", "Stopped\(w)"])
        #expect(s.step { $0.returnToApp() }.compact == ["Resumed\(w)", "Activated\(w)"])
        #expect(s.step { $0.openControlCenter() }.compact == ["Deactivated\(w)"])
        #expect(s.step { $0.closeControlCenter() }.compact == ["Activated\(w)"])
        #expect(s.step { $0.memoryWarning() }.isEmpty)
        #expect(s.step { $0.home() }.compact == ["Deactivated\(w)", "Stopped\(w)"])
        // Sceneless: willTerminate destroys the window; a scene app's window went with its scene.
        #expect(s.step { $0.terminate() }.compact == ["Destroying\(w)"])
        #expect(s.run.state.rejectedCalls == 0)
    }

    /// The first sceneWillEnterForeground finds the scene unattached: no Resumed at launch.
    @Test func noResumedAtTheFirstForegroundEntry() {
        var s = Scenario(.scenes, options: .init())
        let launch = s.step { $0.launch() }
        #expect(!launch.contains { $0.event == .resumed })
        #expect(launch.compact == ["Created@scene-1", "Activated@scene-1"])
    }

    /// Several windows: each has its own events; closing one destroys only it.
    @Test func perWindowOnIPad() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        #expect(s.step { $0.openScene() }.compact == ["Created@scene-2", "Activated@scene-2"])
        #expect(
            s.step { $0.closeScene("scene-2") }.compact
                == ["Deactivated@scene-2", "Stopped@scene-2", "Destroying@scene-2"])
        #expect(
            s.step { $0.home() }.compact == ["Deactivated@scene-1", "Stopped@scene-1"])
        #expect(s.run.state.windows.count == 1)
    }

    /// A termination in the foreground: a scene app's window is destroyed at the
    /// disconnection, after the resign; a sceneless one at willTerminate.
    @Test(arguments: LensAppKind.allCases)
    func terminationInTheForeground(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        let w = kind.firstScene.map { "@\($0)" } ?? ""
        _ = s.step { $0.launch() }
        #expect(s.step { $0.terminate() }.compact == ["Deactivated\(w)", "Destroying\(w)"])
    }

    /// MAUI 8 throws on a second Activated ([MAUI21948]); the lens drops the call and counts it.
    @Test func aSecondActivatedIsRejected() {
        var s = Scenario(.scenelessIOS12, options: .init())
        _ = s.step { $0.launch() }
        let again = LensInput.appDelegate(.didBecomeActive, appState: .active, hasSceneManifest: false)
        #expect(s.feed([again]).isEmpty)
        #expect(s.run.state.rejectedCalls == 1)
        let twice = LensInput.appDelegate(.willResignActive, appState: .active, hasSceneManifest: false)
        #expect(s.feed([twice]).compact == ["Deactivated"])
        #expect(s.feed([twice]).isEmpty)
        #expect(s.run.state.rejectedCalls == 2)
    }

    /// The app-level calls act only without a scene manifest.
    @Test func appLevelCallsOfASceneAppAreIgnored() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        let appLevel: [LensInput] = AppDelegateLifecycleCall.allCases.filter { $0 != .willTerminate }.map {
            .appDelegate($0, appState: .active, hasSceneManifest: true)
        }
        #expect(s.feed(appLevel).isEmpty)
    }

    @Test func itemsCarryTheWindowsScene() {
        #expect(
            MAUILens.Event(.stopped, sceneId: "scene-2").observation
                == LensObservation(method: .named("Stopped"), sceneId: "scene-2"))
        #expect(MAUILens.Event(.created, sceneId: nil).observation == LensObservation(method: .named("Created")))
    }
}
