import LifecycleModel
import Testing

/// A SwiftUI App life-cycle simulator (`ui: "swiftui"`, scene-based, iPhone unless configured).
func swiftUISimulator(_ version: String = "17.0", _ configure: (inout SessionConfig) -> Void = { _ in }) -> Simulator {
    sceneSimulator(version) {
        $0.ui = .swiftUI
        configure(&$0)
    }
}

extension Callback {
    /// "receiver method" plus what says which: the view's name, the phase change.
    var swiftUILine: String {
        var line = "\(receiver.rawValue) \(method)"
        if let name = viewController { line += " \(name)" }
        if let from = args?["from"]?.stringValue, let to = args?["to"]?.stringValue { line += " \(from)→\(to)" }
        return line
    }
}

extension ActionOutcome {
    var swiftUILines: [String] { callbacks.map(\.swiftUILine) }
}

/// breadth §7: the SwiftUI App life cycle, one test per fact (DOC and MULTI, and
/// the SINGLE ones the model follows), and each quirk both ways.
@Suite struct SwiftUILifecycleTests {
    let sim = swiftUISimulator()

    // MARK: breadth §7.1 (DOC by inference, [A-appmain]): App.init before any UIKit call

    @Test func appInitComesBeforeEveryUIKitCallbackOfAColdLaunch() throws {
        let out = try sim.apply(.launch, to: AppSnapshot())
        #expect(
            Array(out.swiftUILines.prefix(4)) == [
                "app App.init()", "appDelegateAdaptor init()",
                "appDelegateAdaptor application(_:willFinishLaunchingWithOptions:)",
                "appDelegateAdaptor application(_:didFinishLaunchingWithOptions:)",
            ])
    }

    @Test func appInitAlsoStartsALaunchIntoTheBackground() throws {
        let s = swiftUISimulator { $0.backgroundModes = [.fetch] }
        let out = try s.apply(.backgroundFetch, to: AppSnapshot())
        #expect(
            out.swiftUILines == [
                "app App.init()", "appDelegateAdaptor init()",
                "appDelegateAdaptor application(_:willFinishLaunchingWithOptions:)",
                "appDelegateAdaptor application(_:didFinishLaunchingWithOptions:)",
                "appDelegateAdaptor application(_:performFetchWithCompletionHandler:)",
            ])
        #expect(out.callbacks.allSatisfy { $0.appState == .background })
    }

    @Test func quirkSwiftUIAdaptorInitPutsTheDelegateFirst() throws {
        let s = swiftUISimulator { $0.quirks.swiftUIAdaptorInit = .beforeAppInit }
        #expect(
            Array(try s.apply(.launch, to: AppSnapshot()).swiftUILines.prefix(3)) == [
                "appDelegateAdaptor init()", "app App.init()",
                "appDelegateAdaptor application(_:willFinishLaunchingWithOptions:)",
            ])
        #expect(s.profile.resolvedQuirks.swiftUIAdaptorInit == .beforeAppInit)
        #expect(sim.profile.resolvedQuirks.swiftUIAdaptorInit == .afterAppInit)
    }

    // MARK: breadth §7.2 (DOC, [A-adaptor]; facts §4.1 DOC): the adaptor hears the app-level calls SwiftUI forwards

    @Test func theAdaptorHearsLaunchTerminationMemoryAndPushButNoActiveOrBackgroundCall() throws {
        let s = swiftUISimulator { $0.backgroundModes = [.remoteNotification] }
        let push = JSONValue.object(["aps": .object(["content-available": .number("1")])])
        var all: [Callback] = []
        var state = AppSnapshot()
        for a in [
            Action.launch, .memoryWarning, .receiveNotification(payload: push), .background, .launch,
            .interruptionBegan(kind: .controlCenter), .interruptionEnded(outcome: .resume), .terminate(by: .system),
        ] {
            let o = try s.apply(a, to: state)
            all += o.callbacks
            state = o.state
        }
        let adaptor = all.filter { $0.receiver == .appDelegateAdaptor }.map(\.method.name)
        #expect(adaptor.contains("applicationDidReceiveMemoryWarning(_:)"))
        #expect(adaptor.contains("application(_:didReceiveRemoteNotification:fetchCompletionHandler:)"))
        #expect(adaptor.last == "applicationWillTerminate(_:)")
        // No app delegate of UIKit's kind, no scene delegate, no app-level foreground calls.
        #expect(!all.contains { [.appDelegate, .sceneDelegate, .viewController].contains($0.receiver) })
        for m in [
            "applicationDidBecomeActive(_:)", "applicationWillResignActive(_:)",
            "applicationDidEnterBackground(_:)", "applicationWillEnterForeground(_:)",
        ] {
            #expect(!adaptor.contains(m), "\(m)")
        }
    }

    @Test func notificationsGoThroughTheNotificationCenterDelegate() throws {
        let s = swiftUISimulator { $0.notificationCenterDelegate = true }
        let payload = JSONValue.object(["aps": .object(["alert": .string("hi")])])
        let cold = try s.apply(.tapNotification(payload: payload), to: AppSnapshot())
        #expect(
            cold.swiftUILines.contains(
                "notificationCenterDelegate userNotificationCenter(_:didReceive:withCompletionHandler:)"))
        let shown = try s.apply(.receiveNotification(payload: payload), to: cold.state)
        #expect(
            shown.swiftUILines == [
                "notificationCenterDelegate userNotificationCenter(_:willPresent:withCompletionHandler:)"
            ])
    }

    // MARK: breadth §7.3 ([JSQ], SINGLE): the phase follows the scene state

    @Test func scenePhaseOverTheLifeCycle() throws {
        let launch = try sim.apply(.launch, to: AppSnapshot())
        #expect(
            launch.callbacks.filter { $0.receiver == .scene }.map(\.swiftUILine) == [
                "scene onChange(of: scenePhase) inactive→active"
            ])
        let home = try sim.apply(.background, to: launch.state)
        #expect(
            home.swiftUILines == [
                "scene onChange(of: scenePhase) active→inactive", "app onChange(of: scenePhase) active→inactive",
                "scene onChange(of: scenePhase) inactive→background",
                "app onChange(of: scenePhase) inactive→background",
            ])
        let back = try sim.apply(.launch, to: home.state)
        #expect(
            back.swiftUILines == [
                "scene onChange(of: scenePhase) background→inactive",
                "app onChange(of: scenePhase) background→inactive",
                "scene onChange(of: scenePhase) inactive→active", "app onChange(of: scenePhase) inactive→active",
            ])
        let cc = try sim.apply(.interruptionBegan(kind: .controlCenter), to: back.state)
        #expect(
            cc.swiftUILines == [
                "scene onChange(of: scenePhase) active→inactive", "app onChange(of: scenePhase) active→inactive",
            ])
        let ccEnd = try sim.apply(.interruptionEnded(outcome: .resume), to: cc.state)
        #expect(
            ccEnd.swiftUILines == [
                "scene onChange(of: scenePhase) inactive→active", "app onChange(of: scenePhase) inactive→active",
            ])
        // A kill while active: inactive → background (the switcher already made it inactive).
        let kill = try sim.apply(.terminate(by: .user), to: ccEnd.state)
        #expect(
            kill.swiftUILines == [
                "scene onChange(of: scenePhase) active→inactive", "app onChange(of: scenePhase) active→inactive",
                "scene onChange(of: scenePhase) inactive→background",
                "app onChange(of: scenePhase) inactive→background",
                "appDelegateAdaptor application(_:didDiscardSceneSessions:)",
                "appDelegateAdaptor applicationWillTerminate(_:)",
            ])
        // A kill while suspended in the background: nothing.
        let suspended = try sim.run([.background, .advanceTime(seconds: 10)], from: ccEnd.state)
        #expect(try sim.apply(.terminate(by: .user), to: suspended.state).callbacks.isEmpty)
    }

    @Test func quirkSwiftUIScenePhaseTimingSetsTheStateTheHandlersSee() throws {
        let after = try sim.apply(.background, to: try sim.apply(.launch, to: AppSnapshot()).state)
        #expect(
            after.callbacks.map { "\($0.appState.rawValue)/\($0.sceneState?.rawValue ?? "-")" } == [
                "inactive/foregroundInactive", "inactive/-", "background/background", "background/-",
            ])
        let s = swiftUISimulator { $0.quirks.swiftUIScenePhaseTiming = .beforeSceneCallback }
        let before = try s.apply(.background, to: try s.apply(.launch, to: AppSnapshot()).state)
        #expect(before.swiftUILines == after.swiftUILines)
        #expect(
            before.callbacks.map { "\($0.appState.rawValue)/\($0.sceneState?.rawValue ?? "-")" } == [
                "active/foregroundActive", "active/-", "inactive/foregroundInactive", "inactive/-",
            ])
        #expect(s.profile.resolvedQuirks.swiftUIScenePhaseTiming == .beforeSceneCallback)
    }

    // MARK: breadth §7.4 (DOC, [A-phase]): the App's phase aggregates its scenes'

    @Test func appPhaseIsActiveIfAnySceneIsActive() throws {
        let s = swiftUISimulator {
            $0.device = .ipad
            $0.supportsMultipleScenes = true
        }
        // scene-1 active; the system connects scene-2 into the background.
        let two = try s.run([.launch, .openScene(by: .system)])
        #expect(two.callbacks.filter { $0.receiver == .app || $0.receiver == .scene }.isEmpty)
        // The user brings scene-2 up (issue #38's named choice): scene-1 resigns, scene-2
        // arrives, scene-1 leaves; the App's phase goes inactive while no scene is active
        // and never background, as a scene stays on screen.
        let switched = try s.apply(.activateScene(sceneId: "scene-2"), to: two.state)
        #expect(
            switched.swiftUILines.filter { $0.contains("scenePhase") } == [
                "scene onChange(of: scenePhase) active→inactive", "app onChange(of: scenePhase) active→inactive",
                "scene onChange(of: scenePhase) background→inactive",
                "scene onChange(of: scenePhase) inactive→active", "app onChange(of: scenePhase) inactive→active",
                "scene onChange(of: scenePhase) inactive→background",
            ])
        #expect(
            switched.callbacks.filter { $0.receiver == .scene }.map { $0.sceneId ?? "" } == [
                "scene-1", "scene-2", "scene-2", "scene-1",
            ])
        // Both on screen (a user-opened second window): closing the inactive one changes
        // the App's phase not at all, as another scene is still active.
        let side = try s.run([.launch, .openScene(by: .user)])
        let scenes = side.state.scenes.map(\.state)
        #expect(scenes.contains(.foregroundActive))
        let closed = try s.apply(.closeScene(sceneId: "scene-1"), to: side.state)
        #expect(!closed.callbacks.contains { $0.receiver == .app }, "\(closed.swiftUILines)")
    }

    @Test func aSceneThatReconnectsStartsFromItsFirstPhaseButTheAppFromBackground() throws {
        let gone = try sim.run([.launch, .background, .disconnectScene(sceneId: "scene-1")])
        #expect(gone.swiftUILines.isEmpty)  // SwiftUI's scene delegate hears the disconnection
        let back = try sim.apply(.launch, to: gone.state)
        #expect(
            back.swiftUILines.filter { $0.contains("scenePhase") } == [
                "app onChange(of: scenePhase) background→inactive",
                "scene onChange(of: scenePhase) inactive→active", "app onChange(of: scenePhase) inactive→active",
            ])
    }

    // MARK: breadth §7.5 ([A-onappear] DOC; [JSQ]): onAppear and onDisappear

    @Test func rootOnAppearComesBeforeThePhaseBecomesActive() throws {
        let lines = try sim.apply(.launch, to: AppSnapshot()).swiftUILines
        let appear = try #require(lines.firstIndex(of: "view onAppear(perform:) root"))
        let active = try #require(lines.firstIndex(of: "scene onChange(of: scenePhase) inactive→active"))
        #expect(appear < active)
        #expect(lines.filter { $0.hasPrefix("view") } == ["view onAppear(perform:) root"])
    }

    @Test func pushedAndPresentedViewsAppearAndDisappear() throws {
        let launched = try sim.apply(.launch, to: AppSnapshot())
        let push = try sim.apply(.push(name: "detail", sceneId: nil), to: launched.state)
        #expect(push.swiftUILines == ["view onAppear(perform:) detail", "view onDisappear(perform:) root"])
        let pop = try sim.apply(.pop(sceneId: nil), to: push.state)
        #expect(pop.swiftUILines == ["view onAppear(perform:) root", "view onDisappear(perform:) detail"])
        let sheet = try sim.apply(.present(name: "sheet", style: .pageSheet, sceneId: nil), to: pop.state)
        #expect(sheet.swiftUILines == ["view onAppear(perform:) sheet"])  // the presenter stays on screen
        let gone = try sim.apply(.dismiss(sceneId: nil), to: sheet.state)
        #expect(gone.swiftUILines == ["view onDisappear(perform:) sheet"])
        let cover = try sim.apply(.present(name: "cover", style: .fullScreen, sceneId: nil), to: gone.state)
        #expect(cover.swiftUILines == ["view onAppear(perform:) cover", "view onDisappear(perform:) root"])
        // A cancelled swipe-back: the view below appears and disappears; the top one stays.
        let swipe = try sim.apply(.cancelInteractivePop(sceneId: nil), to: push.state)
        #expect(swipe.swiftUILines == ["view onAppear(perform:) root", "view onDisappear(perform:) root"])
        #expect(push.callbacks.allSatisfy { $0.receiver == .view && $0.sceneId == "scene-1" })
    }

    @Test func hostingControllersAreNotReported() throws {
        let out = try sim.run([.launch, .push(name: "detail", sceneId: nil), .memoryWarning])
        #expect(!out.callbacks.contains { $0.receiver == .viewController })
        // The controllers are still there, in state.
        #expect(out.state.windows.first?.contexts.first?.stack.map(\.name) == ["root", "detail"])
    }

    // MARK: breadth §7.6 (SINGLE each): links

    @Test func warmLinksReachTheViews() throws {
        let running = try sim.apply(.launch, to: AppSnapshot())
        let url = try sim.apply(.openURL(url: "myapp://item/1"), to: running.state)
        #expect(url.swiftUILines == ["view onOpenURL(perform:) root"])
        #expect(url.callbacks.first?.args == .object(["url": .string("myapp://item/1")]))
        let link = try sim.apply(.openUniversalLink(url: "https://example.com/a"), to: running.state)
        #expect(link.swiftUILines == ["view onContinueUserActivity(_:perform:) root"])
        #expect(link.callbacks.first?.args?["webpageURL"] == .string("https://example.com/a"))
        // From the background: between the two phase changes (warmHandlerPosition).
        let fromBackground = try sim.apply(
            .openURL(url: "myapp://x"), to: try sim.apply(.background, to: running.state).state)
        #expect(
            fromBackground.swiftUILines == [
                "scene onChange(of: scenePhase) background→inactive",
                "app onChange(of: scenePhase) background→inactive",
                "view onOpenURL(perform:) root",
                "scene onChange(of: scenePhase) inactive→active", "app onChange(of: scenePhase) inactive→active",
            ])
    }

    @Test func coldURLReachesOnOpenURLAfterTheRootAppears() throws {
        let lines = try sim.apply(.openURL(url: "myapp://x"), to: AppSnapshot()).swiftUILines
        let appear = try #require(lines.firstIndex(of: "view onAppear(perform:) root"))
        let open = try #require(lines.firstIndex(of: "view onOpenURL(perform:) root"))
        #expect(appear < open)
        #expect(open < lines.count - 2)  // before the phase becomes active
    }

    @Test func quirkSwiftUIColdUniversalLinkDelivered() throws {
        let delivered = try sim.apply(.openUniversalLink(url: "https://example.com/a"), to: AppSnapshot())
        #expect(delivered.swiftUILines.contains("view onContinueUserActivity(_:perform:) root"))
        let s = swiftUISimulator { $0.quirks.swiftUIColdUniversalLinkDelivered = false }
        let dropped = try s.apply(.openUniversalLink(url: "https://example.com/a"), to: AppSnapshot())
        #expect(!dropped.swiftUILines.contains { $0.contains("onContinueUserActivity") })
        #expect(dropped.state.app == .active)
        #expect(s.profile.resolvedQuirks.swiftUIColdUniversalLinkDelivered == false)
        #expect(sim.profile.resolvedQuirks.swiftUIColdUniversalLinkDelivered == true)
    }

    // MARK: config

    @Test func swiftUINeedsIOS14AndScenes() {
        var config = SessionConfig(iosVersion: IOSVersion("13.0")!, ui: .swiftUI)
        #expect(config.issue?.field == "ui")
        #expect(config.issue?.detail.contains("iosVersion 14.0 or later") == true)
        config = SessionConfig(lifecycle: .app, iosVersion: IOSVersion("17.0")!, ui: .swiftUI)
        #expect(config.issue?.field == "lifecycle")
        #expect(config.issue?.allowed == ["scene"])
        #expect(SessionConfig(iosVersion: IOSVersion("14.0")!, ui: .swiftUI).issue == nil)
        #expect(SessionConfig(iosVersion: IOSVersion("14.0")!, ui: .swiftUI).lifecycle == .scene)
    }

    @Test func uikitSessionsReportNoSwiftUIQuirks() {
        let q = sceneSimulator().profile.resolvedQuirks
        #expect(
            q.swiftUIAdaptorInit == nil && q.swiftUIScenePhaseTiming == nil
                && q.swiftUIColdUniversalLinkDelivered == nil)
    }

    // MARK: every action works

    @Test func everyActionKindHasASampleASwiftUISessionAccepts() throws {
        let s = swiftUISimulator {
            $0.device = .ipad
            $0.supportsMultipleScenes = true
            $0.backgroundModes = Set(BackgroundMode.allCases)
            $0.notificationCenterDelegate = true
        }
        let starts: [[Action]] = [
            [], [.launch], [.launch, .background], [.launch, .push(name: "d", sceneId: nil)],
            [.launch, .beginBackgroundTask(name: nil)], [.launch, .interruptionBegan(kind: .systemAlert)],
            [.launch, .present(name: "s", style: .pageSheet, sceneId: nil)], [.launch, .lock],
            [.launch, .addChild(name: "c", sceneId: nil)],
        ]
        var accepted = Set<ActionKind>()
        for setup in starts {
            let state = try s.run(setup).state
            accepted.formUnion(s.allowedActions(in: state))
        }
        // A TabView's tabs (config `tabs`) make selectTab possible.
        let tabbed = swiftUISimulator { $0.tabs = ["a", "b"] }
        accepted.formUnion(tabbed.allowedActions(in: try tabbed.run([.launch]).state))
        // A listed BGTask identifier makes runBackgroundTask possible (breadth §1).
        let tasks = swiftUISimulator {
            $0.backgroundModes = [.fetch]
            $0.backgroundTasks = [.init(identifier: "com.example.refresh", kind: .appRefresh)]
        }
        accepted.formUnion(tasks.allowedActions(in: try tasks.run([.launch, .background]).state))
        // iOS 26: a continued processing task the user starts, and cancels (breadth §1.11).
        let continued = swiftUISimulator("26.0") {
            $0.backgroundTasks = [.init(identifier: "com.example.export", kind: .continuedProcessing)]
        }
        let running = try continued.run([.launch])
        accepted.formUnion(continued.allowedActions(in: running.state))
        accepted.formUnion(
            continued.allowedActions(
                in: try continued.apply(.startContinuedProcessingTask(identifier: nil, seconds: 60), to: running.state)
                    .state))
        // allowedActions never offers moveTo (it is a shortcut, not a device event).
        #expect(accepted == Set(ActionKind.allCases).subtracting([.moveTo]))
    }
}
