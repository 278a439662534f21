import LifecycleModel
import Testing

/// The observers' memory lives behind one reference in `AppSnapshot` (`CopyOnWrite`)
/// and lens items keep their arguments typed (`ObserverArgument`); neither may show.
@Suite struct ObserverMemoryTests {
    /// Snapshots stay values: an action applied in place to a copy changes the copy's
    /// observer memory, never the snapshot it was copied from.
    @Test func aSnapshotsObserverMemoryIsAValue() throws {
        let sim = Simulator(config: observedConfig(.app, "11.0", ObserverChannel.allCases))
        let launched = try sim.apply(.launch, to: AppSnapshot()).state
        let again = try sim.apply(.launch, to: AppSnapshot()).state
        var copy = launched
        _ = try sim.apply(.background, updating: &copy)
        let home = try sim.apply(.background, to: launched).state
        #expect(launched.observers == again.observers)
        #expect(copy.observers == home.observers)
        #expect(copy.observers != launched.observers)
        #expect(
            launched.observers?.lenses == again.observers?.lenses)
    }

    /// The lenses keep config order, one each: a repeated channel (which the service
    /// refuses) is heard once, so its items are those of the config without the repeat.
    @Test func aRepeatedChannelIsObservedOnce() throws {
        let once = Simulator(config: observedConfig(.app, "11.0", [.maui, .flutter, .notifications]))
        let twice = Simulator(config: observedConfig(.app, "11.0", [.maui, .flutter, .maui, .notifications]))
        var a = AppSnapshot()
        var b = AppSnapshot()
        for action in [Action.launch, .background, .launch] {
            let items = try once.apply(action, updating: &a).callbacks
            #expect(try twice.apply(action, updating: &b).callbacks == items)
            #expect(
                items.contains { $0.receiver == .observer(.maui) }
                    && items.contains { $0.receiver == .observer(.flutter) })
        }
        #expect(b.observers?.lenses.map(\.channel) == [.maui, .flutter])
    }

    /// Without observers the memory stays nil whatever the actions.
    @Test func aSessionWithoutObserversHasNoMemory() throws {
        let sim = Simulator(config: observedConfig(.app, "11.0", []))
        var state = AppSnapshot()
        for action in [Action.launch, .background, .launch] { _ = try sim.apply(action, updating: &state) }
        #expect(state.observers == nil)
    }

    /// Each typed argument has its place in the table the wire encodes once, and equals
    /// its JSON spelling (and nothing else).
    @Test func everyTypedArgumentHasItsPlaceAndItsJSON() {
        let all = ObserverArgument.allCases
        #expect(all.count == ReactNativeAppState.allCases.count + FlutterAppLifecycleState.allCases.count + 2)
        for (i, argument) in all.enumerated() {
            #expect(argument.index == i, "\(argument)")
            #expect(CallbackArguments.observer(argument) == .json(argument.json))
        }
        #expect(ObserverArgument.flutterState(.inactive).json == .object(["state": .string("inactive")]))
        #expect(CallbackArguments.observer(.isActive(true)) != .json(.object(["isActive": .bool(false)])))
        #expect(CallbackArguments.observer(.reactNativeState(.active)) != .none)
        #expect(CallbackArguments.none == CallbackArguments(nil))
    }

    /// A lens item's callback carries its argument typed, read back as the same JSON.
    @Test func aLensItemsArgumentReadsAsJSON() throws {
        let sim = Simulator(config: observedConfig(.app, "11.0", [.capacitor]))
        var state = try sim.apply(.launch, to: AppSnapshot()).state
        let (callbacks, _) = try sim.apply(.background, updating: &state)
        let item = try #require(
            callbacks.first {
                $0.receiver == .observer(.capacitor)
                    && $0.method == .framework(FrameworkEvent(CapacitorLens.Method.appStateChange))
            })
        #expect(item.arguments == .observer(.isActive(false)))
        #expect(item.args == .object(["isActive": .bool(false)]))
    }
}
