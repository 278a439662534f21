import LifecycleModel
import Testing

/// Random walks of every action kind with all seven channels on (issue #20, "What must
/// hold"): the delegates' callbacks are those of the same walk without observers; no
/// lens repeats a state; Flutter takes only its framework's steps; MAUI's
/// Activated/Deactivated alternate per window (and its Window never throws); the
/// app-level notifications alternate.
@Suite struct ObserverRandomWalkTests {
    static let configs: [(String, LifecycleKind, @Sendable (inout SessionConfig) -> Void)] = [
        ("12.0", .app, { $0.quirks.notificationCenterPullReactivates = true }),
        ("15.0", .app, { $0.quirks.prewarmStopsAt = .throughViewDidLoad }),
        ("13.0", .scene, { $0.notificationCenterDelegate = true }),
        (
            "17.0", .scene,
            {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
                $0.backgroundModes = [.fetch, .remoteNotification]
            }
        ),
        ("17.0", .scene, { $0.ui = .swiftUI }),
        ("18.0", .scene, { $0.quirks.prewarmStopsAt = .afterDidFinish }),
        // Issue #38's quirks and breadth: a quick kill, the blog's orders, two first-display
        // passes, a restored stack; an iOS 26 app with every kind of BGTask, prewarmed
        // through viewDidLoad.
        (
            "16.0", .scene,
            {
                $0.quirks.quickKillSecondScene = true
                $0.quirks.navigationWillAppearFirst = true
                $0.quirks.rootDidAppearBeforeDidBecomeActive = true
                $0.quirks.firstDisplayLayoutPasses = 2
            }
        ),
        ("11.0", .app, { $0.stateRestoration = true }),
        (
            "26.0", .scene,
            {
                $0.quirks.prewarmStopsAt = .throughViewDidLoad
                $0.backgroundModes = [.fetch, .processing]
                $0.backgroundTasks = [
                    .init(identifier: "com.example.refresh", kind: .appRefresh),
                    .init(identifier: "com.example.cleanup", kind: .processing),
                    .init(identifier: "com.example.export", kind: .continuedProcessing),
                ]
            }
        ),
    ]

    @Test(arguments: 0..<configs.count)
    func observersNeverChangeTheDelegatesAndEachChannelKeepsItsRules(_ index: Int) throws {
        let (version, lifecycle, configure) = Self.configs[index]
        let observed = Simulator(config: observedConfig(lifecycle, version, ObserverChannel.allCases, configure))
        var plainConfig = observedConfig(lifecycle, version, [], configure)
        plainConfig.observers = []
        let plain = Simulator(config: plainConfig)
        var seen: Set<Receiver> = []
        for seed in propertySeeds(6) {
            var rng = SplitMix64(seed: UInt64(4000 + seed * 13 + index))
            var withObservers = AppSnapshot()
            var without = AppSnapshot()
            var checker = ChannelChecker()
            for step in 0..<150 {
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                let action = kind.random(using: &rng, in: without)
                let context = "\(version) \(lifecycle) seed \(seed) step \(step) \(action.kind)"
                let a = try? observed.apply(action, to: withObservers)
                let b = try? plain.apply(action, to: without)
                #expect((a == nil) == (b == nil), "\(context): refused by one only")
                guard let a, let b else { continue }
                let delegates = a.callbacks.filter { !$0.receiver.isObserver }
                #expect(delegates == b.callbacks, "\(context): observers changed the delegates' callbacks")
                #expect(a.state.app == b.state.app && a.state.scenes == b.state.scenes, "\(context): state differs")
                // One process at a time: a moveTo's path may end the process and start
                // another (terminate, then a background task's launch), so its steps
                // are checked one by one.
                var before = without
                var rest = a.callbacks[...]
                for taken in a.steps.isEmpty ? [TakenStep(action: action, callbackCount: rest.count)] : a.steps {
                    if before.app == .notRunning { checker.newProcess() }
                    checker.check(Array(rest.prefix(taken.callbackCount)), context: context)
                    rest = rest.dropFirst(taken.callbackCount)
                    if !a.steps.isEmpty { before = (try? plain.apply(taken.action, to: before).state) ?? before }
                }
                seen.formUnion(a.callbacks.map(\.receiver).filter(\.isObserver))
                for lens in a.state.observers?.lenses ?? [] {
                    if case .maui(let run) = lens {
                        #expect(run.state.rejectedCalls == 0, "\(context): MAUI's Window would throw")
                    }
                }
                withObservers = a.state
                without = b.state
            }
        }
        // The walks reach the channels they check.
        #expect(
            seen.isSuperset(
                of: [ObserverChannel.notifications, .reactNative, .flutter, .capacitor, .cordova].map(Receiver.observer)
            ))
    }
}

/// The per-channel rules, over one process at a time.
struct ChannelChecker {
    var reactNative: String?
    var flutter: FlutterAppLifecycleState?
    var compose: [String: String] = [:]
    var mauiActivated: [String: Bool] = [:]
    var active: Bool?
    var foreground: Bool?

    mutating func newProcess() { self = ChannelChecker() }

    mutating func check(_ callbacks: [Callback], context: String) {
        for c in callbacks {
            let scene = c.sceneId ?? "-"
            switch (c.receiver, c.method.name) {
            case (.observer(.reactNative), "change"):
                let state = c.args?["state"]?.stringValue
                #expect(state != reactNative, "\(context): React Native repeated \(state ?? "nil")")
                reactNative = state
            case (.observer(.flutter), "didChangeAppLifecycleState"):
                guard let raw = c.args?["state"]?.stringValue, let state = FlutterAppLifecycleState(rawValue: raw)
                else {
                    Issue.record("\(context): Flutter state missing")
                    continue
                }
                // One step of the framework's walk (or the first state of the process).
                #expect(
                    FlutterLens.transitions(from: flutter, to: state) == [state],
                    "\(context): Flutter went \(flutter?.rawValue ?? "nil") → \(raw)")
                flutter = state
            case (.observer(.composeMultiplatform), let event):
                #expect(compose[scene] != event, "\(context): Compose repeated \(event)")
                compose[scene] = event == "ON_DESTROY" ? nil : event
            case (.observer(.maui), "Activated"):
                #expect(mauiActivated[scene] != true, "\(context): MAUI Activated twice @\(scene)")
                mauiActivated[scene] = true
            case (.observer(.maui), "Deactivated"):
                #expect(mauiActivated[scene] == true, "\(context): MAUI Deactivated while not activated @\(scene)")
                mauiActivated[scene] = false
            case (.observer(.maui), "Destroying"):
                mauiActivated[scene] = nil
            case (.observer(.notifications), "UIApplication.didBecomeActiveNotification"):
                #expect(active != true, "\(context): didBecomeActive twice")
                active = true
            case (.observer(.notifications), "UIApplication.willResignActiveNotification"):
                #expect(active == true, "\(context): willResignActive while not active")
                active = false
            case (.observer(.notifications), "UIApplication.willEnterForegroundNotification"):
                #expect(foreground != true, "\(context): willEnterForeground twice")
                foreground = true
            case (.observer(.notifications), "UIApplication.didEnterBackgroundNotification"):
                #expect(foreground != false, "\(context): didEnterBackground twice")
                #expect(active != true, "\(context): didEnterBackground while active")
                foreground = false
            default:
                break
            }
        }
    }
}

extension JSONValue {
    fileprivate var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// Issue #38: every lens reaches its active state at least once after a launch, on
/// every app kind. A random walk of every action kind leaves the app anywhere; then the
/// process ends, the user launches the app, goes Home and comes back (the script
/// bridges hear nothing in the turn their process starts, docs/observers.md). Each lens
/// must have reported its active state since that launch.
@Suite struct LensReachesActiveWalkTests {
    static let kinds: [(String, LifecycleKind, @Sendable (inout SessionConfig) -> Void)] = [
        ("12.0", .app, { _ in }),
        ("15.0", .app, { _ in }),
        ("17.0", .scene, { _ in }),
        ("17.0", .scene, { $0.ui = .swiftUI }),
        (
            "18.0", .scene,
            {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
            }
        ),
        ("26.0", .scene, { $0.quirks.prewarmStopsAt = .throughViewDidLoad }),
    ]

    /// What each lens reports when its app is active.
    static func isActiveState(_ c: Callback) -> Bool {
        switch (c.receiver, c.method.name) {
        case (.observer(.reactNative), "change"): c.args?["state"] == .string("active")
        case (.observer(.flutter), "didChangeAppLifecycleState"): c.args?["state"] == .string("resumed")
        case (.observer(.capacitor), "appStateChange"): c.args?["isActive"] == .bool(true)
        case (.observer(.cordova), "active"), (.observer(.maui), "Activated"),
            (.observer(.composeMultiplatform), "ON_RESUME"):
            true
        default: false
        }
    }

    @Test(arguments: 0..<kinds.count)
    func everyLensReachesItsActiveStateAfterALaunch(_ index: Int) throws {
        let (version, lifecycle, configure) = Self.kinds[index]
        let config = observedConfig(lifecycle, version, ObserverChannel.allCases, configure)
        let simulator = Simulator(config: config)
        // .NET MAUI is the app's own app and scene delegate: it cannot run in a SwiftUI
        // App, whose delegates are SwiftUI's (docs/observers.md).
        let lenses: [Receiver] =
            [
                .observer(.reactNative), .observer(.flutter), .observer(.capacitor), .observer(.cordova),
                .observer(.composeMultiplatform),
            ]
            + (config.ui == .swiftUI ? [] : [.observer(.maui)])
        for seed in propertySeeds(8) {
            var rng = SplitMix64(seed: UInt64(3800 + seed * 31 + index))
            var state = AppSnapshot()
            for _ in 0..<Int.random(in: 0..<60, using: &rng) {
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                if let out = try? simulator.apply(kind.random(using: &rng, in: state), to: state) { state = out.state }
            }
            let context = "\(version) \(lifecycle) \(config.ui) seed \(seed)"
            for recover in [Action.terminate(by: .system), .unlock] {
                if let out = try? simulator.apply(recover, to: state) { state = out.state }
            }
            #expect(state.app == .notRunning && !state.locked, "\(context): \(state.app)")
            var heard: [Callback] = []
            for action in [Action.launch, .background, .launch] {
                let out = try simulator.apply(action, to: state)
                heard += out.callbacks
                state = out.state
            }
            for lens in lenses {
                #expect(heard.contains { $0.receiver == lens && Self.isActiveState($0) }, "\(context): \(lens)")
            }
        }
    }
}
