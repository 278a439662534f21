import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

/// Simulate, paths, coverage and diff through the client against a live server.
@Suite struct ClientExploreTests {
    static let ios11 = SessionConfig(lifecycle: .app, iosVersion: "11.0")

    @Test func simulateEqualsTheSameActionsOnASession() async throws {
        try await withLifecycled { client in
            let actions: [Action] = [.launch, .openURL("myapp://item/42"), .background, .advanceTime(30)]
            let simulated = try await client.simulate(actions, config: Self.ios11)
            #expect(simulated.config.lifecycle == .app)
            #expect(simulated.steps.map(\.action) == actions)

            let session = try await client.createSession(Self.ios11)
            var callbacks: [Callback] = []
            for action in actions { callbacks += try await client.act(action, in: session.id).callbacks }
            #expect(simulated.callbacks == callbacks)
            #expect(simulated.state == (try await client.getSession(session.id)).state)

            let text = try await client.simulateTrace(actions, config: Self.ios11, format: .text)
            #expect(callbacks.allSatisfy { text.contains($0.method) })
            let mermaid = try await client.simulateTrace([.launch], format: .mermaid)
            #expect(mermaid.hasPrefix("sequenceDiagram"))
        }
    }

    @Test func aRefusedSimulateStepNamesTheStep() async throws {
        try await withLifecycled { client in
            let error = try await #require(throws: LifecycledError.self) {
                try await client.simulate([.launch, .background, .unlock], config: Self.ios11)
            }
            #expect(error.problem?.status == 409)
            #expect(error.problem?.step == 2)
            #expect(error.allowedActions?.contains("launch") == true)
        }
    }

    @Test func pathsReachTheTarget() async throws {
        try await withLifecycled { client in
            let path = try await client.paths(
                to: StateTarget(app: .suspended), config: SessionConfig(iosVersion: "17.0"))
            #expect(!path.actions.isEmpty)
            #expect(path.steps.map(\.action) == path.actions)
            #expect(path.state.app == .suspended)
            // The path replays to the same state.
            let replay = try await client.simulate(path.actions, config: path.config)
            #expect(replay.state == path.state)

            let already = try await client.paths(
                to: StateTarget(app: .active), config: Self.ios11, from: [.launch])
            #expect(already.actions.isEmpty)
        }
    }

    @Test func coverageSequencesReplay() async throws {
        try await withLifecycled { client in
            let coverage = try await client.coverage(config: Self.ios11, bounds: ExplorationBounds(tasks: 1, depth: 1))
            #expect(coverage.covered == coverage.transitions)
            #expect(coverage.transitions > 0)
            #expect(coverage.bounds.tasks == 1 && coverage.bounds.depth == 1)
            #expect(coverage.actions == coverage.sequences.reduce(0) { $0 + $1.count })
            let first = try #require(coverage.sequences.first)
            let replay = try await client.simulate(first, config: coverage.config)
            #expect(replay.steps.count == first.count)
        }
    }

    @Test func diffAlignsTwoConfigs() async throws {
        try await withLifecycled { client in
            let diff = try await client.diff(
                SessionConfig(lifecycle: .app, iosVersion: "12.0"),
                SessionConfig(lifecycle: .scene, iosVersion: "17.0"),
                actions: [.openURL("myapp://item/42"), .background])
            #expect(diff.configs.map(\.lifecycle) == [.app, .scene])
            #expect(diff.steps.count == 2)
            let rows = diff.steps.flatMap(\.alignment)
            #expect(diff.summary.same == rows.filter { $0.op == "same" }.count)
            #expect(diff.summary.firstOnly == rows.filter { $0.op == "first" }.count)
            #expect(diff.summary.secondOnly == rows.filter { $0.op == "second" }.count)
            #expect(diff.summary.secondOnly > 0)  // the scene delegate's calls
            #expect(rows.allSatisfy { ($0.op == "second") == ($0.first == nil) })
            #expect(diff.steps[0].outcomes.map(\.appState) == [.active, .active])
        }
    }
}
