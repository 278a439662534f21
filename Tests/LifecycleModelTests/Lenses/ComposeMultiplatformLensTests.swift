import LifecycleModel
import Testing

/// Compose Multiplatform's lifecycle owner over the streams UIKit posts
/// ([CMP-life], [CMP-app], [AX-lifecycle]).
@Suite struct ComposeMultiplatformLensTests {
    typealias Scenario = LensScenario<ComposeMultiplatformLens>

    /// Every app kind, with either source, gives the documented sequence (issue #38):
    /// a scene app per scene (newest releases) or app-wide (earlier ones); a sceneless
    /// app on iOS 13+ through its implicit scene, whose didActivate a cold launch posts
    /// ([BATCH-life]); iOS 12, which has no UIScene, through the UIApplication
    /// notifications whatever the source says ([CMP-app]).
    @Test(arguments: LensAppKind.allCases, ComposeLifecycleSource.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind, _ source: ComposeLifecycleSource) {
        var s = Scenario(kind, options: .init(source: source, windowScenes: kind.windowScenes))
        let w = kind.firstScene.map { "@\($0)" } ?? ""
        #expect(s.step { $0.launch() }.compact == ["ON_CREATE\(w)", "ON_START\(w)", "ON_RESUME\(w)"])
        #expect(s.step { $0.home() }.compact == ["ON_PAUSE\(w)", "ON_STOP\(w)"])
        #expect(s.step { $0.returnToApp() }.compact == ["ON_START\(w)", "ON_RESUME\(w)"])
        #expect(s.step { $0.openControlCenter() }.compact == ["ON_PAUSE\(w)"])
        #expect(s.step { $0.closeControlCenter() }.compact == ["ON_RESUME\(w)"])
        #expect(s.step { $0.memoryWarning() }.isEmpty)
    }

    /// RESUMED only once the app (or the window's scene) is active, in every app kind
    /// and with either source: the launch's ON_RESUME comes at the activation input,
    /// never at the host's viewWillAppear (issue #38).
    @Test(arguments: LensAppKind.allCases, ComposeLifecycleSource.allCases)
    func resumedOnlyOnceActive(_ kind: LensAppKind, _ source: ComposeLifecycleSource) throws {
        var builder = LensStreamBuilder(kind.builderKind)
        builder.launch()
        var run = LensRun<ComposeMultiplatformLens>(
            options: .init(source: source, windowScenes: kind.windowScenes))
        var resumedAt: LensInput?
        var appeared = false
        for input in builder.take() {
            if case .appearance(let call) = input, call.event == .viewWillAppear { appeared = true }
            if run.observe([input]).contains(where: { $0.event == .onResume }) { resumedAt = input }
        }
        #expect(appeared)
        let input = try #require(resumedAt)
        switch input {
        case .scene(.didActivate, _, _): #expect(source == .sceneNotifications && kind.windowScenes)
        case .application(.didBecomeActive, _): #expect(source == .appNotifications || !kind.windowScenes)
        default: Issue.record("ON_RESUME at \(input)")
        }
    }

    /// iOS 12 has no UIScene: the newest releases' source cannot exist there, so the lens
    /// reads what the releases that ran on iOS 12 read, the UIApplication notifications
    /// ([CMP-app]); it subscribes to them.
    @Test func iOS12FallsBackToTheApplicationNotifications() {
        let options = ComposeMultiplatformLens.Options(windowScenes: false)
        #expect(options.effectiveSource == .appNotifications)
        #expect(ComposeMultiplatformLens.inputs(options).contains(.application))
        #expect(ComposeMultiplatformLens.Options().effectiveSource == .sceneNotifications)
        #expect(!ComposeMultiplatformLens.inputs(.init()).contains(.application))
    }

    /// Newest releases on iPad: each window's controller follows its own scene; the
    /// earlier releases follow the app, so a window's own transitions do not show.
    @Test func perSceneOnIPad() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        #expect(s.step { $0.openScene() }.compact == ["ON_CREATE@scene-2", "ON_START@scene-2", "ON_RESUME@scene-2"])
        #expect(
            s.step { $0.closeScene("scene-2") }.compact
                == ["ON_PAUSE@scene-2", "ON_STOP@scene-2", "ON_DESTROY@scene-2"])

        var app = Scenario(.scenes, options: .init(source: .appNotifications))
        _ = app.step { $0.launch() }
        #expect(app.step { $0.openScene() }.compact == ["ON_CREATE@scene-2", "ON_START@scene-2", "ON_RESUME@scene-2"])
        // The app stays active: only the disconnection reaches scene-2's owner.
        #expect(
            app.step { $0.closeScene("scene-2") }.compact
                == ["ON_PAUSE@scene-2", "ON_STOP@scene-2", "ON_DESTROY@scene-2"])
    }

    /// An owner of the earlier releases created while the app is inactive: by default
    /// (`initialActive: applicationState`) it waits at STARTED for didBecomeActive; with
    /// `sameAsForeground`, the code's own initialiser, it is RESUMED at once ([CMP-app]).
    @Test func theEarlierReleasesInitialActive() {
        let appear: [LensInput] = [
            .processStart,
            .appearance(ControllerAppearance(.viewWillAppear, controller: "root", appState: .inactive)),
        ]
        var byDefault = Scenario(.scenelessIOS12, options: .init(source: .appNotifications))
        #expect(byDefault.feed(appear).compact == ["ON_CREATE", "ON_START"])
        #expect(byDefault.feed([.application(.didBecomeActive, appState: .active)]).compact == ["ON_RESUME"])
        var literal = Scenario(
            .scenelessIOS12, options: .init(source: .appNotifications, initialActive: .sameAsForeground))
        #expect(literal.feed(appear).compact == ["ON_CREATE", "ON_START", "ON_RESUME"])
        #expect(literal.feed([.application(.didBecomeActive, appState: .active)]).isEmpty)
        // The newest releases read the scene: an implicit scene of an inactive app is
        // foreground but not active.
        var newest = Scenario(.scenelessIOS13, options: .init())
        #expect(newest.feed(appear).compact == ["ON_CREATE", "ON_START"])
    }

    /// The newest releases read a scene that has not entered the foreground yet
    /// (`unattached`, a scene app's launch) as not foreground: ON_START waits for the
    /// scene's willEnterForeground (the later SceneForegroundStateListener, [CMP-life]).
    @Test func anUnattachedSceneIsNotForeground() {
        var s = Scenario(.scenes, options: .init())
        let appear: [LensInput] = [
            .processStart,
            .appearance(
                ControllerAppearance(
                    .viewWillAppear, controller: "root", sceneId: "scene-1", sceneState: .unattached,
                    appState: .background)),
        ]
        #expect(s.feed(appear).compact == ["ON_CREATE@scene-1"])
        #expect(
            s.feed([.scene(.willEnterForeground, sceneId: "scene-1", appState: .background)]).compact == [
                "ON_START@scene-1"
            ])
        #expect(
            s.feed([.scene(.didActivate, sceneId: "scene-1", appState: .background)]).compact == ["ON_RESUME@scene-1"])
    }

    /// A disappearance takes the owner down to CREATED; nothing follows ON_DESTROY.
    @Test func disappearanceAndDestruction() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        let cover: [LensInput] = [
            .appearance(
                ControllerAppearance(
                    .viewDidDisappear, controller: "root", sceneId: "scene-1", sceneState: .foregroundActive,
                    appState: .active))
        ]
        #expect(s.feed(cover).compact == ["ON_PAUSE@scene-1", "ON_STOP@scene-1"])
        #expect(s.step { $0.terminate() }.compact == ["ON_DESTROY@scene-1"])
        #expect(s.feed([.scene(.didActivate, sceneId: "scene-1", appState: .active)]).isEmpty)
    }

    @Test func theRegistrysSteps() {
        #expect(ComposeLifecycleState.events(from: .initialized, to: .resumed) == [.onCreate, .onStart, .onResume])
        #expect(ComposeLifecycleState.events(from: .resumed, to: .destroyed) == [.onPause, .onStop, .onDestroy])
        #expect(ComposeLifecycleState.events(from: .started, to: .started).isEmpty)
        #expect(ComposeLifecycleState.events(from: .destroyed, to: .resumed).isEmpty)
    }

    @Test func itemsCarryTheControllerAndScene() {
        #expect(
            ComposeMultiplatformLens.Event(.onResume, controller: "root", sceneId: "scene-1").observation
                == LensObservation(method: .named("ON_RESUME"), sceneId: "scene-1", viewController: "root"))
    }
}
