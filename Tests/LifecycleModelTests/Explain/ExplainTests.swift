import LifecycleModel
import Testing

/// `Simulator.explain`: finds the actions behind a log, or where it diverges.
@Suite struct ExplainTests {
    private func entries(_ callbacks: [Callback]) -> [LogEntry] {
        callbacks.map {
            LogEntry(method: $0.method.name, receiver: $0.receiver.rawValue, viewController: $0.viewController)
        }
    }

    @Test func aDelegateLogOfLaunchAndBackgroundIsExplained() {
        let sim = sceneSimulator()
        let log = TextLog.parse(
            """
            scene(_:willConnectTo:options:)
            sceneWillEnterForeground(_:)
            sceneDidBecomeActive(_:)
            sceneWillResignActive(_:)
            sceneDidEnterBackground(_:)
            """)
        let result = sim.explain(log.entries.map(\.entry))
        #expect(result.explained)
        #expect(result.actions == [.launch, .background])
        #expect(result.outcomes.count == 2)
    }

    /// Of the shortest explanations, the one with the fewest callbacks the log does
    /// not show: an alert that comes and goes, not a deep link nobody logged.
    @Test func ofTheShortestTheSimplestStoryWins() {
        let log = [
            "scene(_:willConnectTo:options:)", "sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)",
            "sceneWillResignActive(_:)", "sceneDidBecomeActive(_:)",
        ].map { LogEntry(method: $0) }
        let result = sceneSimulator().explain(log)
        #expect(result.explained)
        #expect(
            result.actions == [.launch, .interruptionBegan(kind: .systemAlert), .interruptionEnded(outcome: .resume)])
    }

    /// Nothing the model does is watched by a log of unknown methods: no search.
    @Test func aLogOfUnknownMethodsDivergesAtOnce() {
        let result = sceneSimulator().explain([LogEntry(method: "fooBar(_:)"), LogEntry(method: "viewDidLoad:baz:")])
        #expect(!result.explained && result.actions.isEmpty)
        #expect(result.divergence?.index == 0 && result.divergence?.observed == LogEntry(method: "fooBar(_:)"))
        #expect(result.divergence?.expected.isEmpty == true)
        #expect(result.nodesVisited == 1 && result.stopped == nil)
    }

    @Test func anUnknownMethodDivergesAtItsIndex() {
        let sim = sceneSimulator()
        let log = ["scene(_:willConnectTo:options:)", "sceneWillEnterForeground(_:)", "sceneDidTeleport(_:)"]
            .map { LogEntry(method: $0) }
        let result = sim.explain(log)
        #expect(!result.explained)
        #expect(result.divergence?.index == 2)
        #expect(result.divergence?.observed?.method == "sceneDidTeleport(_:)")
        // The longest explained prefix: the launch that logs the first two.
        #expect(result.actions == [.launch])
        let expected = result.divergence?.expected.map(\.callback.method) ?? []
        // Only watched callbacks: what the log names.
        #expect(expected == ["sceneWillEnterForeground(_:)", "scene(_:willConnectTo:options:)"], "\(expected)")
        #expect(result.stopped == nil)
    }
}
