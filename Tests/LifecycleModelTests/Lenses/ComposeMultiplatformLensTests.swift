import LifecycleModel
import Testing

/// Compose Multiplatform's lifecycle owner over the streams UIKit posts
/// ([CMP-life], [CMP-app], [AX-lifecycle]).
@Suite struct ComposeMultiplatformLensTests {
    typealias Scenario = LensScenario<ComposeMultiplatformLens>

    /// A scene app, newest releases (per scene), and any app with the earlier
    /// releases (app-wide): the same sequences.
    @Test(arguments: [
        (LensAppKind.scenes, ComposeLifecycleSource.sceneNotifications),
        (.scenes, .appNotifications), (.scenelessIOS12, .appNotifications), (.scenelessIOS13, .appNotifications),
    ])
    func theSequencesOfEachTransition(_ kind: LensAppKind, _ source: ComposeLifecycleSource) {
        var s = Scenario(kind, options: .init(source: source))
        let w = kind.firstScene.map { "@\($0)" } ?? ""
        #expect(s.step { $0.launch() }.compact == ["ON_CREATE\(w)", "ON_START\(w)", "ON_RESUME\(w)"])
        #expect(s.step { $0.home() }.compact == ["ON_PAUSE\(w)", "ON_STOP\(w)"])
        #expect(s.step { $0.returnToApp() }.compact == ["ON_START\(w)", "ON_RESUME\(w)"])
        #expect(s.step { $0.openControlCenter() }.compact == ["ON_PAUSE\(w)"])
        #expect(s.step { $0.closeControlCenter() }.compact == ["ON_RESUME\(w)"])
        #expect(s.step { $0.memoryWarning() }.isEmpty)
    }

    /// Newest releases, sceneless app (a named consequence, UNSURE): the implicit scene
    /// reads foregroundInactive when the controller appears during launch, and a cold
    /// launch posts no UIScene notification, so the owner waits at STARTED until the
    /// first warm transition.
    @Test func aScenelessColdLaunchStaysStarted() {
        var s = Scenario(.scenelessIOS13, options: .init())
        #expect(s.step { $0.launch() }.compact == ["ON_CREATE", "ON_START"])
        #expect(s.step { $0.home() }.compact == ["ON_STOP"])
        #expect(s.step { $0.returnToApp() }.compact == ["ON_START", "ON_RESUME"])
        // iOS 12 posts no UIScene notifications at all: the owner never moves past STARTED.
        var old = Scenario(.scenelessIOS12, options: .init())
        #expect(old.step { $0.launch() }.compact == ["ON_CREATE", "ON_START"])
        #expect(old.step { $0.home() }.isEmpty)
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

    /// The earlier releases start active equal to foreground, so a controller that
    /// appears while the app is inactive is RESUMED at once.
    @Test func theEarlierReleasesStartActiveWhenForeground() {
        var s = Scenario(.scenelessIOS12, options: .init(source: .appNotifications))
        let appear: [LensInput] = [
            .processStart,
            .appearance(ControllerAppearance(.viewWillAppear, controller: "root", appState: .inactive)),
        ]
        #expect(s.feed(appear).compact == ["ON_CREATE", "ON_START", "ON_RESUME"])
        var newest = Scenario(.scenelessIOS12, options: .init())
        #expect(newest.feed(appear).compact == ["ON_CREATE", "ON_START"])
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
