import LifecycleModel
import Testing

/// Long random action sequences on several configs hold facts §2's invariants.
@Suite struct RandomSequenceTests {
    static let configs: [(String, @Sendable (inout SessionConfig) -> Void)] = [
        ("11.0", { $0.stateRestoration = true }),
        (
            "12.4",
            {
                $0.notificationCenterDelegate = true
                $0.backgroundModes = Set(BackgroundMode.allCases)
            }
        ),
        (
            "13.2",
            {
                $0.stateRestoration = true
                $0.quirks.switcherKillSequence = .resignActiveEnterBackgroundThenTerminate
                $0.quirks.protectedDataDelay = 0
                $0.backgroundModes = [.fetch]
            }
        ),
        (
            "17.0",
            {
                $0.backgroundModes = [.remoteNotification, .location]
                $0.quirks.didEnterBackgroundOnBackgroundLaunch = false
            }
        ),
        (
            "26.0",
            {
                $0.notificationCenterDelegate = true
                $0.stateRestoration = true
                $0.quirks.orientationQueries = true
            }
        ),
        // Issue #11: BGTasks (the identifiers RunBackgroundTaskAction.random draws), push
        // registration and prewarming, on an iOS 27 device running an iOS 26 binary.
        (
            "27.0",
            {
                $0.sdkVersion = IOSVersion("26.0")
                $0.backgroundModes = [.fetch, .processing]
                $0.backgroundTasks = [
                    .init(identifier: "com.example.refresh", kind: .appRefresh),
                    .init(identifier: "com.example.cleanup", kind: .processing),
                ]
                $0.registersForRemoteNotifications = true
                $0.stateRestoration = true
                $0.quirks.prewarmStopsAt = .afterDidFinish
            }
        ),
        (
            "15.0",
            {
                $0.backgroundModes = [.fetch]
                $0.registersForRemoteNotifications = true
                $0.backgroundTasks = [.init(identifier: "com.example.refresh", kind: .appRefresh)]
                $0.quirks.pushTokenDelivery = .beforeDidBecomeActive
                $0.quirks.backgroundTaskExpirationLead = 3
            }
        ),
    ]

    @Test(arguments: 0..<configs.count)
    func invariantsHoldOverRandomSequences(_ index: Int) throws {
        let (version, configure) = Self.configs[index]
        let sim = appSimulator(version, configure)
        for seed in propertySeeds(20) {
            var rng = SplitMix64(seed: UInt64(seed * 31 + index))
            var state = AppSnapshot()
            var checker = InvariantChecker()
            for step in 0..<300 {
                let action = randomAction(&rng, state: state)
                do {
                    let out = try sim.apply(action, to: state)
                    checker.check(
                        action: action, before: state, after: out, context: "\(version) seed \(seed) step \(step)")
                    state = out.state
                } catch {
                    // A refusal changes nothing by construction (the input is a value);
                    // it must also agree with allowedActions: the kind is offered only
                    // when another of its variants is accepted (terminate by the system
                    // where the user's is refused, the first running task's id, …).
                    let offered = sim.allowedActions(in: state).contains(action.kind)
                    let another = sim.variants(of: action.kind, in: state).contains {
                        $0.action != action && (try? sim.apply($0.action, to: state)) != nil
                    }
                    #expect(!offered || another, "refused \(action.kind) that allowedActions offers in \(state.app)")
                }
            }
        }
    }

    /// Every kind, drawn from `ActionKind.allCases`, with its own random members: a
    /// new action is in these sequences without a change here.
    private func randomAction(_ rng: inout SplitMix64, state: AppSnapshot) -> Action {
        let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
        return kind.random(using: &rng, in: state)
    }
}

/// facts §2, checked action by action and across actions.
struct InvariantChecker {
    /// Between didBecomeActive and willResignActive.
    private var active = false
    /// Scene apps: the app-delegate foreground checks do not apply (scenes have their own).
    let scenes: Bool

    init(scenes: Bool = false) { self.scenes = scenes }

    mutating func check(action: Action, before: AppSnapshot, after out: ActionOutcome, context: String) {
        let methods = out.callbacks.map(\.method.name)
        for (i, c) in out.callbacks.enumerated() {
            // §1 / §2.2: callbacks only ever run inactive, active or background.
            #expect(c.appState.isExecuting, "\(context): \(c.method) in \(c.appState)")
            switch scenes ? "" : c.method.name {
            case "applicationDidBecomeActive(_:)":
                #expect(!active, "\(context): didBecomeActive twice")
                active = true
            case "applicationWillResignActive(_:)":
                #expect(active, "\(context): resign while not active")
                active = false
            case "applicationDidEnterBackground(_:)":
                // §2.1: leaving the foreground is resign-active, then did-enter-background.
                #expect(!active, "\(context): didEnterBackground while active")
            case "applicationWillEnterForeground(_:)":
                // §2.1: followed, within the same action, by didBecomeActive.
                #expect(
                    methods[(i + 1)...].contains("applicationDidBecomeActive(_:)"),
                    "\(context): willEnterForeground without didBecomeActive")
            case "applicationWillTerminate(_:)":
                // §2.3: only a running app, and it is the last callback.
                #expect(before.app.isExecuting, "\(context): willTerminate for a \(before.app) app")
                #expect(i == out.callbacks.count - 1, "\(context): willTerminate not last")
                active = false
            case "applicationDidReceiveMemoryWarning(_:)":
                #expect(before.app.isExecuting, "\(context): memory warning to a \(before.app) app")
            default: break
            }
        }
        if out.state.app == .notRunning { active = false }
        // §2.2: a kill or warning of a suspended or not-running app is silent.
        if !before.app.isExecuting,
            action.kind == .terminate || action.kind == .memoryWarning || action.kind == .advanceTime
        {
            #expect(out.callbacks.isEmpty, "\(context): \(action.kind) of a \(before.app) app made callbacks")
        }
        // §2.4: a cold-launch payload comes in the launch options, then its handler.
        if before.app == .notRunning, let did = methods.firstIndex(of: "application(_:didFinishLaunchingWithOptions:)")
        {
            let handlers = [
                "application(_:open:options:)", "application(_:continue:restorationHandler:)",
                "application(_:didReceiveRemoteNotification:fetchCompletionHandler:)",
                "application(_:performActionFor:completionHandler:)",
                "userNotificationCenter(_:didReceive:withCompletionHandler:)",
            ]
            for h in handlers {
                if let at = methods.firstIndex(of: h) {
                    #expect(at > did, "\(context): \(h) before didFinishLaunching")
                }
            }
        }
        // State consistency.
        let s = out.state
        #expect(
            (s.interruption != nil) == (s.app == .inactive),
            "\(context): interruption \(String(describing: s.interruption)) in \(s.app)")
        #expect(!(s.locked && (s.app == .active || s.app == .inactive)), "\(context): foreground while locked")
        #expect(s.backgroundTasks.isEmpty || s.app.isExecuting, "\(context): tasks in a \(s.app) app")
        #expect(s.clock >= before.clock, "\(context): time went back")
        #expect(
            scenes || (s.app == .active) == active || s.app != .active,
            "\(context): active state without didBecomeActive")
    }
}

/// A small, seedable generator so every run sees the same sequences.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextValue() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below n: Int) -> Int { Int(nextValue() % UInt64(n)) }
    mutating func next() -> UInt64 { nextValue() }
}
