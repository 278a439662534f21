import Testing

@testable import LifecycleModel

/// A kind whose rules check before they act (`ActionDefinition.refusesBeforeActing`)
/// gets the session's state, observer memory included, lent instead of copied
/// (`Simulator.apply(_:updating:)`): the state and the box change in
/// place, so a change or a recorded callback before a refusal would stay. Over random
/// walks with every channel on and with none, every variant of every kind and a random
/// action of a random kind are applied in place to a state that alone holds its memory;
/// each refusal must leave the state, observers included, as it was. (A rule made to
/// change the state or record before it refuses fails this test; debug builds also stop
/// at the simulator's assertions.)
@Suite struct RefusalBeforeEffectsTests {
    static let configs: [(String, LifecycleKind, @Sendable (inout SessionConfig) -> Void)] = [
        ("11.0", .app, { $0.backgroundModes = [.fetch, .remoteNotification, .location] }),
        ("12.0", .app, { $0.quirks.notificationCenterPullReactivates = true }),
        ("13.0", .app, { $0.notificationCenterDelegate = true }),
        (
            "17.0", .scene,
            {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
                $0.backgroundModes = [.fetch, .processing]
                $0.backgroundTasks = [.init(identifier: "com.example.clean", kind: .processing)]
            }
        ),
        ("17.0", .scene, { $0.ui = .swiftUI }),
        ("18.0", .scene, { $0.tabs = ["home", "search"] }),
    ]

    @Test(arguments: 0..<configs.count, [true, false])
    func aRefusalInPlaceLeavesTheStateAndObserversAsTheyWere(_ index: Int, observed: Bool) throws {
        let (version, lifecycle, configure) = Self.configs[index]
        let channels = observed ? ObserverChannel.allCases : []
        let sim = Simulator(config: observedConfig(lifecycle, version, channels, configure))
        var refusals: [ActionKind: Int] = [:]
        for seed in propertySeeds(4) {
            var rng = SplitMix64(seed: UInt64(7000 + seed * 31 + index))
            var state = AppSnapshot()
            for step in 0..<100 {
                let context = "\(version) \(lifecycle) observed \(observed) seed \(seed) step \(step)"
                var tried = ActionKind.allCases.flatMap { sim.variants(of: $0, in: state).map(\.action) }
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                tried.append(kind.random(using: &rng, in: state))
                var next: AppSnapshot?
                for action in tried {
                    var probe = Self.owningItsObservers(state)
                    do {
                        _ = try sim.apply(action, updating: &probe)
                        if next == nil || rng.next(below: 3) == 0 { next = probe }
                    } catch {
                        refusals[action.kind, default: 0] += 1
                        #expect(probe == state, "\(context): \(action) refused and changed the state")
                        #expect(probe.observers == state.observers, "\(context): \(action) changed the observers")
                    }
                }
                state = next ?? AppSnapshot()
            }
        }
        // The walks refuse most kinds somewhere.
        let kinds = refusals.keys.map { "\($0)" }.sorted()
        #expect(refusals.count > 12, "\(version) \(lifecycle): refused kinds \(kinds)")
    }

    /// The same lending is what a refusal in place relies on: the in-place path on a state
    /// that alone holds its memory still answers exactly what the copying path answers.
    @Test func inPlaceAndCopyingAnswerTheSame() throws {
        let sim = Simulator(config: observedConfig(.scene, "17.0", ObserverChannel.allCases))
        var inPlace = AppSnapshot()
        var copied = AppSnapshot()
        for action in [Action.launch, .background, .launch, .lock, .unlock, .terminate(by: .user), .launch] {
            let expected = try sim.apply(action, to: copied)
            let got = try sim.apply(action, updating: &inPlace)
            #expect(got.callbacks == expected.callbacks, "\(action)")
            #expect(inPlace == expected.state, "\(action)")
            copied = expected.state
        }
    }

    /// `state` with a memory box of its own, as a session holds it (a copy shares the box,
    /// and a shared box is copied at its first change rather than lent).
    static func owningItsObservers(_ state: AppSnapshot) -> AppSnapshot {
        var own = state
        own.observerMemory = state.observerMemory.map { CopyOnWrite($0.value) }
        return own
    }
}
