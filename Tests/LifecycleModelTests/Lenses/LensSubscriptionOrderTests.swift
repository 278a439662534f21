import Testing

@testable import LifecycleModel

/// The observers' memory hands each input to the lenses that subscribe to its kind
/// (`FrameworkLens.inputs`), in the config's order: the items are those of every lens
/// fed the whole stream, in that order.
@Suite struct LensSubscriptionOrderTests {
    @Test(arguments: [
        [ObserverChannel.notifications, .maui, .reactNative],
        ObserverChannel.allCases,
        [.composeMultiplatform, .cordova, .flutter, .notifications, .capacitor],
    ])
    func eachInputGoesToItsSubscribersInConfigOrder(_ channels: [ObserverChannel]) throws {
        let config = observedConfig(.scene, "17.0", channels) {
            $0.observerOptions[ComposeMultiplatformLens.self] = .init(source: .appNotifications)
        }
        let profile = try #require(ObserverProfile(config: config))
        #expect(profile.initialLenses.map(\.channel) == channels.filter { $0 != .notifications })
        var memory = ObserverSnapshot(lenses: profile.initialLenses)
        var direct = profile.initialLenses
        for input in randomWalkStream(.scenes, steps: LensWalks.steps, seed: 3) {
            var items: [Callback] = []
            memory.observe(input, itemState: .active, into: &items)
            var expected: [Callback] = []
            for i in direct.indices { direct[i].observe(input, itemState: .active, into: &expected) }
            #expect(items == expected, "\(channels): \(input)")
        }
        #expect(memory.lenses == direct)
    }
}
