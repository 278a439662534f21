import LifecycleModel
import Testing

/// Random action sequences in SwiftUI sessions: every action kind runs, and the
/// phases the app sees stay consistent with the scenes (breadth §7.3–7.4).
@Suite struct SwiftUIRandomSequenceTests {
    static let configs: [@Sendable () -> Simulator] = [
        {
            swiftUISimulator {
                $0.backgroundModes = Set(BackgroundMode.allCases)
                $0.notificationCenterDelegate = true
            }
        },
        {
            swiftUISimulator("14.0") {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
                $0.stateRestoration = true
                $0.quirks.swiftUIScenePhaseTiming = .beforeSceneCallback
                $0.quirks.swiftUIAdaptorInit = .beforeAppInit
                $0.quirks.swiftUIColdUniversalLinkDelivered = false
                $0.backgroundModes = [.fetch, .remoteNotification]
            }
        },
    ]

    @Test(arguments: 0..<configs.count)
    func phasesFollowTheScenes(_ index: Int) throws {
        let sim = Self.configs[index]()
        for seed in propertySeeds(20) {
            var rng = SplitMix64(seed: UInt64(5000 + seed * 13 + index))
            var state = AppSnapshot()
            var scenePhase: [String: String] = [:]
            var appPhase: String?
            for step in 0..<300 {
                // moveTo is a run of the other kinds in one outcome: a scene may disconnect
                // and connect again inside it, which this per-action bookkeeping cannot
                // follow; its steps are the kinds drawn here anyway.
                let kinds = ActionKind.allCases.filter { $0 != .moveTo }
                let kind = kinds[rng.next(below: kinds.count)]
                let action = kind.random(using: &rng, in: state)
                guard let out = try? sim.apply(action, to: state) else { continue }
                let context = "config \(index) seed \(seed) step \(step) \(action.kind)"
                for c in out.callbacks {
                    // UIKit's delegates and the hosting controllers are SwiftUI's own.
                    #expect(
                        ![.appDelegate, .sceneDelegate, .viewController].contains(c.receiver),
                        "\(context): \(c.receiver)")
                    guard c.method.name == "onChange(of: scenePhase)" else { continue }
                    let from = c.args?["from"]?.stringValue
                    let to = c.args?["to"]?.stringValue
                    #expect(from != to, "\(context): no change")
                    if c.receiver == .scene, let id = c.sceneId {
                        if let last = scenePhase[id] {
                            #expect(from == last, "\(context): \(id) from \(from ?? "") after \(last)")
                        }
                        scenePhase[id] = to
                    } else if c.receiver == .app {
                        if let appPhase {
                            #expect(from == appPhase, "\(context): app from \(from ?? "") after \(appPhase)")
                        }
                        appPhase = to
                    }
                }
                let s = out.state
                if s.app == .notRunning {
                    scenePhase = [:]
                    appPhase = nil
                }
                scenePhase = scenePhase.filter { id, _ in s.scenes.contains { $0.id == id && $0.state != .unattached } }
                // Each scene's last phase is its state's (breadth §7.3).
                for scene in s.scenes {
                    guard let phase = scenePhase[scene.id] else { continue }
                    let expected =
                        switch scene.state {
                        case .foregroundActive: "active"
                        case .foregroundInactive: "inactive"
                        default: "background"
                        }
                    #expect(phase == expected, "\(context): \(scene.id) phase \(phase) in \(scene.state)")
                }
                // The App's phase aggregates them ([A-phase], DOC).
                let phases = Set(scenePhase.values)
                if !phases.isEmpty, let appPhase {
                    let aggregate =
                        phases.contains("active") ? "active" : phases.contains("inactive") ? "inactive" : "background"
                    #expect(appPhase == aggregate, "\(context): app \(appPhase), scenes \(scenePhase)")
                }
                state = s
            }
        }
    }
}
