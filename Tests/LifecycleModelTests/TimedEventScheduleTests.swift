import LifecycleModel
import Testing

/// Issue #22: one timed-event schedule, used by `advanceTime` and by exploration, so
/// the searches wait for the background-time kill (facts §9.2: a second after the
/// limit on iOS 13+) instead of stopping a second short of it.
@Suite struct TimedEventScheduleTests {
    /// Launched, a background task begun, in the background, past the expiration handler.
    static func expiredTask(_ sim: Simulator) throws -> AppSnapshot {
        let bg = try sim.run([.launch, .beginBackgroundTask(name: "upload"), .background]).state
        let lead = sim.profile.backgroundTimeLimit - sim.profile.timing.expirationLead
        let out = try sim.run([.advanceTime(seconds: lead)], from: bg).state
        #expect(out.backgroundTasks.first?.expirationHandlerCalled == true)
        return out
    }

    @Test func theNextEventIsTheKillWithItsGraceSecond() throws {
        for (version, grace) in [("17.0", 1.0), ("12.0", 0.0)] {
            let sim = version == "12.0" ? appSimulator(version) : sceneSimulator(version)
            #expect(sim.profile.backgroundKillGrace == grace)
            let state = try Self.expiredTask(sim)
            let wait = try #require(sim.secondsToNextTimedEvent(in: state))
            #expect(wait == sim.profile.timing.expirationLead + grace, "\(version)")
            let killed = try sim.apply(.advanceTime(seconds: wait), to: state).state
            #expect(killed.app == .notRunning, "\(version)")
            #expect(killed.lastTermination?.reason == .backgroundTimeExpired, "\(version)")
            // A moment earlier the app still runs: the wait is not longer than needed.
            let before = try sim.apply(.advanceTime(seconds: wait - 0.5), to: state).state
            #expect(before.app == .background, "\(version)")
        }
    }

    @Test func theSearchGraphHasTheKillAsAnEdge() throws {
        let sim = sceneSimulator()
        let start = try Self.expiredTask(sim)
        let graph = StateGraph(simulator: sim, from: start, bounds: .standard)
        let wait = graph.edges.first { $0.from == 0 && $0.action.label == "advanceTime next event" }
        let edge = try #require(wait, "no wait from the expired task")
        #expect(graph.nodes[edge.to].state.app == .notRunning)
        let out = try sim.apply(edge.action.action, to: start)
        #expect(out.state.lastTermination?.reason == .backgroundTimeExpired)
    }

    /// Coverage on iOS 17 takes the kill: some sequence ends a process by
    /// backgroundTimeExpired (before, every wait stopped a second short of it).
    @Test func coverageOnIOS17ReachesTheBackgroundTimeKill() throws {
        let sim = sceneSimulator("17.0")
        let plan = try sim.coverage()
        var kills = 0
        for sequence in plan.sequences {
            var state = AppSnapshot()
            for plain in sequence {
                let out = try sim.apply(plain.action, to: state)
                if state.app != .notRunning, out.state.app == .notRunning,
                    out.state.lastTermination?.reason == .backgroundTimeExpired
                {
                    #expect(plain.label == "advanceTime next event")
                    kills += 1
                }
                state = out.state
            }
        }
        #expect(kills > 0, "coverage never reached the background-time kill")
    }
}
