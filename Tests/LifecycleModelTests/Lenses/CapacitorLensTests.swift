import LifecycleModel
import Testing

/// Capacitor's App plugin over the streams UIKit posts ([CAP-app]).
@Suite struct CapacitorLensTests {
    typealias Scenario = LensScenario<CapacitorLens>

    @Test(arguments: LensAppKind.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        // The launch's appStateChange(true) reaches no listener and is dropped.
        #expect(s.step { $0.launch() }.isEmpty)
        #expect(s.step { $0.home() } == [.appStateChange(isActive: false), .pause])
        #expect(s.step { $0.returnToApp() } == [.resume, .appStateChange(isActive: true)])
        #expect(s.step { $0.openControlCenter() } == [.appStateChange(isActive: false)])
        #expect(s.step { $0.closeControlCenter() } == [.appStateChange(isActive: true)])
        #expect(s.step { $0.memoryWarning() }.isEmpty)
        // Nothing for termination itself.
        #expect(s.step { $0.terminate() }.first == .appStateChange(isActive: false))
    }

    /// No deduplication: a repeated notification is a repeated event.
    @Test func aRepeatIsNotDropped() {
        var s = Scenario(.scenelessIOS12, options: .init())
        _ = s.step { $0.launch() }
        let twice: [LensInput] = [
            .application(.didBecomeActive, appState: .active), .application(.didBecomeActive, appState: .active),
        ]
        #expect(s.feed(twice) == [.appStateChange(isActive: true), .appStateChange(isActive: true)])
    }

    @Test func itemsCarryIsActive() {
        #expect(
            CapacitorLens.Event.appStateChange(isActive: false).observation
                == LensObservation(method: .named("appStateChange"), args: .object(["isActive": .bool(false)])))
        #expect(CapacitorLens.Event.pause.observation.method.name == "pause")
        #expect(CapacitorLens.Event.resume.observation.method.name == "resume")
    }
}
