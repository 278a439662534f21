import LifecycleModel
import Testing

/// Flutter's states and listener callbacks over the streams UIKit posts
/// ([FL-engine], [FL-binding], [FL-listener]).
@Suite struct FlutterLensTests {
    typealias Scenario = LensScenario<FlutterLens>

    /// Each transition as states and the listener callback after each.
    @Test(arguments: LensAppKind.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        #expect(states(s.step { $0.launch() }) == ["inactive/onInactive", "resumed/onResume"])
        #expect(states(s.step { $0.home() }) == ["inactive/onInactive", "hidden/onHide", "paused/onPause"])
        #expect(states(s.step { $0.returnToApp() }) == ["hidden/onRestart", "inactive/onShow", "resumed/onResume"])
        #expect(states(s.step { $0.openControlCenter() }) == ["inactive/onInactive"])
        #expect(states(s.step { $0.closeControlCenter() }) == ["resumed/onResume"])
        #expect(s.step { $0.memoryWarning() }.isEmpty)
    }

    /// A sceneless app terminated: detached, by way of every state after the current one.
    @Test(arguments: [LensAppKind.scenelessIOS12, .scenelessIOS13])
    func terminationIsDetached(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.home() }
        #expect(states(s.step { $0.terminate() }) == ["detached/onDetach"])
        var t = Scenario(kind, options: .init())
        _ = t.step { $0.launch() }
        #expect(
            states(t.step { $0.terminate() })
                == ["inactive/onInactive", "hidden/onHide", "paused/onPause", "detached/onDetach"])
    }

    /// Named choice: a disconnected scene's window is gone, so the engine's
    /// notification-driven messages stop there; a scene app terminates without detached.
    @Test func aSceneAppLosesItsWindowBeforeWillTerminate() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.home() }
        #expect(s.step { $0.terminate() }.isEmpty)
    }

    /// Locking the phone: active, then resigning in the same turn. The newest engine
    /// cancels the queued resumed ([FL44947]); older ones send it at once ([FL60683]).
    @Test func aResignInTheSameTurnCancelsTheQueuedResumed() {
        let lock: [LensInput] = [
            .application(.didBecomeActive, appState: .active), .application(.willResignActive, appState: .active),
            .endOfTurn,
        ]
        var deferred = Scenario(.scenelessIOS12, options: .init())
        _ = deferred.step { $0.launch() }
        _ = deferred.step { $0.openControlCenter() }
        #expect(deferred.feed(lock).isEmpty)

        var immediate = Scenario(.scenelessIOS12, options: .init(resumedTiming: .immediate))
        _ = immediate.step { $0.launch() }
        _ = immediate.step { $0.openControlCenter() }
        #expect(states(immediate.feed(lock)) == ["resumed/onResume", "inactive/onInactive"])
    }

    /// Before 3.13: no hidden, no listener, and every message reaches the observers,
    /// repeats included (the launch's resumed comes from didBecomeActive and from
    /// viewDidAppear).
    @Test func beforeFlutter313() {
        var s = Scenario(.scenelessIOS12, options: .init(framework: .before313, resumedTiming: .immediate))
        #expect(states(s.step { $0.launch() }) == ["inactive", "resumed", "resumed"])
        #expect(states(s.step { $0.home() }) == ["inactive", "paused"])
        #expect(states(s.step { $0.returnToApp() }) == ["inactive", "resumed"])
    }

    /// A controller covering the Flutter one: its disappearance pauses Flutter, and
    /// the app's notifications are not forwarded while its view is out of the window.
    @Test func aCoveredFlutterViewIgnoresTheAppsNotifications() {
        var s = Scenario(.scenelessIOS13, options: .init())
        _ = s.step { $0.launch() }
        let cover: [LensInput] = [
            .appearance(ControllerAppearance(.viewWillDisappear, controller: "root", appState: .active)),
            .appearance(ControllerAppearance(.viewDidDisappear, controller: "root", appState: .active)),
            .endOfTurn,
        ]
        #expect(states(s.feed(cover)) == ["inactive/onInactive", "hidden/onHide", "paused/onPause"])
        #expect(s.step { $0.openControlCenter() }.isEmpty)
        #expect(s.step { $0.closeControlCenter() }.isEmpty)
        let uncover: [LensInput] = [
            .appearance(ControllerAppearance(.viewWillAppear, controller: "root", appState: .active)),
            .appearance(ControllerAppearance(.viewDidAppear, controller: "root", appState: .active)),
        ]
        #expect(states(s.feed(uncover)) == ["hidden/onRestart", "inactive/onShow", "resumed/onResume"])
    }

    /// A background launch: the root controller appears in the background, so Flutter
    /// reports inactive, and the launch's didEnterBackground takes it to paused.
    @Test func aBackgroundLaunch() {
        var s = Scenario(.scenelessIOS13, options: .init())
        #expect(
            states(s.step { $0.launch(foreground: false) })
                == ["inactive/onInactive", "hidden/onHide", "paused/onPause"])
        #expect(states(s.step { $0.returnToApp() }) == ["hidden/onRestart", "inactive/onShow", "resumed/onResume"])
    }

    /// Only the engine's controller counts: another controller's appearance, and a
    /// controller of the same name in a second scene, send nothing.
    @Test func onlyTheEnginesControllerSendsMessages() {
        var s = Scenario(.scenes, options: .init())
        _ = s.step { $0.launch() }
        let other: [LensInput] = [
            .appearance(
                ControllerAppearance(
                    .viewWillAppear, controller: "detail", sceneId: "scene-1", sceneState: .foregroundActive,
                    appState: .active))
        ]
        #expect(s.feed(other).isEmpty)
        #expect(s.step { $0.openScene() }.isEmpty)
    }

    /// The framework's walk: every state on the way, in declaration order.
    @Test func theFrameworksTransitions() {
        #expect(FlutterLens.transitions(from: nil, to: .paused) == [.paused])
        #expect(FlutterLens.transitions(from: .resumed, to: .paused) == [.inactive, .hidden, .paused])
        #expect(FlutterLens.transitions(from: .paused, to: .resumed) == [.hidden, .inactive, .resumed])
        #expect(FlutterLens.transitions(from: .inactive, to: .detached) == [.hidden, .paused, .detached])
        #expect(FlutterLens.transitions(from: .paused, to: .detached) == [.detached])
        #expect(FlutterLens.transitions(from: .hidden, to: .hidden).isEmpty)
    }

    /// [FL-binding] `_generateStateTransitions` for every pair of states, read off the
    /// declaration order (`allCases`) itself: the lens walks positions without arrays.
    @Test func everyTransitionFollowsTheDeclarationOrder() {
        let order = FlutterAppLifecycleState.allCases
        for (from, previous) in order.enumerated() {
            for (to, state) in order.enumerated() where state != previous {
                let expected: [FlutterAppLifecycleState]
                if state == .detached {
                    expected = Array(order[(from + 1)...]) + [.detached]
                } else if from > to {
                    expected = order[to..<from].reversed()
                } else {
                    expected = Array(order[(from + 1)...to])
                }
                #expect(FlutterLens.transitions(from: previous, to: state) == expected, "\(previous) → \(state)")
            }
            #expect(FlutterLens.transitions(from: nil, to: previous) == [previous])
        }
    }

    @Test func itemsCarryTheState() {
        #expect(
            FlutterLens.Event.didChangeAppLifecycleState(.hidden).observation
                == LensObservation(
                    method: .named("didChangeAppLifecycleState"), args: .object(["state": .string("hidden")])))
        #expect(FlutterLens.Event.listener(.onRestart).observation == LensObservation(method: .named("onRestart")))
    }

    /// "state/callback" for each state change (the callback when the step has one).
    private func states(_ events: [FlutterLens.Event]) -> [String] {
        var result: [String] = []
        for event in events {
            switch event {
            case .didChangeAppLifecycleState(let state): result.append(state.rawValue)
            case .listener(let callback) where !result.isEmpty: result[result.count - 1] += "/\(callback.rawValue)"
            case .listener(let callback): result.append("/\(callback.rawValue)")
            }
        }
        return result
    }
}
