import LifecycleModel
import Testing

/// Prewarming (breadth §3) and remote-notification registration (breadth §4).
@Suite struct PrewarmAndPushTests {
    func simulator(
        _ lifecycle: LifecycleKind, _ version: String = "17.0", _ configure: (inout SessionConfig) -> Void = { _ in }
    ) -> Simulator {
        lifecycle == .app ? appSimulator(version, configure) : sceneSimulator(version, configure)
    }

    /// breadth §3.1 (DOC, [A-launch]): by default a prewarm stops before
    /// UIApplicationMain: no callback, the state shows a paused prewarm; the later launch
    /// runs the whole launch once.
    @Test(arguments: LifecycleKind.allCases)
    func prewarmBeforeMainMakesNoCallback(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle)
        let pre = try sim.apply(.prewarm, to: AppSnapshot())
        #expect(pre.callbacks.isEmpty)
        #expect(pre.state.app == .notRunning)
        #expect(pre.state.prewarm == PrewarmSnapshot(stoppedAt: .beforeMain, paused: true))
        let launched = try sim.apply(.launch, to: pre.state)
        #expect(launched.methods.filter { $0 == "application(_:didFinishLaunchingWithOptions:)" }.count == 1)
        #expect(launched.state.app == .active)
        #expect(launched.state.prewarm == PrewarmSnapshot(stoppedAt: .beforeMain, paused: false))
        // A new process is no longer the prewarmed one.
        let relaunched = try sim.run([.terminate(by: .system), .launch], from: launched.state)
        #expect(relaunched.state.prewarm == nil)
    }

    /// breadth §3.2 (iOS 15 logs; quirk prewarmStopsAt afterDidFinish) and §3.4 (DOC
    /// resume): will/didFinishLaunching in the background, no scene connects; the
    /// launch continues with the scene connection, willEnterForeground and
    /// didBecomeActive, without a second didFinishLaunching.
    @Test func prewarmAfterDidFinishThenLaunchContinues() throws {
        let sim = sceneSimulator("15.0") { $0.quirks.prewarmStopsAt = .afterDidFinish }
        let pre = try sim.apply(.prewarm, to: AppSnapshot())
        #expect(
            pre.calls == [
                "application(_:willFinishLaunchingWithOptions:) [background]",
                "application(_:didFinishLaunchingWithOptions:) [background]",
            ])
        #expect(pre.state.scenes.isEmpty)
        #expect(pre.state.app == .suspended)
        let launched = try sim.apply(.launch, to: pre.state)
        #expect(
            launched.sceneCalls == [
                "application(_:configurationForConnecting:options:) [background]",
                "scene(_:willConnectTo:options:) [background] scene-1/unattached",
                "sceneWillEnterForeground(_:) [background] scene-1/background",
                "sceneDidBecomeActive(_:) [active] scene-1/foregroundActive",
            ])
        #expect(launched.state.prewarm?.paused == false)
        // Sceneless: the launched-into-background resume of facts §3.6.
        let app = appSimulator("17.0") { $0.quirks.prewarmStopsAt = .afterDidFinish }
        let resumed = try app.run([.prewarm, .launch])
        #expect(
            resumed.calls == [
                "applicationWillEnterForeground(_:) [background]", "applicationDidBecomeActive(_:) [active]",
            ])
    }

    /// Issue #38 ([SENTRY1897], [FIR9362]: the launch pauses between viewDidLoad and
    /// viewWillAppear): in a scene app `throughViewDidLoad` connects the scene and loads
    /// its root during the prewarm, in the background; the user's launch goes on from
    /// viewWillAppear with sceneWillEnterForeground and sceneDidBecomeActive, and neither
    /// the launch nor the connection repeats.
    @Test(arguments: [UIFramework.uikit, .swiftUI])
    func prewarmThroughViewDidLoadConnectsTheSceneOfASceneApp(_ ui: UIFramework) throws {
        let sim = sceneSimulator("17.0") {
            $0.quirks.prewarmStopsAt = .throughViewDidLoad
            $0.ui = ui
        }
        let pre = try sim.apply(.prewarm, to: AppSnapshot())
        #expect(pre.state.app == .suspended)
        #expect(pre.state.scenes.map(\.state) == [.suspended])
        let launched = try sim.apply(.launch, to: pre.state)
        #expect(launched.state.app == .active && launched.state.scenes.map(\.state) == [.foregroundActive])
        guard ui == .uikit else {
            // SwiftUI: the scene phase goes active at the launch, connected in the prewarm.
            #expect(pre.lines.contains { $0.contains("configurationForConnecting") })
            #expect(!launched.lines.contains { $0.contains("willConnect") || $0.contains("didFinishLaunching") })
            return
        }
        #expect(
            pre.lines == [
                "appDelegate application(_:willFinishLaunchingWithOptions:)",
                "appDelegate application(_:didFinishLaunchingWithOptions:)",
                "appDelegate application(_:configurationForConnecting:options:)",
                "sceneDelegate scene(_:willConnectTo:options:)",
                "root loadView()", "root viewDidLoad()",
            ])
        #expect(
            launched.lines == [
                "root viewWillAppear(_:)", "root viewIsAppearing(_:)", "root viewWillLayoutSubviews()",
                "root viewDidLayoutSubviews()", "sceneDelegate sceneWillEnterForeground(_:)",
                "sceneDelegate sceneDidBecomeActive(_:)", "root viewDidAppear(_:)",
            ])
        // The prewarm depths before it connect no scene.
        let after = try sceneSimulator("17.0") { $0.quirks.prewarmStopsAt = .afterDidFinish }.apply(
            .prewarm, to: AppSnapshot())
        #expect(after.state.scenes.isEmpty)
    }

    /// breadth §3.1 (DOC): prewarming is iOS 15+, of a process that does not exist yet.
    @Test func prewarmRefusals() throws {
        for version in ["13.0", "14.8"] {
            do {
                _ = try sceneSimulator(version).apply(.prewarm, to: AppSnapshot())
                Issue.record("prewarm on iOS \(version)")
            } catch {
                #expect(error.needs.contains("iosVersion 15.0"))
            }
        }
        let sim = sceneSimulator("27.0")
        #expect(throws: ActionRefusal.self) { try sim.apply(.prewarm, to: try sim.run([.launch]).state) }
        #expect(throws: ActionRefusal.self) { try sim.run([.prewarm, .prewarm]) }
        #expect(sim.allowedActions(in: AppSnapshot()).contains(.prewarm))
        #expect(!sceneSimulator("14.0").allowedActions(in: AppSnapshot()).contains(.prewarm))
        // The system may discard a paused prewarm (breadth §3.1).
        #expect(try sim.run([.prewarm, .terminate(by: .system)]).state.prewarm == nil)
    }

    /// breadth §4.1, §4.2 (DOC, [A-regrn], [A-apns]) and §4.5 (DOC, [A-adaptor]): an app
    /// that registers gets its token at every launch, on the app delegate in scene apps
    /// too; by default after didBecomeActive (quirk pushTokenDelivery, breadth §4.4).
    @Test(arguments: LifecycleKind.allCases)
    func tokenOnEveryLaunchAfterDidBecomeActive(_ lifecycle: LifecycleKind) throws {
        let sim = simulator(lifecycle) { $0.registersForRemoteNotifications = true }
        let token = "application(_:didRegisterForRemoteNotificationsWithDeviceToken:)"
        let active = lifecycle == .app ? "applicationDidBecomeActive(_:)" : "sceneDidBecomeActive(_:)"
        let first = try sim.run([.launch])
        #expect(first.methods.suffix(2) == [active, token])
        #expect(first.delegateCallbacks.last?.receiver == .appDelegate)
        // Once per launch: not on a return from the background; again after a relaunch.
        #expect(!(try sim.run([.background, .launch], from: first.state)).methods.contains(token))
        #expect(
            try sim.run([.terminate(by: .system), .launch], from: first.state).methods.filter { $0 == token }.count == 1
        )
        // Without registering, no token.
        #expect(!(try simulator(lifecycle).run([.launch])).methods.contains(token))
    }

    /// Quirk pushTokenDelivery: before didBecomeActive, or never ([BLOG14]).
    @Test func tokenDeliveryQuirk() throws {
        let token = "application(_:didRegisterForRemoteNotificationsWithDeviceToken:)"
        let before = try sceneSimulator {
            $0.registersForRemoteNotifications = true
            $0.quirks.pushTokenDelivery = .beforeDidBecomeActive
        }.run([.launch])
        #expect(before.methods.suffix(2) == [token, "sceneDidBecomeActive(_:)"])
        let never = try sceneSimulator {
            $0.registersForRemoteNotifications = true
            $0.quirks.pushTokenDelivery = .never
        }.run([.launch])
        #expect(!never.methods.contains(token))
        // A launch into the background gets it after the event's handler.
        let bg = try appSimulator("17.0") { $0.registersForRemoteNotifications = true }
            .apply(.backgroundURLSessionEvents(identifier: "s"), to: AppSnapshot())
        #expect(bg.methods.last == token)
    }
}
