import LifecycleModel
import Testing

/// React Native `AppState` over the streams UIKit posts ([RN-appstate]).
@Suite struct ReactNativeLensTests {
    typealias Scenario = LensScenario<ReactNativeLens>

    /// Launch, Home, return, Control Center, a memory warning, terminate: the same on
    /// every app kind, since the module observes UIApplication notifications only.
    @Test(arguments: LensAppKind.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        // Not listening yet during the launch turn: no change at launch.
        #expect(s.step { $0.launch() }.isEmpty)
        #expect(s.step { $0.home() } == [.change(.inactive), .change(.background)])
        // willEnterForeground's "background" repeats the last value and is dropped.
        #expect(s.step { $0.returnToApp() } == [.change(.active)])
        #expect(s.step { $0.openControlCenter() } == [.change(.inactive)])
        #expect(s.step { $0.closeControlCenter() } == [.change(.active)])
        #expect(s.step { $0.memoryWarning() } == [.memoryWarning])
        // Terminating while in the foreground: the resign shows (a scene app's last
        // disconnection also takes it to the background); no event for termination.
        #expect(s.step { $0.terminate() }.first == .change(.inactive))
    }

    @Test(arguments: LensAppKind.allCases)
    func terminatingFromTheBackgroundSendsNothing(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.home() }
        #expect(s.step { $0.terminate() }.isEmpty)
    }

    /// A process that starts in the background has sent nothing yet, so the first
    /// notification it hears always goes out: willEnterForeground's "background".
    @Test(arguments: LensAppKind.allCases)
    func aBackgroundLaunchReportsBackgroundOnTheWayToActive(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        #expect(s.step { $0.launch(foreground: false) }.isEmpty)
        #expect(s.step { $0.returnToApp() } == [.change(.background), .change(.active)])
    }

    /// A new process forgets the last value: the next process sends its first change again.
    @Test func aRelaunchStartsWithNoLastValue() {
        var s = Scenario(.scenelessIOS13, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.openControlCenter() }
        #expect(s.step { $0.terminate() }.isEmpty)  // already inactive: nothing new
        _ = s.step { $0.launch() }
        #expect(s.step { $0.openControlCenter() } == [.change(.inactive)])
    }

    @Test func itemsCarryTheStateAsArgs() {
        #expect(
            ReactNativeLens.Event.change(.inactive).observation
                == LensObservation(method: .named("change"), args: .object(["state": .string("inactive")])))
        #expect(ReactNativeLens.Event.memoryWarning.observation == LensObservation(method: .named("memoryWarning")))
    }
}
