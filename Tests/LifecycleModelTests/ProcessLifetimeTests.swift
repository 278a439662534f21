import Testing

@testable import LifecycleModel

/// What only a running process has (`AppProcess`: its windows, an interruption, the
/// BGTask identifiers and a pending push token) ends with it, by construction: a
/// process that ends is replaced with an empty one, and no rule may give a process
/// that is not running any of it (issue #22 item 5). Over random walks of every kind
/// on sceneless, scene, SwiftUI and iPad configs, with every observer channel on: in
/// every state the app is not running, the process holds nothing; only an inactive
/// app has an interruption; in a scene app each attached scene has one window and no
/// other scene has any (scene sessions outlive the process, their windows do not, so
/// a process that is not running has no attached scene); a termination by the user or
/// the system always leaves the process empty; and a launch after it starts from
/// nothing (its windows are the launch's own).
@Suite struct ProcessLifetimeTests {
    static let configs: [(String, LifecycleKind, @Sendable (inout SessionConfig) -> Void)] = [
        ("11.0", .app, { $0.backgroundModes = [.fetch, .remoteNotification, .location] }),
        ("13.0", .app, { $0.stateRestoration = true }),
        (
            "17.0", .scene,
            {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
                $0.backgroundModes = [.fetch, .processing, .remoteNotification]
                $0.backgroundTasks = [.init(identifier: "com.example.clean", kind: .processing)]
            }
        ),
        ("17.0", .scene, { $0.ui = .swiftUI }),
        ("18.0", .app, { $0.tabs = ["home", "search"] }),
    ]

    @Test(arguments: 0..<configs.count)
    func aProcessThatIsNotRunningHoldsNothing(_ index: Int) throws {
        let (version, lifecycle, configure) = Self.configs[index]
        let sim = Simulator(config: observedConfig(lifecycle, version, ObserverChannel.allCases, configure))
        var ended = 0
        var heldWhileRunning = 0
        var interrupted = 0
        for seed in 0..<6 {
            var rng = SplitMix64(seed: UInt64(9100 + seed * 17 + index))
            var state = AppSnapshot()
            for step in 0..<150 {
                let context = "\(version) \(lifecycle) seed \(seed) step \(step)"
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                let action = kind.random(using: &rng, in: state)
                guard let next = try? sim.apply(action, to: state).state else { continue }
                if next.app == .notRunning {
                    #expect(next.process == AppProcess(), "\(context): \(action) left \(next.process)")
                    #expect(next.windows.isEmpty && next.interruption == nil, "\(context)")
                    #expect(next.registeredBackgroundTasks.isEmpty && !next.pushTokenPending, "\(context)")
                    if state.app != .notRunning { ended += 1 }
                } else if !next.windows.isEmpty || !next.registeredBackgroundTasks.isEmpty {
                    heldWhileRunning += 1
                }
                // A scene's window lives while its scene is attached: one window for each
                // attached scene, none for a scene that is not (nor for a discarded one).
                if lifecycle == .scene {
                    for scene in next.scenes {
                        let windows = next.windows.filter { $0.sceneId == scene.id }.count
                        #expect(
                            windows == (scene.state.isConnected ? 1 : 0),
                            "\(context): \(action) left scene \(scene.id) \(scene.state) with \(windows) windows")
                    }
                    let ids = Set(next.scenes.map(\.id))
                    #expect(next.windows.allSatisfy { $0.sceneId.map(ids.contains) == true }, "\(context): \(action)")
                    if next.app == .notRunning {
                        #expect(!next.scenes.contains { $0.state.isConnected }, "\(context): \(action)")
                    }
                }
                #expect(next.windowsFollowScenes, "\(context): \(action)")
                // An interruption covers an app on screen: only an inactive one has it.
                if let interruption = next.interruption {
                    #expect(next.app == .inactive, "\(context): \(action) left \(interruption) while \(next.app)")
                    interrupted += 1
                }
                state = next
            }
            // Terminations of a running app, by the user and by the system, end with nothing.
            for cause in [TerminationCause.user, .system] {
                guard state.app != .notRunning, let out = try? sim.apply(.terminate(by: cause), to: state) else {
                    continue
                }
                #expect(out.state.app == .notRunning && out.state.process == AppProcess(), "\(version) \(cause)")
                ended += 1
            }
        }
        // The walks ran processes that held something, and ended many of them.
        #expect(heldWhileRunning > 50, "\(version) \(lifecycle): \(heldWhileRunning) states held windows or tasks")
        #expect(ended > 5, "\(version) \(lifecycle): \(ended) processes ended")
        #expect(interrupted > 0, "\(version) \(lifecycle): no interruption reached")
    }

    /// A relaunch starts from nothing: the windows after a launch that follows a
    /// termination are exactly those of the first launch, however many the process
    /// had before it ended.
    @Test func aRelaunchStartsFromNothing() throws {
        var config = SessionConfig(lifecycle: .scene, iosVersion: IOSVersion("17.0")!)
        config.device = .ipad
        config.supportsMultipleScenes = true
        let sim = Simulator(config: config)
        let first = try sim.apply(.launch, to: AppSnapshot()).state
        var state = first
        state = try sim.apply(.openScene(by: .user), to: state).state
        state = try sim.apply(.present(name: "sheet", style: .pageSheet, sceneId: nil), to: state).state
        #expect(state.windows.count == 2)
        state = try sim.apply(.terminate(by: .system), to: state).state
        #expect(state.process == AppProcess())
        let relaunched = try sim.apply(.launch, to: state).state
        #expect(relaunched.windows.count == first.windows.count)
        #expect(relaunched.windows.map(\.contexts.count) == first.windows.map(\.contexts.count))
    }
}
