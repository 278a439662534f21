import LifecycleModel
import Testing

/// BGContinuedProcessingTask, iOS 26+ (breadth §1.11, [A-bgcont], DOC; issue #38).
@Suite struct ContinuedProcessingTaskTests {
    static let export = PermittedBackgroundTask(identifier: "com.example.export", kind: .continuedProcessing)

    func simulator(_ lifecycle: LifecycleKind = .scene) -> Simulator {
        let configure = { (c: inout SessionConfig) in c.backgroundTasks = [Self.export] }
        return lifecycle == .app ? appSimulator("26.0", configure) : sceneSimulator("26.0", configure)
    }

    /// The user starts it in the foreground: the launch handler at once; leaving the app
    /// does not suspend it while the task works; setTaskCompleted(success: true) when
    /// the work is done, then the app is suspended after the usual delay.
    @Test(arguments: LifecycleKind.allCases)
    func itStartsInTheForegroundAndGoesOnInTheBackground(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let launched = try sim.run([.launch])
        let start = try sim.apply(.startContinuedProcessingTask(identifier: nil, seconds: 120), to: launched.state)
        #expect(start.callbacks.map(\.method.name) == ["launchHandler"])
        #expect(start.callbacks.first?.args?["task"] == .string("BGContinuedProcessingTask"))
        #expect(start.callbacks.first?.appState == .active)
        // Home: without the task the app would be suspended 5 s later; with it, not.
        let home = try sim.run([.background, .advanceTime(seconds: 60)], from: start.state)
        #expect(home.state.app == .background)
        let done = try sim.apply(.advanceTime(seconds: 60), to: home.state)
        let completed = try #require(done.callbacks.first { $0.method.name == "setTaskCompleted(success:)" })
        #expect(completed.args?["success"] == .bool(true) && completed.appState == .background)
        #expect(done.state.background.continued == nil && done.state.app == .background)
        let later = try sim.apply(.advanceTime(seconds: 5), to: done.state)
        #expect(later.state.app == .suspended)
    }

    /// The user cancels it from the Live Activity: its expiration handler (DOC), then
    /// the unsuccessful completion; a kill from the switcher cancels it with no callback.
    @Test func cancelsFromTheLiveActivityAndSilentlyOnAKill() throws {
        let sim = simulator()
        let running = try sim.run([.launch, .startContinuedProcessingTask(identifier: nil, seconds: 600), .background])
        let cancel = try sim.apply(.cancelContinuedProcessingTask, to: running.state)
        #expect(
            cancel.callbacks.map { "\($0.method.name) \($0.args?["success"].map { "\($0)" } ?? "")" } == [
                "expirationHandler ", "setTaskCompleted(success:) bool(false)",
            ])
        #expect(cancel.state.background.continued == nil)
        let kill = try sim.apply(.terminate(by: .user), to: running.state)
        #expect(!kill.callbacks.contains { $0.receiver == .bgTask })
        #expect(kill.state.background.continued == nil)
    }

    /// Refusals: not active (the request comes from the user's action in the app), a
    /// second task while one runs (named choice), nothing to cancel; the system never
    /// launches the app for it (`runBackgroundTask` refuses it).
    @Test func refusals() throws {
        let sim = simulator()
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.startContinuedProcessingTask(identifier: nil, seconds: 1), to: AppSnapshot())
        }
        let background = try sim.run([.launch, .background])
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.startContinuedProcessingTask(identifier: nil, seconds: 1), to: background.state)
        }
        let running = try sim.run([.launch, .startContinuedProcessingTask(identifier: nil, seconds: 60)])
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.startContinuedProcessingTask(identifier: nil, seconds: 1), to: running.state)
        }
        #expect(throws: ActionRefusal.self) { try sim.apply(.cancelContinuedProcessingTask, to: background.state) }
        // BGContinuedProcessingTask is iOS 26+: an iOS 18 app may list (and register) it,
        // but it never starts, and it is not offered.
        let old = sceneSimulator("18.0") { $0.backgroundTasks = [Self.export] }
        let oldActive = try old.run([.launch]).state
        #expect(oldActive.registeredBackgroundTasks == [Self.export])
        #expect(throws: ActionRefusal.self) {
            try old.apply(.startContinuedProcessingTask(identifier: nil, seconds: 1), to: oldActive)
        }
        #expect(!old.allowedActions(in: oldActive).contains(.startContinuedProcessingTask))
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.runBackgroundTask(identifier: "com.example.export", seconds: 1), to: background.state)
        }
        #expect(sim.allowedActions(in: running.state).contains(.cancelContinuedProcessingTask))
        #expect(!sim.allowedActions(in: background.state).contains(.startContinuedProcessingTask))
    }

    /// The searches reach a running task, its completion and its cancellation.
    @Test func coverageTakesTheContinuedTask() throws {
        let sim = simulator()
        let plan = try sim.coverage(bounds: ExplorationBounds(scenes: 1, tasks: 0, depth: 0))
        let labels = Set(plan.sequences.flatMap { $0.map(\.label) })
        #expect(labels.contains("startContinuedProcessingTask identifier=com.example.export"))
        #expect(labels.contains("cancelContinuedProcessingTask"))
    }
}
