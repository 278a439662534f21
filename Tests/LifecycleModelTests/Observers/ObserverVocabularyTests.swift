import LifecycleModel
import Testing

/// The observer channels' items in the typed vocabulary: each notification and lens
/// event is a `CallbackMethod` its channel's receiver hears, read back from the wire's
/// receiver, method and members (what log explanation relies on).
@Suite struct ObserverVocabularyTests {
    @Test func notificationsNameTheirObjectiveCConstant() {
        let note = CallbackMethod.notification(.application(.didBecomeActive))
        #expect(note.name == "UIApplication.didBecomeActiveNotification")
        #expect(note.selector == nil)
        #expect(
            NotificationMethod.application(.didBecomeActive).objectiveCName
                == "UIApplicationDidBecomeActiveNotification")
        #expect(
            CallbackMethod(named: "UIScene.didActivateNotification", receiver: .observer(.notifications))
                == .notification(.scene(.didActivate)))
        #expect(CallbackMethod(named: "UIScene.didActivateNotification", receiver: .sceneDelegate) == nil)
        #expect(NotificationMethod.allCases.map(\.rawValue) == Array(NotificationMethod.allCases.indices))
    }

    @Test func sharedEventNamesAreHeardByBothChannels() {
        #expect(
            CallbackMethod(named: "pause", receiver: .observer(.capacitor))
                == .framework(FrameworkEvent(CapacitorLens.Method.pause)))
        #expect(
            CallbackMethod(named: "pause", receiver: .observer(.cordova))
                == .framework(FrameworkEvent(CordovaLens.Method.pause)))
        #expect(CallbackMethod(named: "pause", receiver: .observer(.flutter)) == nil)
        #expect(
            CallbackMethod(named: "ON_RESUME", receiver: .observer(.composeMultiplatform))
                == .framework(FrameworkEvent(ComposeLifecycleEvent.onResume)))
        #expect(
            CallbackMethod(named: "Resumed", receiver: .observer(.maui))
                == .framework(FrameworkEvent(MAUILens.WindowEvent.resumed)))
    }

    /// Random walks with every channel on: each item's method is heard by its
    /// receiver, its name finds it again, and its members give back its target.
    @Test(arguments: 0..<3)
    func everyObserverItemResolves(_ variant: Int) throws {
        let config = observedConfig(variant == 0 ? .app : .scene, "17.0", ObserverChannel.allCases) {
            $0.backgroundModes = Set(BackgroundMode.allCases)
            if variant == 2 { $0.ui = .swiftUI }
        }
        let sim = Simulator(config: config)
        var seen = Set<CallbackMethod>()
        for seed in 0..<6 {
            var rng = SplitMix64(seed: UInt64(9300 + seed))
            var state = AppSnapshot()
            for _ in 0..<150 {
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                guard let out = try? sim.apply(kind.random(using: &rng, in: state), to: state) else { continue }
                state = out.state
                for c in out.callbacks where c.receiver.isObserver {
                    #expect(c.method.isHeard(by: c.receiver), "\(c.receiver) \(c.method.name)")
                    #expect(CallbackMethod(named: c.method.name, receiver: c.receiver) == c.method)
                    let target = CallbackTarget(
                        receiver: c.receiver, sceneId: c.sceneId, sceneState: c.sceneState,
                        viewController: c.viewController)
                    #expect(target == c.target, "\(c.receiver) \(c.method.name)")
                    seen.insert(c.method)
                }
            }
        }
        #expect(seen.contains { if case .notification = $0 { true } else { false } })
        #expect(seen.contains { if case .framework = $0 { true } else { false } })
    }
}
