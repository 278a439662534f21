import LifecycleModel
import Testing

/// `FrameworkLens.inputs`: the session's tap hands a lens only the kinds of input it
/// subscribes to. Over the random walks,
/// a lens fed only those gives the same events, input by input, and the same state as
/// one fed everything.
@Suite struct LensInputSubscriptionTests {
    @Test func aLensFedOnlyWhatItSubscribesToActsTheSame() {
        var skipped = 0
        skipped += check(ReactNativeLens.self, .init())
        skipped += check(FlutterLens.self, .init())
        skipped += check(FlutterLens.self, .init(framework: .before313, resumedTiming: .immediate))
        skipped += check(CapacitorLens.self, .init())
        skipped += check(CordovaLens.self, .init())
        skipped += check(MAUILens.self, .init())
        skipped += check(ComposeMultiplatformLens.self, .init())
        skipped += check(ComposeMultiplatformLens.self, .init(source: .appNotifications))
        #expect(skipped > 0, "the walks never held an input a lens leaves out")
    }

    /// The profile keeps each lens's subscription in the config's order of channels.
    @Test func theProfileKeepsEachLensSubscription() throws {
        let config = observedConfig(.app, "11.0", [.notifications, .maui, .reactNative])
        let profile = try #require(ObserverProfile(config: config))
        #expect(profile.lensInputs == [MAUILens.inputs(.init()), ReactNativeLens.inputs(.init())])
        #expect(profile.lensInputs[0] == [.processStart, .appDelegate, .sceneDelegate])
    }

    /// Checks one lens with `options`; returns how many inputs the subscribed run skipped.
    private func check<Lens: FrameworkLens>(_: Lens.Type, _ options: Lens.Options) -> Int {
        let kinds = Lens.inputs(options)
        var skipped = 0
        for kind in LensWalks.kinds {
            for seed in LensWalks.seeds {
                var all = LensRun<Lens>(options: options)
                var subscribed = LensRun<Lens>(options: options)
                for input in randomWalkStream(kind, steps: LensWalks.steps, seed: seed) {
                    let expected = all.observe([input])
                    let events: [Lens.Event]
                    if kinds.contains(input.kind) {
                        events = subscribed.observe([input])
                    } else {
                        events = []
                        skipped += 1
                    }
                    #expect(events == expected, "\(Lens.self) \(kind) seed \(seed): \(input)")
                    #expect(subscribed.state == all.state, "\(Lens.self) \(kind) seed \(seed): \(input)")
                }
            }
        }
        return skipped
    }
}
