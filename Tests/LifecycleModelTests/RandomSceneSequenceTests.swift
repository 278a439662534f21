import LifecycleModel
import Testing

/// Random action sequences on scene configs: LIFECYCLE.md §2's invariants per scene.
@Suite struct RandomSceneSequenceTests {
    static let configs: [@Sendable () -> Simulator] = [
        { sceneSimulator() },
        { iPadSimulator { $0.stateRestoration = true; $0.notificationCenterDelegate = true; $0.backgroundModes = [.fetch, .remoteNotification] } },
        { iPadSimulator { $0.quirks.switcherKillSequence = .resignActiveEnterBackgroundThenTerminate; $0.quirks.warmHandlerPosition = .afterDidBecomeActive } },
        { sceneSimulator("13.0") { $0.backgroundModes = Set(BackgroundMode.allCases); $0.quirks.protectedDataDelay = 0 } },
    ]

    @Test(arguments: 0..<configs.count)
    func perSceneInvariants(_ index: Int) throws {
        let sim = Self.configs[index]()
        for seed in 0..<20 {
            var rng = SplitMix64(seed: UInt64(1000 + seed * 7 + index))
            var state = AppSnapshot()
            var appChecker = InvariantChecker(scenes: true)
            var active = Set<String>()
            for step in 0..<300 {
                let action = randomSceneAction(&rng, state: state)
                guard let out = try? sim.apply(action, to: state) else { continue }
                let context = "config \(index) seed \(seed) step \(step) \(action.kind)"
                appChecker.check(action: action, before: state, after: out, context: context)
                let methods = out.callbacks.map(\.method)
                for (i, c) in out.callbacks.enumerated() {
                    guard let id = c.sceneId else {
                        // DOC: the app delegate hears none of these in a scene app.
                        #expect(!["applicationDidBecomeActive(_:)", "applicationWillResignActive(_:)",
                                  "applicationDidEnterBackground(_:)", "applicationWillEnterForeground(_:)"].contains(c.method), "\(context)")
                        continue
                    }
                    switch c.method {
                    case "scene(_:willConnectTo:options:)":
                        #expect(c.sceneState == .unattached, "\(context): connect of a \(String(describing: c.sceneState)) scene")
                    case "sceneWillEnterForeground(_:)":
                        let rest = out.callbacks[(i + 1)...]
                        #expect(rest.contains { $0.sceneId == id && $0.method == "sceneDidBecomeActive(_:)" }, "\(context): \(id) entered without becoming active")
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
                if states.contains(.foregroundActive) { #expect(s.app == .active, "\(context)") }
                else if states.contains(.foregroundInactive) { #expect(s.app == .inactive, "\(context)") }
                else { #expect(s.app != .active && s.app != .inactive, "\(context): app \(s.app) with no scene on screen") }
                if s.app == .notRunning { #expect(s.scenes.allSatisfy { $0.state == .unattached }, "\(context)") }
                if !sim.profile.multipleScenes { #expect(s.scenes.count <= 1, "\(context)") }
                state = s
            }
        }
    }

    private func randomSceneAction(_ rng: inout SplitMix64, state: AppSnapshot) -> Action {
        let ids = state.scenes.map(\.id)
        let someScene: String? = ids.isEmpty || rng.next(below: 3) == 0 ? nil : ids[rng.next(below: ids.count)]
        switch rng.next(below: 20) {
        case 0, 1: return .launch
        case 2: return .background
        case 3: return .openURL(url: "app://x")
        case 4: return .openUniversalLink(url: "https://e.com/")
        case 5: return .tapNotification(payload: .object(["aps": .object(["alert": .string("x")])]))
        case 6: return .terminate(by: rng.next(below: 2) == 0 ? .user : .system)
        case 7: return .interruptionBegan(kind: .call)
        case 8: return .interruptionEnded(outcome: rng.next(below: 2) == 0 ? .resume : .leave)
        case 9: return rng.next(below: 2) == 0 ? .lock : .unlock
        case 10: return .openScene(by: rng.next(below: 2) == 0 ? .user : .system)
        case 11: return .activateScene(sceneId: someScene)
        case 12: return .closeScene(sceneId: someScene)
        case 13: return .disconnectScene(sceneId: someScene)
        case 14: return .quickAction(shortcutType: "q")
        case 15: return .receiveNotification(payload: .object(["aps": .object(["content-available": .number("1")])]))
        case 16: return .backgroundFetch
        case 17: return .beginBackgroundTask(name: nil)
        case 18: return .memoryWarning
        default: return .advanceTime(seconds: Double(rng.next(below: 40)))
        }
    }
}
