import LifecycleModel
import Testing

/// Seed 001's nine logs (app delegate only) are explained from their setups; a log
/// with two entries swapped or an unknown method diverges at the right index.
@Suite struct ExplainSeed001Tests {
    let simulator: Simulator

    init() throws {
        let session = try GoldenFixture.load().session
        simulator = Simulator(
            config: SessionConfig(
                lifecycle: .app, iosVersion: try #require(IOSVersion(session["iosVersion"] as? String ?? "")),
                stateRestoration: session["stateRestoration"] as? Bool ?? false))
    }

    private func start(_ golden: GoldenFixture.Case) throws -> AppSnapshot {
        var state = AppSnapshot()
        for step in golden.setup { state = try simulator.apply(try #require(action(step)), to: state).state }
        return state
    }

    private func log(_ golden: GoldenFixture.Case) -> [LogEntry] {
        golden.expect.map { LogEntry(method: $0.method, receiver: "AppDelegate") }
    }

    @Test(arguments: GoldenFixture.cases)
    func eachSeedLogIsExplained(_ golden: GoldenFixture.Case) throws {
        let entries = log(golden)
        let result = simulator.explain(entries, from: try start(golden))
        #expect(result.explained, "\(String(describing: result.divergence))")
        #expect(ExplainRoundTripTests.reproduces(result, entries))
        // One action made each of these logs; the explanation is as short.
        #expect(result.actions.count == 1, "\(result.actions)")
    }

    @Test func swappedEntriesDivergeAtTheFirstOfThem() throws {
        let golden = try #require(GoldenFixture.cases.first { $0.name == "launch, from not loaded" })
        var entries = log(golden)
        let will = try #require(entries.firstIndex { $0.method == "application(_:willFinishLaunchingWithOptions:)" })
        entries.swapAt(will, will + 1)
        let result = simulator.explain(entries, from: try start(golden))
        #expect(!result.explained)
        #expect(result.divergence?.index == will)
        #expect(result.divergence?.observed?.method == "application(_:didFinishLaunchingWithOptions:)")
        #expect(
            result.divergence?.expected.map(\.callback.method) == ["application(_:willFinishLaunchingWithOptions:)"])
    }

    @Test func anUnknownMethodDivergesWhereItStands() throws {
        let golden = try #require(GoldenFixture.cases.first { $0.name == "launch, from not loaded" })
        var entries = log(golden)
        entries.insert(LogEntry(method: "applicationDidTeleport(_:)", receiver: "AppDelegate"), at: 3)
        let result = simulator.explain(entries, from: try start(golden))
        #expect(!result.explained)
        #expect(result.divergence?.index == 3)
        #expect(result.divergence?.observed?.method == "applicationDidTeleport(_:)")
        #expect(result.stopped == nil)
    }
}
