import LifecycleModel
import Testing

/// The searches over the model: shortest paths, the transition graph, coverage, moveTo.
@Suite struct ExplorationTests {
    static let configs: [(String, Simulator)] = [
        ("17.0 scene", sceneSimulator()),
        ("11.0 app", appSimulator("11.0")),
        (
            "12.4 app, fetch, restoration",
            appSimulator("12.4") {
                $0.backgroundModes = [.fetch]
                $0.stateRestoration = true
            }
        ),
        ("17.0 iPad, two scenes", iPadSimulator()),
    ]
    /// The iPad's two windows multiply the space: smaller bounds keep the tests quick.
    static func bounds(_ index: Int) -> ExplorationBounds {
        index == 3 ? ExplorationBounds(scenes: 2, tasks: 0, depth: 1) : .standard
    }

    @Test func shortestPathToSuspendedIsLaunchBackgroundAndTheSuspensionDelay() throws {
        for (name, sim) in [Self.configs[0], Self.configs[1]] {
            let path = try sim.shortestPath(from: AppSnapshot(), to: StateTarget(app: .suspended))
            #expect(path.map(\.label) == ["launch", "background", "advanceTime next event"], "\(name)")
            #expect(path.last?.action == .advanceTime(seconds: 5), "\(name): facts §5's 5 s to suspension")
            let end = try sim.run(path.map(\.action))
            #expect(end.state.app == .suspended, "\(name)")
        }
    }

    @Test func aTargetAlreadyReachedTakesNoSteps() throws {
        let sim = sceneSimulator()
        let active = try sim.run([.launch]).state
        #expect(try sim.shortestPath(from: active, to: StateTarget(app: .active, scene: .foregroundActive)).isEmpty)
    }

    @Test func sceneTargetsNeedScenesAndImpossibleCombinationsAreUnreachable() {
        #expect(throws: UnreachableTarget.self) {
            try appSimulator("12.0").shortestPath(
                from: AppSnapshot(), to: StateTarget(app: .active, scene: .foregroundActive))
        }
        // A not-running app has no foreground scene.
        do {
            _ = try sceneSimulator().shortestPath(
                from: AppSnapshot(), to: StateTarget(app: .notRunning, scene: .foregroundActive))
            Issue.record("reached an impossible state")
        } catch {
            #expect(error.reason.contains("with app notRunning the scenes can be unattached"), "\(error.reason)")
            #expect(error.reachableApp.contains(.suspended))
        }
    }

    @Test func theGraphHoldsOnlyAcceptedActionsWithinBounds() {
        for (i, (name, sim)) in Self.configs.enumerated() {
            let graph = StateGraph(simulator: sim, from: AppSnapshot(), bounds: Self.bounds(i))
            let truncated = graph.truncated
            #expect(!truncated)
            let inside = graph.nodes.allSatisfy { Self.bounds(i).contains($0.state) }
            #expect(inside, "\(name)")
            for e in graph.edges {
                let rep = graph.nodes[e.from].representative
                let out = try? sim.apply(e.action.action, to: rep)
                let same = out.map { AbstractState($0.state) } == graph.nodes[e.to].state
                #expect(same, "\(name): \(e.action.label)")
            }
            // Each node's tree path replays its representative exactly.
            for n in graph.nodes.indices.filter({ $0 % 7 == 0 }) {
                let replayed = (try? sim.run(graph.path(to: n).map(\.action)).state) == graph.nodes[n].representative
                #expect(replayed, "\(name)")
            }
            // Every app state is reachable in every config here.
            #expect(Set(graph.nodes.map(\.state.app)) == Set(AppState.allCases), "\(name)")
        }
    }

    @Test func boundsLimitTheSpace() {
        let sim = Self.configs[0].1
        let small = StateGraph(
            simulator: sim, from: AppSnapshot(), bounds: ExplorationBounds(scenes: 1, tasks: 0, depth: 0))
        let standard = StateGraph(simulator: sim, from: AppSnapshot(), bounds: .standard)
        let (a, b) = (small.nodes.count, standard.nodes.count)
        #expect(a < b)
        let inside = small.nodes.allSatisfy { $0.state.tasks == 0 && $0.state.navigationDepth == 0 }
        #expect(inside)
        let pushes = small.edges.contains { $0.action.action.kind == .push }
        #expect(!pushes)
    }

    /// Issue #14: replay every sequence; each reachable state-and-action pair is taken,
    /// and no sequence contains a refused action.
    @Test(arguments: 0..<configs.count)
    func coverageSequencesTakeEveryTransition(_ index: Int) throws {
        let (name, sim) = Self.configs[index]
        let plan = try sim.coverage(bounds: Self.bounds(index))
        let graph = StateGraph(simulator: sim, from: AppSnapshot(), bounds: Self.bounds(index))
        let expected = Set(graph.edges.map { Pair(state: graph.nodes[$0.from].state, label: $0.action.label) })
        #expect(plan.transitions == expected.count, "\(name)")
        #expect(plan.covered == plan.transitions, "\(name)")
        #expect(plan.states == graph.nodes.count, "\(name)")
        var taken = Set<Pair>()
        for (s, sequence) in plan.sequences.enumerated() {
            var state = AppSnapshot()
            for (i, plain) in sequence.enumerated() {
                // The label is the one the state's own plain actions give that action.
                let label = sim.plainActions(in: state).first { $0.action == plain.action }?.label
                #expect(label == plain.label, "\(name) sequence \(s) step \(i)")
                guard let out = try? sim.apply(plain.action, to: state) else {
                    Issue.record("\(name): sequence \(s) step \(i) \(plain.label) refused")
                    break
                }
                taken.insert(Pair(state: AbstractState(state), label: plain.label))
                state = out.state
            }
        }
        #expect(expected.isSubset(of: taken), "\(name): not taken \(expected.subtracting(taken).prefix(5))")
        // Small: far fewer actions than a fresh sequence per transition would need.
        #expect(
            plan.sequences.count < plan.transitions / 3,
            "\(name): \(plan.sequences.count) sequences for \(plan.transitions)")
        #expect(plan.sequences.allSatisfy { $0.count <= Simulator.maxCoverageSequenceLength })
    }

    struct Pair: Hashable {
        var state: AbstractState
        var label: String
    }

    /// Issue #38: coverage reaches the breadth items its abstract state cannot name. A
    /// 180° turn (breadth §5.11), which lays nothing out: an iPhone's sequence turns to
    /// landscapeLeft, then to landscapeRight in the same state; an iPad's turns upside
    /// down too. A processing task the user ends (breadth §1.7): `runBackgroundTask`
    /// with `deviceUsedAfter`, for a config that registers one.
    @Test func coverageTakesHalfTurnsAndAProcessingTaskTheUserEnds() throws {
        let small = ExplorationBounds(scenes: 1, tasks: 0, depth: 0)
        /// Each step of each sequence, with the snapshot before it.
        func steps(_ sim: Simulator) throws -> [(before: AppSnapshot, plain: PlainAction, out: ActionOutcome)] {
            var out: [(AppSnapshot, PlainAction, ActionOutcome)] = []
            for sequence in try sim.coverage(bounds: small).sequences {
                var state = AppSnapshot()
                for plain in sequence {
                    let next = try sim.apply(plain.action, to: state)
                    out.append((state, plain, next))
                    state = next.state
                }
            }
            return out
        }
        func halfTurns(_ sim: Simulator) throws -> Set<String> {
            var turns = Set<String>()
            for (before, plain, out) in try steps(sim) {
                guard case .rotate(let rotation) = plain.action, case let to = rotation.orientation,
                    let from = before.windows.first?.interface.orientation,
                    from != to, from.isPortrait == to.isPortrait
                else { continue }
                turns.insert("\(from.rawValue) → \(to.rawValue)")
                #expect(out.lines.contains("root viewWillTransition(to:with:)"))
                #expect(!out.lines.contains("root viewWillLayoutSubviews()"))
            }
            return turns
        }
        let phone = try halfTurns(sceneSimulator())
        #expect(phone.contains("landscapeLeft → landscapeRight"), "\(phone)")
        let pad = try halfTurns(sceneSimulator { $0.device = .ipad })
        #expect(pad.isSuperset(of: ["portrait → portraitUpsideDown", "landscapeLeft → landscapeRight"]), "\(pad)")

        let tasks = sceneSimulator {
            $0.backgroundTasks = [
                PermittedBackgroundTask(identifier: "com.example.refresh", kind: .appRefresh),
                PermittedBackgroundTask(identifier: "com.example.cleanup", kind: .processing),
            ]
            $0.backgroundModes = [.fetch, .processing]
        }
        let taken = try steps(tasks)
        let labels = Set(taken.map(\.plain.label))
        #expect(labels.contains("runBackgroundTask identifier=com.example.refresh"))
        let used = try #require(
            taken.first { $0.plain.label == "runBackgroundTask identifier=com.example.cleanup deviceUsedAfter" })
        #expect(used.before.locked && !used.out.state.locked)
        #expect(
            used.out.callbacks.filter { $0.receiver == .bgTask }.map(\.method.name) == [
                "launchHandler", "expirationHandler", "setTaskCompleted(success:)",
            ])
        #expect(used.out.callbacks.last { $0.receiver == .bgTask }?.args?["success"] == .bool(false))
    }

    @Test func moveToAppliesThePathAndListsIt() throws {
        let sim = sceneSimulator()
        let out = try sim.apply(.moveTo(app: .suspended, scene: nil), to: AppSnapshot())
        #expect(out.state.app == .suspended)
        #expect(out.steps.map(\.action) == [.launch, .background, .advanceTime(seconds: 5)])
        // The same callbacks as the three actions one by one.
        let one = try sim.run([.launch, .background, .advanceTime(seconds: 5)])
        #expect(out.state == one.state)
        var expected: [Callback] = []
        var s = AppSnapshot()
        for a in out.steps.map(\.action) {
            let o = try sim.apply(a, to: s)
            expected += o.callbacks
            s = o.state
        }
        #expect(out.callbacks == expected)
        #expect(out.steps.map(\.callbackCount).reduce(0, +) == out.callbacks.count)
        #expect(out.steps[1].callbackCount > 0)
    }

    @Test func moveToTheCurrentStateDoesNothingAndIsNeverOffered() throws {
        let sim = appSimulator("11.0")
        let active = try sim.run([.launch]).state
        let out = try sim.apply(.moveTo(app: .active, scene: nil), to: active)
        #expect(out.callbacks.isEmpty && out.steps.isEmpty && out.state == active)
        let offered = sim.allowedActions(in: active).contains(.moveTo)
        #expect(!offered)
    }

    @Test func moveToAnUnreachableTargetIsRefused() {
        do {
            _ = try sceneSimulator().apply(.moveTo(app: .background, scene: .foregroundActive), to: AppSnapshot())
            Issue.record("moved to an impossible state")
        } catch {
            #expect(error.action == .moveTo)
            #expect(
                error.needs.hasPrefix(
                    "a target plain actions can reach: no sequence of plain actions reaches app background with a scene foregroundActive"
                ))
        }
    }

    @Test func moveToFromBeyondTheBoundsStillMoves() throws {
        let sim = appSimulator("11.0")
        let deep = try sim.run([
            .launch, .push(name: "a", sceneId: nil), .push(name: "b", sceneId: nil), .push(name: "c", sceneId: nil),
            .beginBackgroundTask(name: nil), .beginBackgroundTask(name: nil),
        ]).state
        let out = try sim.apply(.moveTo(app: .suspended, scene: nil), to: deep)
        #expect(out.state.app == .suspended)
        #expect(out.steps.first?.action == .background)
    }
}
