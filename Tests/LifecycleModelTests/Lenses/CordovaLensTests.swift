import LifecycleModel
import Testing

/// Cordova's document events over the streams UIKit posts ([CDV-vc]).
@Suite struct CordovaLensTests {
    typealias Scenario = LensScenario<CordovaLens>

    @Test(arguments: LensAppKind.allCases)
    func theSequencesOfEachTransition(_ kind: LensAppKind) {
        var s = Scenario(kind, options: .init())
        #expect(s.step { $0.launch() }.isEmpty)
        #expect(s.step { $0.home() } == [.resign, .pause])
        #expect(s.step { $0.returnToApp() } == [.resume, .active])
        #expect(s.step { $0.openControlCenter() } == [.resign])
        #expect(s.step { $0.closeControlCenter() } == [.active])
        // Terminating in the foreground: the resign at once; nothing for termination itself.
        #expect(s.step { $0.terminate() }.first == .resign)
    }

    /// resume and active wait for the end of the turn; resign and pause do not.
    @Test func resumeAndActiveRunWhenTheTurnEnds() {
        var s = Scenario(.scenelessIOS12, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.home() }
        #expect(s.feed([.application(.willEnterForeground, appState: .background)]).isEmpty)
        #expect(s.feed([.application(.didBecomeActive, appState: .active)]).isEmpty)
        #expect(s.feed([.endOfTurn]) == [.resume, .active])
    }

    /// A resign in the same turn as a queued active overtakes it (the iOS 11–12
    /// Notification Center pull: resign, become active, resign in one gesture).
    @Test func aResignOvertakesAQueuedActive() {
        var s = Scenario(.scenelessIOS12, options: .init())
        _ = s.step { $0.launch() }
        let pull: [LensInput] = [
            .application(.willResignActive, appState: .active),
            .application(.didBecomeActive, appState: .active),
            .application(.willResignActive, appState: .active),
            .endOfTurn,
        ]
        #expect(s.feed(pull) == [.resign, .resign, .active])
    }

    @Test func aNewProcessDropsWhatTheOldOneQueued() {
        var s = Scenario(.scenelessIOS12, options: .init())
        _ = s.step { $0.launch() }
        _ = s.step { $0.home() }
        _ = s.feed([.application(.willEnterForeground, appState: .background)])
        #expect(s.feed([.processStart, .endOfTurn]).isEmpty)
    }
}
