import Testing

@testable import LifecycleModel

/// `LensRoute` packs the profile's subscriptions for the tap: for every kind of input,
/// the positions it names are exactly the lenses whose `inputs` hold the kind, and each
/// position's slot is its lens's channel.
@Suite struct LensRouteTests {
    @Test(arguments: [
        [ObserverChannel.notifications, .maui, .reactNative],
        ObserverChannel.allCases,
        [.composeMultiplatform, .cordova, .flutter, .notifications, .capacitor],
    ])
    func theRouteIsTheProfilesSubscriptions(_ channels: [ObserverChannel]) throws {
        let config = observedConfig(.scene, "17.0", channels) {
            $0.observerOptions.composeMultiplatform = .init(source: .appNotifications)
        }
        let profile = try #require(ObserverProfile(config: config))
        let route = profile.lensRoute
        for (position, lens) in profile.initialLenses.enumerated() {
            #expect(route.slot(at: position) == LensSlots.Slot(lens.channel), "\(channels) at \(position)")
        }
        for bit in 0..<8 {
            let kind = LensInputKinds(rawValue: 1 << bit)
            let expected = profile.lensInputs.indices.filter { profile.lensInputs[$0].contains(kind) }
            let named = (0..<8).filter { route.positions(taking: kind) & (1 << $0) != 0 }
            #expect(named == expected, "\(channels): kind bit \(bit)")
        }
    }
}
