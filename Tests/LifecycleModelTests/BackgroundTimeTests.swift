import LifecycleModel
import Testing

/// Virtual time and background execution (facts §5).
@Suite struct BackgroundTimeTests {
    @Test func suspendedSilentlyAFixedFewSecondsAfterEnteringTheBackground() throws {
        let sim = appSimulator("17.0")
        let bg = try sim.run([.launch, .background])
        #expect(bg.state.suspendAt == 5)
        #expect(try sim.apply(.advanceTime(seconds: 4.9), to: bg.state).state.app == .background)
        let later = try sim.apply(.advanceTime(seconds: 5), to: bg.state)
        #expect(later.state.app == .suspended)
        #expect(later.callbacks.isEmpty)  // S4: not told
        #expect(later.state.clock == 5)
    }

    // Changed for facts §9.2 (MULTI, [EMB], [F391799]): from iOS 13 the expiration
    // handler runs at the limit (lead 0, was 5 s before it) and the kill comes about
    // 1 s after the limit (was at it); iOS ≤ 12 keeps facts §5.3's timing.
    @Test(arguments: [
        ("11.0", 180.0, 5.0, 0.0), ("12.4", 180.0, 5.0, 0.0), ("13.0", 30.0, 0.0, 1.0),
        ("17.0", 30.0, 0.0, 1.0), ("26.0", 30.0, 0.0, 1.0),
    ])
    func backgroundTaskLimitExpirationAndKill(_ version: String, _ limit: Double, _ lead: Double, _ grace: Double)
        throws
    {
        let sim = appSimulator(version)
        let bg = try sim.run([.launch, .beginBackgroundTask(name: "sync"), .background])
        #expect(sim.backgroundTimeRemaining(in: bg.state) == limit)
        let beforeWarning = try sim.apply(.advanceTime(seconds: limit - lead - 0.5), to: bg.state)
        #expect(!beforeWarning.methods.contains("expirationHandler"))
        #expect(beforeWarning.state.app == .background)  // the task keeps it from suspension
        let warned = try sim.apply(.advanceTime(seconds: 1), to: beforeWarning.state)
        let handler = try #require(warned.callbacks.first)
        #expect(handler.receiver == .backgroundTask)
        #expect(handler.method.name == "expirationHandler")
        #expect(handler.appState == .background)
        #expect(handler.args?["name"] == .string("sync"))
        let killed = try sim.apply(.advanceTime(seconds: 10), to: warned.state)
        #expect(killed.callbacks.isEmpty)  // 0x8badf00d: no applicationWillTerminate
        #expect(killed.state.app == .notRunning)
        #expect(killed.state.lastTermination?.reason == .backgroundTimeExpired)
        #expect(killed.state.lastTermination?.at == limit + grace)
    }

    @Test func endingTheTaskInTimeLetsTheAppSuspend() throws {
        let sim = appSimulator("17.0")
        // facts §9.2: the warning comes at the 30 s limit now (was 25 s); the kill 1 s later.
        let warned = try sim.run([.launch, .background, .beginBackgroundTask(name: nil), .advanceTime(seconds: 30)])
        #expect(warned.methods == ["expirationHandler"])
        let ended = try sim.apply(.endBackgroundTask(id: 1), to: warned.state)
        #expect(ended.state.app == .suspended)  // past its suspension time: at once
        #expect(ended.callbacks.isEmpty)
    }

    @Test func taskIdsAreCheckedAndOnlyRunningCodeCanUseTasks() throws {
        let sim = appSimulator("17.0")
        #expect(throws: ActionRefusal.self) { try sim.apply(.beginBackgroundTask(name: nil), to: AppSnapshot()) }
        let active = try sim.run([.launch, .beginBackgroundTask(name: "a"), .beginBackgroundTask(name: "b")]).state
        #expect(active.backgroundTasks.map(\.id) == [1, 2])
        #expect(throws: ActionRefusal.self) { try sim.apply(.endBackgroundTask(id: 3), to: active) }
        #expect(try sim.apply(.endBackgroundTask(id: 1), to: active).state.backgroundTasks.map(\.id) == [2])
        #expect(sim.backgroundTimeRemaining(in: active) == nil)  // foreground: no limit
    }

    @Test func returningToTheForegroundCancelsSuspensionAndRestartsTheBudget() throws {
        let sim = appSimulator("17.0")
        let back = try sim.run([
            .launch, .beginBackgroundTask(name: nil), .background, .advanceTime(seconds: 20), .launch,
        ])
        #expect(back.state.suspendAt == nil)
        let again = try sim.run([.background], from: back.state)
        #expect(sim.backgroundTimeRemaining(in: again.state) == 30)
    }

    @Test func timeIsVirtualAndDeterministic() throws {
        let sim = appSimulator("12.0")
        let actions: [Action] = [
            .launch, .beginBackgroundTask(name: "x"), .background, .advanceTime(seconds: 100),
            .advanceTime(seconds: 100),
        ]
        #expect(try sim.run(actions) == sim.run(actions))
        #expect(try sim.run(actions).state.clock == 200)
    }
}
