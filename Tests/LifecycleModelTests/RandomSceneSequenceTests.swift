import LifecycleModel
import Testing

/// Random action sequences on scene configs: facts §2's invariants per scene.
@Suite struct RandomSceneSequenceTests {
    static let configs: [@Sendable () -> Simulator] = [
        { sceneSimulator() },
        {
            iPadSimulator {
                $0.stateRestoration = true
                $0.notificationCenterDelegate = true
                $0.backgroundModes = [.fetch, .remoteNotification]
            }
        },
        {
            iPadSimulator {
                $0.quirks.switcherKillSequence = .resignActiveEnterBackgroundThenTerminate
                $0.quirks.warmHandlerPosition = .afterDidBecomeActive
            }
        },
        {
            sceneSimulator("13.0") {
                $0.backgroundModes = Set(BackgroundMode.allCases)
                $0.quirks.protectedDataDelay = 0
            }
        },
        // issue #12 item 5: a SwiftUI App life-cycle session (its phases: SwiftUIRandomSequenceTests).
        {
            swiftUISimulator {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
                $0.notificationCenterDelegate = true
                $0.backgroundModes = Set(BackgroundMode.allCases)
            }
        },
        // Issue #11: BGTasks, URL sessions, prewarming and push on iOS 27.
        {
            sceneSimulator("27.0") {
                $0.backgroundModes = [.fetch, .processing]
                $0.registersForRemoteNotifications = true
                $0.backgroundTasks = [
                    .init(identifier: "com.example.refresh", kind: .appRefresh),
                    .init(identifier: "com.example.cleanup", kind: .processing),
                ]
                $0.quirks.bgTaskConnectsScene = true
                $0.quirks.prewarmStopsAt = .afterDidFinish
            }
        },
        {
            iPadSimulator {
                $0.quirks.lastWindowCloseTerminates = true
                $0.registersForRemoteNotifications = true
                $0.backgroundTasks = [.init(identifier: "com.example.refresh", kind: .appRefresh)]
                $0.backgroundModes = [.fetch]
            }
        },
    ]

    @Test(arguments: 0..<configs.count)
    func perSceneInvariants(_ index: Int) throws {
        let sim = Self.configs[index]()
        for seed in propertySeeds(20) {
            var rng = SplitMix64(seed: UInt64(1000 + seed * 7 + index))
            var state = AppSnapshot()
            var appChecker = InvariantChecker(scenes: true)
            var active = Set<String>()
            for step in 0..<300 {
                let action = randomSceneAction(&rng, state: state)
                guard let out = try? sim.apply(action, to: state) else { continue }
                let context = "config \(index) seed \(seed) step \(step) \(action.kind)"
                appChecker.check(action: action, before: state, after: out, context: context)
                let methods = out.callbacks.map(\.method.name)
                for (i, c) in out.callbacks.enumerated() {
                    guard let id = c.sceneId else {
                        // DOC: the app delegate hears none of these in a scene app.
                        #expect(
                            ![
                                "applicationDidBecomeActive(_:)", "applicationWillResignActive(_:)",
                                "applicationDidEnterBackground(_:)", "applicationWillEnterForeground(_:)",
                            ].contains(c.method.name), "\(context)")
                        continue
                    }
                    switch c.method.name {
                    case "scene(_:willConnectTo:options:)":
                        #expect(
                            c.sceneState == .unattached,
                            "\(context): connect of a \(String(describing: c.sceneState)) scene")
                    case "sceneWillEnterForeground(_:)":
                        let rest = out.callbacks[(i + 1)...]
                        #expect(
                            rest.contains { $0.sceneId == id && $0.method.name == "sceneDidBecomeActive(_:)" },
                            "\(context): \(id) entered without becoming active")
                    case "sceneDidBecomeActive(_:)":
                        #expect(!active.contains(id), "\(context): \(id) active twice")
                        active.insert(id)
                    case "sceneWillResignActive(_:)":
                        #expect(active.contains(id), "\(context): \(id) resigned while not active")
                        active.remove(id)
                    case "sceneDidEnterBackground(_:)", "sceneDidDisconnect(_:)":
                        #expect(!active.contains(id), "\(context): \(c.method) while \(id) active")
                    default: break
                    }
                }
                _ = methods
                let s = out.state
                if s.app == .notRunning { active = [] }
                // Sessions that are gone are not active.
                active = active.filter { id in s.scenes.contains { $0.id == id && $0.state == .foregroundActive } }
                // The app state is that of the most active scene ([A-state], DOC).
                let states = s.scenes.map(\.state)
                if states.contains(.foregroundActive) {
                    #expect(s.app == .active, "\(context)")
                } else if states.contains(.foregroundInactive) {
                    #expect(s.app == .inactive, "\(context)")
                } else {
                    #expect(s.app != .active && s.app != .inactive, "\(context): app \(s.app) with no scene on screen")
                }
                if s.app == .notRunning { #expect(s.scenes.allSatisfy { $0.state == .unattached }, "\(context)") }
                if !sim.profile.multipleScenes { #expect(s.scenes.count <= 1, "\(context)") }
                state = s
            }
        }
    }

    /// Every kind, drawn from `ActionKind.allCases`, with its own random members.
    private func randomSceneAction(_ rng: inout SplitMix64, state: AppSnapshot) -> Action {
        let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
        return kind.random(using: &rng, in: state)
    }
}
