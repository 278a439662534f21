import LifecycleModel
import Testing

/// Issue #21's round trip: random action walks produce logs; explaining the full log
/// and the log restricted to delegate methods succeeds, and the explanation's
/// watched callbacks are the log exactly (its actions may differ from the walk's).
@Suite struct ExplainRoundTripTests {
    static let configs: [(String, Simulator)] = [
        ("sceneless iOS 11", appSimulator("11.0")),
        ("scene iOS 17", sceneSimulator()),
        ("iPad multi-window", iPadSimulator()),
        ("SwiftUI", sceneSimulator { $0.ui = .swiftUI }),
        ("state restoration", sceneSimulator("16.0") { $0.stateRestoration = true }),
        ("sceneless iOS 12, restoration", appSimulator("12.4") { $0.stateRestoration = true }),
    ]
    static let walkLength = 8
    static let walksPerConfig = 6

    /// A walk's log entries: every callback, with its receiver, view controller and arguments.
    static func log(_ callbacks: [Callback]) -> [LogEntry] {
        callbacks.map {
            LogEntry(
                method: $0.method.name, receiver: $0.receiver.rawValue, viewController: $0.viewController, args: $0.args
            )
        }
    }

    static let delegates: Set<Receiver> = [.appDelegate, .sceneDelegate, .appDelegateAdaptor]

    /// A random walk of accepted actions within the standard bounds, from a launch: the plain actions,
    /// with named pushes and presentations and a deep link of its own.
    static func walk(_ sim: Simulator, seed: UInt64) -> [Callback] {
        var rng = SplitMix64(seed: seed)
        var state = AppSnapshot()
        var callbacks: [Callback] = []
        var taken = 0
        var tries = 0
        while taken < walkLength, tries < 500 {
            tries += 1
            var choices = sim.plainActions(in: state).map(\.action)
            choices += [
                .push(name: "detail", sceneId: nil), .present(name: "settings", style: nil, sceneId: nil),
                .openURL(url: "walk://item/\(seed)"),
            ]
            // The first step launches (a walk of locks and rotations of an app that is
            // not running would log nothing).
            let action = taken == 0 ? .launch : choices[Int(rng.next() % UInt64(choices.count))]
            guard let out = try? sim.apply(action, to: state),
                ExplorationBounds.standard.contains(AbstractState(out.state))
            else { continue }
            callbacks += out.callbacks
            state = out.state
            taken += 1
        }
        return callbacks
    }

    /// The explanation's callbacks restricted to the log's keys are the log.
    static func reproduces(_ explanation: Explanation, _ log: [LogEntry]) -> Bool {
        let keys = log.map(CallbackKey.init)
        let watched = explanation.outcomes.flatMap(\.callbacks).filter { c in keys.contains { $0.matches(c) } }
        return watched.count == keys.count && zip(keys, watched).allSatisfy { $0.matches($1) }
    }

    @Test(arguments: 0..<configs.count)
    func walksAreExplained(_ index: Int) {
        let (name, sim) = Self.configs[index]
        for w in propertySeeds(Self.walksPerConfig) {
            let callbacks = Self.walk(sim, seed: UInt64(index * 100 + w))
            // A budget above the default: a delegate-only log of a two-window iPad leaves
            // many states equal under it (the default stops a pasted log early instead).
            let limits = ExplainLimits(maxActions: Self.walkLength, nodeBudget: 60_000)
            for (part, log) in [
                ("full", Self.log(callbacks)),
                ("delegates", Self.log(callbacks.filter { Self.delegates.contains($0.receiver) })),
            ] {
                #expect(!log.isEmpty, "\(name) walk \(w) \(part)")
                let result = sim.explain(log, limits: limits)
                #expect(result.explained, "\(name) walk \(w) \(part): \(String(describing: result.divergence))")
                #expect(Self.reproduces(result, log), "\(name) walk \(w) \(part)")
                #expect(result.actions.count <= Self.walkLength)
            }
        }
    }
}
