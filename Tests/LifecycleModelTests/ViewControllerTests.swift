import LifecycleModel
import Testing

extension ActionOutcome {
    /// "name.method" for each view-controller callback.
    var vcCalls: [String] {
        callbacks.filter { $0.receiver == .viewController }.map { "\($0.viewController ?? "?").\($0.method)" }
    }
}

/// facts §1 (the appearance figure) and §7 (the orders), one test each.
@Suite struct ViewControllerTests {
    let firstDisplay = [
        "root.loadView()", "root.viewDidLoad()", "root.viewWillAppear(_:)", "root.viewIsAppearing(_:)",
        "root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()", "root.viewDidAppear(_:)",
    ]

    @Test func theFigureHasExactlyItsSixEdges() {
        var edges: [String] = []
        for from in Appearance.allCases {
            for event in Appearance.Event.allCases {
                if let to = from.after(event) {
                    edges.append("\(from.rawValue) -\(event.method.name)-> \(to.rawValue)")
                }
            }
        }
        #expect(
            Set(edges) == [
                "disappeared -viewWillAppear(_:)-> appearing", "appearing -viewDidAppear(_:)-> appeared",
                "appeared -viewWillDisappear(_:)-> disappearing", "disappearing -viewDidDisappear(_:)-> disappeared",
                "appearing -viewWillDisappear(_:)-> disappearing", "disappearing -viewWillAppear(_:)-> appearing",
            ])
    }

    @Test func firstDisplayAfterDidFinishLaunchingDidAppearAfterDidBecomeActive() throws {
        let out = try appSimulator("17.0").apply(.launch, to: AppSnapshot())
        #expect(out.vcCalls == firstDisplay)
        let m = out.callbacks.map(\.method.name)
        #expect(
            try #require(m.firstIndex(of: "loadView()")) > #require(
                m.firstIndex(of: "application(_:didFinishLaunchingWithOptions:)")))
        #expect(
            try #require(m.firstIndex(of: "viewDidAppear(_:)")) > #require(
                m.firstIndex(of: "applicationDidBecomeActive(_:)")))
        #expect(out.callbacks.first { $0.method.name == "viewWillAppear(_:)" }?.args?["animated"] == .bool(false))
    }

    @Test func noViewIsAppearingBeforeIOS13() throws {
        let out = try appSimulator("12.4").apply(.launch, to: AppSnapshot())
        #expect(out.vcCalls == firstDisplay.filter { $0 != "root.viewIsAppearing(_:)" })
    }

    @Test func rootViewControllerIsNamedByTheConfig() throws {
        let out = try appSimulator("17.0") { $0.rootViewController = "Home" }.apply(.launch, to: AppSnapshot())
        #expect(out.callbacks.filter { $0.receiver == .viewController }.allSatisfy { $0.viewController == "Home" })
        #expect(out.state.windows.first?.contexts.first?.stack.map(\.name) == ["Home"])
    }

    @Test func sceneRootAppearsAroundTheSceneForegroundCallbacks() throws {
        let out = try sceneSimulator().apply(.launch, to: AppSnapshot())
        let m = out.callbacks.map { $0.viewController.map { "\($0)." } ?? "" }.enumerated().map {
            "\($1)\(out.callbacks[$0].method)"
        }
        #expect(
            Array(m.suffix(10)) == [
                "scene(_:willConnectTo:options:)", "root.loadView()", "root.viewDidLoad()",
                "root.viewWillAppear(_:)", "root.viewIsAppearing(_:)", "root.viewWillLayoutSubviews()",
                "root.viewDidLayoutSubviews()",
                "sceneWillEnterForeground(_:)", "sceneDidBecomeActive(_:)", "root.viewDidAppear(_:)",
            ])
        #expect(out.callbacks.last?.sceneId == "scene-1")
    }

    @Test func launchIntoTheBackgroundShowsTheRoot() throws {
        let out = try appSimulator("17.0") { $0.backgroundModes = [.fetch] }.apply(.backgroundFetch, to: AppSnapshot())
        #expect(out.vcCalls == firstDisplay)
        #expect(out.callbacks.filter { $0.receiver == .viewController }.allSatisfy { $0.appState == .background })
        // The user opening it later: no appearance calls (§7).
        let opened = try appSimulator("17.0") { $0.backgroundModes = [.fetch] }.apply(.launch, to: out.state)
        #expect(opened.vcCalls.isEmpty)
    }

    @Test func backgroundingAndForegroundingSendNoAppearanceCalls() throws {
        for sim in [appSimulator("17.0"), sceneSimulator()] {
            let out = try sim.run([.launch, .push(name: "detail", sceneId: nil), .background])
            // Appearance calls only: from iOS 13 the Dark Mode snapshot toggle
            // (breadth §5.8) sends trait changes on the way to the background, and the
            // snapshot lays the visible controller out (issue #38, [PK-life]).
            #expect(
                out.vcCalls.filter { !$0.contains("registerForTraitChanges") } == [
                    "detail.viewWillLayoutSubviews()", "detail.viewDidLayoutSubviews()",
                ])
            #expect(try sim.apply(.launch, to: out.state).vcCalls.isEmpty)
            #expect(try sim.run([.lock, .unlock], from: try sim.apply(.launch, to: out.state).state).vcCalls.isEmpty)
        }
    }

    @Test func pushAndPop() throws {
        let sim = appSimulator("17.0")
        let pushed = try sim.run([.launch, .push(name: "B", sceneId: nil)])
        #expect(
            pushed.vcCalls == [
                "B.loadView()", "B.viewDidLoad()", "root.viewWillDisappear(_:)", "B.viewWillAppear(_:)",
                "B.viewIsAppearing(_:)", "B.viewWillLayoutSubviews()", "B.viewDidLayoutSubviews()",
                "root.viewDidDisappear(_:)", "B.viewDidAppear(_:)",
            ])
        #expect(pushed.state.windows[0].contexts[0].stack.map(\.appearance) == [.disappeared, .appeared])
        let popped = try sim.apply(.pop(sceneId: nil), to: pushed.state)
        #expect(
            popped.vcCalls == [
                "B.viewWillDisappear(_:)", "root.viewWillAppear(_:)", "root.viewIsAppearing(_:)",
                "root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()",
                "B.viewDidDisappear(_:)", "root.viewDidAppear(_:)",
            ])
        #expect(popped.state.windows[0].contexts[0].stack.map(\.name) == ["root"])
        // Nothing to pop: 409.
        #expect(throws: ActionRefusal.self) { try sim.apply(.pop(sceneId: nil), to: popped.state) }
    }

    @Test func cancelledInteractivePopReversesBoth() throws {
        let sim = appSimulator("17.0")
        let pushed = try sim.run([.launch, .push(name: "B", sceneId: nil)])
        let out = try sim.apply(.cancelInteractivePop(sceneId: nil), to: pushed.state)
        #expect(
            out.vcCalls == [
                "B.viewWillDisappear(_:)", "root.viewWillAppear(_:)", "root.viewWillDisappear(_:)",
                "root.viewDidDisappear(_:)", "B.viewWillAppear(_:)", "B.viewDidAppear(_:)",
            ])
        #expect(out.state.windows[0].contexts[0].stack.map(\.appearance) == [.disappeared, .appeared])
        #expect(throws: ActionRefusal.self) {
            try sim.apply(.cancelInteractivePop(sceneId: nil), to: try sim.apply(.launch, to: AppSnapshot()).state)
        }
    }

    @Test func fullScreenModalHidesThePresenter() throws {
        let sim = appSimulator("17.0")
        let shown = try sim.run([.launch, .present(name: "B", style: .fullScreen, sceneId: nil)])
        #expect(
            shown.vcCalls == [
                "B.loadView()", "B.viewDidLoad()", "root.viewWillDisappear(_:)", "B.viewWillAppear(_:)",
                "B.viewIsAppearing(_:)", "B.viewWillLayoutSubviews()", "B.viewDidLayoutSubviews()",
                "B.viewDidAppear(_:)", "root.viewDidDisappear(_:)",
            ])
        let gone = try sim.apply(.dismiss(sceneId: nil), to: shown.state)
        #expect(
            gone.vcCalls == [
                "B.viewWillDisappear(_:)", "root.viewWillAppear(_:)", "root.viewIsAppearing(_:)",
                "root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()", "root.viewDidAppear(_:)",
                "B.viewDidDisappear(_:)",
            ])
        #expect(throws: ActionRefusal.self) { try sim.apply(.dismiss(sceneId: nil), to: gone.state) }
    }

    @Test(arguments: [PresentationStyle.pageSheet, .formSheet, .overFullScreen])
    func sheetsLeaveThePresenterAlone(_ style: PresentationStyle) throws {
        let sim = appSimulator("17.0")
        let shown = try sim.run([.launch, .present(name: "B", style: style, sceneId: nil)])
        #expect(!shown.vcCalls.contains { $0.hasPrefix("root.") })
        #expect(try !sim.apply(.dismiss(sceneId: nil), to: shown.state).vcCalls.contains { $0.hasPrefix("root.") })
    }

    @Test(arguments: [("12.4", Device.iphone, true), ("12.4", .ipad, false), ("13.0", .iphone, false)])
    func iOS12PageSheetsOnIPhoneAreFullScreen(_ version: String, _ device: Device, _ hides: Bool) throws {
        let sim = appSimulator(version) { $0.device = device }
        let shown = try sim.run([.launch, .present(name: "B", style: .pageSheet, sceneId: nil)])
        #expect(shown.vcCalls.contains("root.viewWillDisappear(_:)") == hides)
        #expect(
            try sim.run([.launch, .present(name: "B", style: .overFullScreen, sceneId: nil)]).vcCalls.contains(
                "root.viewWillDisappear(_:)") == false)
    }

    @Test func pushInsideAPresentationAndLoadOncePerController() throws {
        let sim = appSimulator("17.0")
        let out = try sim.run([
            .launch, .present(name: "nav", style: .pageSheet, sceneId: nil), .push(name: "item", sceneId: nil),
        ])
        #expect(out.state.windows[0].contexts.map { $0.stack.map(\.name) } == [["root"], ["nav", "item"]])
        #expect(out.vcCalls.filter { $0.hasSuffix("loadView()") } == ["item.loadView()"])
        let back = try sim.run([.pop(sceneId: nil), .dismiss(sceneId: nil)], from: out.state)
        #expect(!back.vcCalls.contains { $0.hasSuffix("loadView()") || $0.hasSuffix("viewDidLoad()") })
    }

    @Test func memoryWarningsReachEveryLoadedControllerAfterTheAppDelegate() throws {
        let sim = appSimulator("17.0")
        let out = try sim.run([
            .launch, .push(name: "B", sceneId: nil), .present(name: "C", style: .pageSheet, sceneId: nil),
            .memoryWarning,
        ])
        #expect(
            out.callbacks.map { $0.viewController.map { "\($0)." } ?? "" }.enumerated().map {
                "\($1)\(out.callbacks[$0].method)"
            }
                == [
                    "applicationDidReceiveMemoryWarning(_:)", "root.didReceiveMemoryWarning()",
                    "B.didReceiveMemoryWarning()", "C.didReceiveMemoryWarning()",
                ])
    }

    @Test func navigationNeedsTheWindowOnScreen() throws {
        let sim = appSimulator("17.0")
        let bg = try sim.run([.launch, .background]).state
        for a in [
            Action.push(name: "x", sceneId: nil), .pop(sceneId: nil), .present(name: "x", style: nil, sceneId: nil),
            .dismiss(sceneId: nil),
        ] {
            #expect(throws: ActionRefusal.self) { try sim.apply(a, to: bg) }
            #expect(throws: ActionRefusal.self) { try sim.apply(a, to: AppSnapshot()) }
        }
    }

    @Test func eachSceneHasItsOwnWindow() throws {
        let sim = iPadSimulator()
        let out = try sim.run([.launch, .openScene(by: .user), .push(name: "B", sceneId: "scene-1")])
        #expect(out.state.windows.map(\.sceneId) == ["scene-1", "scene-2"])
        #expect(out.state.windows[0].contexts[0].stack.map(\.name) == ["root", "B"])
        #expect(out.state.windows[1].contexts[0].stack.map(\.name) == ["root"])
        #expect(out.callbacks.allSatisfy { $0.sceneId == "scene-1" })
        // A disconnected scene's window goes with it; reconnecting loads a new root.
        let bg = try sim.run([.background, .disconnectScene(sceneId: "scene-1")], from: out.state)
        #expect(bg.state.windows.map(\.sceneId) == ["scene-2"])
        let back = try sim.apply(.activateScene(sceneId: "scene-1"), to: bg.state)
        #expect(back.vcCalls == firstDisplay)
    }
}

/// Random sequences: every controller's appearance calls follow Apple's figure,
/// across navigation, presentation, life-cycle and scene actions.
@Suite struct RandomAppearanceTests {
    @Test(arguments: [false, true])
    func everyControllerFollowsTheFigure(_ scenes: Bool) throws {
        let sim =
            scenes
            ? iPadSimulator { $0.backgroundModes = [.fetch] } : appSimulator("12.4") { $0.backgroundModes = [.fetch] }
        for seed in 0..<25 {
            var rng = SplitMix64(seed: UInt64(500 + seed))
            var state = AppSnapshot()
            // Each controller, by window and name-in-stack position, tracked through its callbacks.
            var tracked: [String: Appearance] = [:]
            for step in 0..<250 {
                let action = randomAction(&rng, scenes: scenes)
                guard let out = try? sim.apply(action, to: state) else { continue }
                for c in out.callbacks where c.receiver == .viewController {
                    guard let event = Appearance.Event(c.method) else { continue }
                    let key = "\(c.sceneId ?? "app")/\(c.viewController ?? "?")"
                    let before = tracked[key] ?? .disappeared
                    let after = before.after(event)
                    #expect(after != nil, "seed \(seed) step \(step): \(key) \(before) -\(event.method.name)")
                    tracked[key] = after ?? before
                }
                // Controllers no longer in any window start over.
                let live = Set(
                    out.state.windows.flatMap { w in
                        w.contexts.flatMap { $0.stack.map { "\(w.sceneId ?? "app")/\($0.name)" } }
                    })
                tracked = tracked.filter { live.contains($0.key) }
                // The tracking agrees with the state; exactly the top controller of a shown window has appeared.
                for w in out.state.windows {
                    for (ci, context) in w.contexts.enumerated() {
                        for (k, vc) in context.stack.enumerated() {
                            if let t = tracked["\(w.sceneId ?? "app")/\(vc.name)"] { #expect(t == vc.appearance) }
                            let isTop = ci == w.contexts.count - 1 && k == context.stack.count - 1
                            if isTop && w.rootShown {
                                #expect(
                                    vc.appearance == .appeared,
                                    "seed \(seed) step \(step): top \(vc.name) is \(vc.appearance)")
                            }
                            if k < context.stack.count - 1 { #expect(vc.appearance == .disappeared) }
                        }
                    }
                }
                state = out.state
            }
        }
    }

    private func randomAction(_ rng: inout SplitMix64, scenes: Bool) -> Action {
        // Unique names, so each controller is tracked by its own key.
        let name = "vc\(rng.nextValue() % 1_000_000)"
        let style = PresentationStyle.allCases[rng.next(below: PresentationStyle.allCases.count)]
        switch rng.next(below: scenes ? 16 : 13) {
        case 0, 1: return .push(name: name, sceneId: nil)
        case 2: return .pop(sceneId: nil)
        case 3: return .present(name: name, style: style, sceneId: nil)
        case 4: return .dismiss(sceneId: nil)
        case 5: return .cancelInteractivePop(sceneId: nil)
        case 6: return .launch
        case 7: return .background
        case 8: return .terminate(by: .system)
        case 9: return .memoryWarning
        case 10: return .interruptionBegan(kind: .call)
        case 11: return .interruptionEnded(outcome: .resume)
        case 12: return .backgroundFetch
        case 13: return .openScene(by: rng.next(below: 2) == 0 ? .user : .system)
        case 14: return .activateScene(sceneId: "scene-\(1 + rng.next(below: 3))")
        default: return .disconnectScene(sceneId: nil)
        }
    }
}
