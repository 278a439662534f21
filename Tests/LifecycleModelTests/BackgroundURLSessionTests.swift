import LifecycleModel
import Testing

/// Background URL sessions (breadth §2).
@Suite struct BackgroundURLSessionTests {
    static let events: [String] = [
        "application(_:handleEventsForBackgroundURLSession:completionHandler:)",
        "urlSession(_:downloadTask:didFinishDownloadingTo:)",
        "urlSession(_:task:didCompleteWithError:)",
        "urlSessionDidFinishEvents(forBackgroundURLSession:)",
    ]

    /// breadth §2.1 (DOC, [A-urlapp]) and §2.3 (MULTI after handleEvents): a relaunch
    /// into the background, handleEvents after didFinishLaunching on the app delegate
    /// (scene apps too), the per-task calls, then urlSessionDidFinishEvents.
    @Test(arguments: LifecycleKind.allCases)
    func relaunchDeliversTheEventsAfterDidFinishLaunching(_ lifecycle: LifecycleKind) throws {
        let sim =
            lifecycle == .app
            ? appSimulator("17.0") { $0.quirks.didEnterBackgroundOnBackgroundLaunch = false } : sceneSimulator("17.0")
        let out = try sim.apply(.backgroundURLSessionEvents(identifier: "com.example.upload"), to: AppSnapshot())
        #expect(
            out.methods == [
                "application(_:willFinishLaunchingWithOptions:)", "application(_:didFinishLaunchingWithOptions:)",
            ] + Self.events)
        #expect(out.delegateCallbacks.allSatisfy { $0.appState == .background })
        #expect(out.callbacks.first { $0.method.name == Self.events[0] }?.receiver == .appDelegate)
        #expect(out.callbacks.last?.receiver == .urlSessionDelegate)
        #expect(
            out.callbacks.first { $0.method.name == Self.events[0] }?.args?["identifier"]
                == .string("com.example.upload"))
        #expect(out.state.app == .background)
    }

    /// breadth §2.2 (DOC) / §2.3 (SINGLE): a suspended app is moved to the background
    /// and hears the same sequence without launch callbacks.
    @Test func suspendedAppIsWoken() throws {
        let sim = sceneSimulator("26.0")
        let suspended = try sim.run([.launch, .background, .advanceTime(seconds: 10)])
        let out = try sim.apply(.backgroundURLSessionEvents(identifier: "s"), to: suspended.state)
        #expect(out.methods == Self.events)
        #expect(out.state.app == .background)
    }

    /// breadth §2.5 (DOC, [A-urlcfg]): a user's force-quit cancels the transfers and the
    /// system does not relaunch the app: 409, nothing changes. A foreground app's
    /// session delivers directly (no handleEvents): refused too.
    @Test(arguments: LifecycleKind.allCases)
    func nothingAfterAForceQuit(_ lifecycle: LifecycleKind) throws {
        let sim = lifecycle == .app ? appSimulator("17.0") : sceneSimulator("17.0")
        let quit = try sim.run([.launch, .terminate(by: .user)])
        do {
            _ = try sim.apply(.backgroundURLSessionEvents(identifier: "s"), to: quit.state)
            Issue.record("relaunched after a force-quit")
        } catch {
            #expect(error.needs.contains("force-quit"))
        }
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.backgroundURLSessionEvents(identifier: "s"), to: try sim.run([.launch]).state)
        }
        // A system kill keeps the transfers: the relaunch happens.
        let killed = try sim.run([.launch, .background, .terminate(by: .system)])
        #expect(
            try sim.apply(.backgroundURLSessionEvents(identifier: "s"), to: killed.state).methods.contains(
                Self.events[0]))
    }
}
