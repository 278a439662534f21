import LifecycleModel
import Testing

extension ActionOutcome {
    /// "receiver-or-name.method" for every callback.
    var allCalls: [String] {
        callbacks.map { c in
            "\(c.receiver == .viewController ? c.viewController ?? "?" : c.receiver.rawValue).\(c.method)"
        }
    }
}

/// breadth §5: rotation, size and trait changes, one test per DOC / MULTI fact.
@Suite struct RotationTests {
    let layout = ["viewWillLayoutSubviews()", "viewDidLayoutSubviews()"]

    /// breadth §5.2 (MULTI, [ADK]): trait transition, size transition, trait change,
    /// layout; §5.5 (DOC): the scene's did-update callback before iOS 26.
    @Test func iPhonePortraitToLandscapeOrder() throws {
        let sim = sceneSimulator("16.0")
        let out = try sim.run([.launch, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        #expect(
            out.allCalls == [
                "root.willTransition(to:with:)", "root.viewWillTransition(to:with:)",
                "root.traitCollectionDidChange(_:)",
                "sceneDelegate.windowScene(_:didUpdate:interfaceOrientation:traitCollection:)",
                "root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()",
            ])
        #expect(out.state.windows[0].interface.orientation == .landscapeLeft)
        #expect(out.callbacks.allSatisfy { $0.appState == .active })
    }

    /// breadth §5.11 (issue #38): a 180° turn keeps the view's size. Compose's controller
    /// code returns early from viewWillTransition(to:with:) for exactly that case
    /// ([CMP-rot]): the call still comes, with the unchanged size; nothing lays out
    /// ([LLSC46]); the scene hears its new interface orientation. 90° on iPad changes the
    /// size but not the size classes: the transition and a layout pass.
    @Test(arguments: [
        (Device.iphone, InterfaceOrientation.landscapeLeft, InterfaceOrientation.landscapeRight),
        (.ipad, .portrait, .portraitUpsideDown), (.ipad, .landscapeLeft, .landscapeRight),
    ])
    func aHalfTurnKeepsTheSizeAndLaysNothingOut(
        _ device: Device, _ from: InterfaceOrientation, _ to: InterfaceOrientation
    ) throws {
        let sim = sceneSimulator("17.0") { $0.device = device }
        var state = try sim.run([.launch]).state
        if from != .portrait { state = try sim.apply(.rotate(orientation: from, sceneId: nil), to: state).state }
        let half = try sim.apply(.rotate(orientation: to, sceneId: nil), to: state)
        #expect(
            half.lines == [
                "root viewWillTransition(to:with:)",
                "sceneDelegate windowScene(_:didUpdate:interfaceOrientation:traitCollection:)",
            ])
        #expect(half.state.windows[0].interface.orientation == to)
        // A quarter turn from there lays out.
        let quarter = try sim.apply(
            .rotate(orientation: to.isPortrait ? .landscapeLeft : .portrait, sceneId: nil), to: half.state)
        #expect(quarter.lines.contains("root viewWillLayoutSubviews()"))
    }

    /// breadth §5.2 ([QN-rot]): no trait transition by 180° or on iPad.
    @Test func noTraitTransitionWhenSizeClassesStay() throws {
        let phone = sceneSimulator("17.0")
        let landscape = try phone.run([.launch, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        let turned = try phone.apply(.rotate(orientation: .landscapeRight, sceneId: nil), to: landscape.state)
        // 180°: the size stays, so no layout either (breadth §5.11).
        #expect(turned.vcCalls == ["root.viewWillTransition(to:with:)"])
        let pad = try sceneSimulator("17.0") { $0.device = .ipad }.run([
            .launch, .rotate(orientation: .landscapeLeft, sceneId: nil),
        ])
        #expect(
            pad.vcCalls == [
                "root.viewWillTransition(to:with:)", "root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()",
            ])
    }

    /// breadth §5.4 (DOC): from iOS 17 the trait change is a registered handler.
    @Test func iOS17NamesTheRegisteredHandler() throws {
        let out = try sceneSimulator("17.0").run([.launch, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        #expect(out.vcCalls.contains("root.registerForTraitChanges handler (UITraitVerticalSizeClass)"))
        #expect(!out.vcCalls.contains("root.traitCollectionDidChange(_:)"))
    }

    /// breadth §5.5, §9.3 (DOC): iOS 26's geometry callback; sceneless apps have none.
    @Test func sceneCallbackByVersion() throws {
        let new = try sceneSimulator("26.0").run([.launch, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        #expect(new.methods == ["windowScene(_:didUpdateEffectiveGeometry:)"])
        let sceneless = try appSimulator("17.0").run([.launch, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        #expect(sceneless.methods.isEmpty)
        #expect(!sceneless.vcCalls.isEmpty)
    }

    /// breadth §5.1 (DOC, [A-vwt]): root first, then forwarded to children, stack
    /// members and presentations; only visible controllers lay out.
    @Test func sizeTransitionWalksTheWholeHierarchy() throws {
        let sim = sceneSimulator("17.0") { $0.device = .ipad }
        let out = try sim.run([
            .launch, .addChild(name: "banner", sceneId: nil), .push(name: "detail", sceneId: nil),
            .present(name: "sheet", style: .formSheet, sceneId: nil),
            .rotate(orientation: .landscapeLeft, sceneId: nil),
        ])
        let transitions = out.vcCalls.filter { $0.hasSuffix("viewWillTransition(to:with:)") }.map {
            $0.split(separator: ".")[0]
        }
        #expect(transitions == ["root", "banner", "detail", "sheet"])
        let laidOut = out.vcCalls.filter { $0.hasSuffix("viewWillLayoutSubviews()") }.map {
            $0.split(separator: ".")[0]
        }
        #expect(laidOut == ["detail", "sheet"])
    }

    /// Quirk offscreenChildrenGetSizeTransition = false: only each stack's top.
    @Test func offscreenQuirkLimitsTheWalk() throws {
        let sim = sceneSimulator("17.0") {
            $0.device = .ipad
            $0.quirks.offscreenChildrenGetSizeTransition = false
        }
        let out = try sim.run([
            .launch, .push(name: "detail", sceneId: nil), .rotate(orientation: .landscapeLeft, sceneId: nil),
        ])
        #expect(
            out.vcCalls.filter { $0.hasSuffix("viewWillTransition(to:with:)") } == [
                "detail.viewWillTransition(to:with:)"
            ])
    }

    /// Refusals: not in the foreground; upside down on iPhone ([A-vc], DOC default).
    @Test func refusals() throws {
        let sim = sceneSimulator("17.0")
        #expect(throws: ActionRefusal.self) {
            try sim.run([.launch, .background, .rotate(orientation: .landscapeLeft, sceneId: nil)])
        }
        #expect(throws: ActionRefusal.self) { try sim.run([.rotate(orientation: .landscapeLeft, sceneId: nil)]) }
        do {
            _ = try sim.run([.launch, .rotate(orientation: .portraitUpsideDown, sceneId: nil)])
            Issue.record("upside down accepted on iPhone")
        } catch {
            #expect((error as? ActionRefusal)?.needs.contains("send portrait, landscapeLeft or landscapeRight") == true)
        }
        let pad = try sceneSimulator("17.0") { $0.device = .ipad }.run([
            .launch, .rotate(orientation: .portraitUpsideDown, sceneId: nil),
        ])
        #expect(pad.state.windows[0].interface.orientation == .portraitUpsideDown)
    }

    /// A new window takes the device's orientation.
    @Test func relaunchKeepsTheOrientation() throws {
        let sim = appSimulator("17.0")
        let out = try sim.run([
            .launch, .rotate(orientation: .landscapeRight, sceneId: nil), .terminate(by: .user), .launch,
        ])
        #expect(out.state.windows[0].interface.orientation == .landscapeRight)
    }
}

/// breadth §5.4, §5.7–5.9: Dark Mode.
@Suite struct AppearanceTraitTests {
    /// §5.7 (DOC): each visible controller, then the scene (≤ iOS 25); no state change.
    @Test func switchWhileActive() throws {
        let sim = sceneSimulator("16.0")
        let out = try sim.run([.launch, .push(name: "detail", sceneId: nil), .setAppearance(style: .dark)])
        #expect(
            out.allCalls == [
                "detail.traitCollectionDidChange(_:)",
                "sceneDelegate.windowScene(_:didUpdate:interfaceOrientation:traitCollection:)",
            ])
        #expect(out.state.app == .active && out.state.interface.style == .dark)
        let new = try sceneSimulator("17.0").run([.launch, .setAppearance(style: .dark)])
        #expect(
            new.allCalls == [
                "root.registerForTraitChanges handler (UITraitUserInterfaceStyle)",
                "sceneDelegate.windowScene(_:didUpdate:interfaceOrientation:traitCollection:)",
            ])
        let v26 = try sceneSimulator("26.0").run([.launch, .setAppearance(style: .dark)])
        #expect(v26.allCalls == ["root.registerForTraitChanges handler (UITraitUserInterfaceStyle)"])
    }

    /// §5.8 (MULTI): two trait changes, opposite then back, in state background,
    /// after didEnterBackground.
    @Test func snapshotToggleOnEnteringBackground() throws {
        let sim = appSimulator("16.0")
        let out = try sim.run([.launch, .setAppearance(style: .dark), .background])
        let traits = out.callbacks.filter { $0.method.name == "traitCollectionDidChange(_:)" }
        #expect(traits.map { $0.args?["userInterfaceStyle"] } == [.string("light"), .string("dark")])
        #expect(traits.allSatisfy { $0.appState == .background })
        let did = try #require(out.allCalls.firstIndex(of: "appDelegate.applicationDidEnterBackground(_:)"))
        #expect(out.allCalls.firstIndex(of: "root.traitCollectionDidChange(_:)").map { $0 > did } == true)
        // The quirk switches it off; iOS 12 has no Dark Mode. What is left is the
        // snapshot's layout pass (issue #38, [PK-life]; quirk snapshotLayoutPass).
        let layout = ["root.viewWillLayoutSubviews()", "root.viewDidLayoutSubviews()"]
        let off = try appSimulator("16.0") { $0.quirks.darkModeSnapshotToggle = false }.run([.launch, .background])
        #expect(off.vcCalls == layout)
        #expect(try appSimulator("12.4").run([.launch, .background]).vcCalls == layout)
        #expect(appSimulator("12.4").profile.resolvedQuirks.darkModeSnapshotToggle == false)
    }

    /// §5.9 (SINGLE each, agreeing): a change made in the background arrives on the
    /// way back, inactive, before didBecomeActive.
    @Test func changeWhileBackgroundedArrivesBeforeDidBecomeActive() throws {
        let sim = appSimulator("16.0") { $0.quirks.darkModeSnapshotToggle = false }
        let bg = try sim.run([.launch, .background, .setAppearance(style: .dark)])
        #expect(bg.callbacks.isEmpty)
        let back = try sim.apply(.launch, to: bg.state)
        #expect(
            back.allCalls == [
                "appDelegate.applicationWillEnterForeground(_:)", "root.traitCollectionDidChange(_:)",
                "appDelegate.applicationDidBecomeActive(_:)",
            ])
        #expect(back.callbacks[1].appState == .inactive)
        // Suspended or not running: the same, or created with it.
        let cold = try sim.run([.setAppearance(style: .dark), .launch])
        #expect(!cold.vcCalls.contains("root.traitCollectionDidChange(_:)"))
    }

    /// §5.3 (DOC, iOS 13): the trait callback runs only when a value changes: the
    /// style already set, or a window created in it, hears nothing.
    @Test func noCallWithoutAChange() throws {
        let sim = sceneSimulator("16.0")
        let out = try sim.run([.launch, .setAppearance(style: .light)])
        #expect(out.callbacks.isEmpty)
        let created = try sim.run([.setAppearance(style: .dark), .launch])
        #expect(!created.vcCalls.contains("root.traitCollectionDidChange(_:)"))
        #expect(created.state.windows[0].interface.style == .dark)
    }

    /// §5.9 on iPad, per window: a scene returning hears it before
    /// sceneDidBecomeActive; a scene still in the background not yet.
    @Test func eachSceneHearsItOnItsReturn() throws {
        let sim = iPadSimulator {
            $0.iosVersion = IOSVersion("16.0")!
            $0.quirks.darkModeSnapshotToggle = false
        }
        let two = try sim.run([.launch, .openScene(by: .user), .background, .setAppearance(style: .dark)])
        #expect(two.callbacks.isEmpty)
        let back = try sim.apply(.activateScene(sceneId: "scene-1"), to: two.state)
        let methods = back.callbacks.filter { $0.sceneId == "scene-1" }.map { $0.method.name }
        let trait = try #require(methods.firstIndex(of: "traitCollectionDidChange(_:)"))
        #expect(trait < (methods.firstIndex(of: "sceneDidBecomeActive(_:)") ?? -1))
        #expect(!back.callbacks.contains { $0.sceneId == "scene-2" })
        #expect(back.state.windows.map { $0.interface.style } == [.dark, .light])
    }

    /// §5.9 ([L49], SINGLE): a covered controller hears the change it missed just
    /// before its viewWillAppear when uncovered — with the trait-collection
    /// transition first when it did not get it at the rotation (quirk off).
    @Test func coveredControllerCatchesUpWhenUncovered() throws {
        let sim = sceneSimulator("16.0")
        let dark = try sim.run([.launch, .push(name: "detail", sceneId: nil), .setAppearance(style: .dark)])
        #expect(!dark.vcCalls.contains("root.traitCollectionDidChange(_:)"))
        let popped = try sim.apply(.pop(sceneId: nil), to: dark.state)
        #expect(
            Array(popped.vcCalls.prefix(3)) == [
                "detail.viewWillDisappear(_:)", "root.traitCollectionDidChange(_:)", "root.viewWillAppear(_:)",
            ])
        let again = try sim.run([.push(name: "more", sceneId: nil), .pop(sceneId: nil)], from: popped.state)
        #expect(!again.vcCalls.contains("root.traitCollectionDidChange(_:)"))

        let quirk = sceneSimulator("16.0") { $0.quirks.offscreenChildrenGetSizeTransition = false }
        let rotated = try quirk.run([
            .launch, .push(name: "detail", sceneId: nil), .rotate(orientation: .landscapeLeft, sceneId: nil),
        ])
        #expect(!rotated.vcCalls.contains { $0.hasPrefix("root.") })
        let back = try quirk.apply(.pop(sceneId: nil), to: rotated.state)
        #expect(
            Array(back.vcCalls.prefix(4)) == [
                "detail.viewWillDisappear(_:)", "root.willTransition(to:with:)",
                "root.traitCollectionDidChange(_:)", "root.viewWillAppear(_:)",
            ])
    }

    @Test func refusedBeforeIOS13() {
        #expect(throws: ActionRefusal.self) { try appSimulator("12.4").run([.launch, .setAppearance(style: .dark)]) }
    }
}

/// breadth §6.1–6.4: tab bars.
@Suite struct TabBarTests {
    let tabs = { (c: inout SessionConfig) in c.tabs = ["home", "search", "profile"] }

    /// §6.3 ([PGZ]): only the selected tab loads at launch.
    @Test func onlyTheFirstTabLoadsAtLaunch() throws {
        let out = try sceneSimulator("17.0", tabs).run([.launch])
        #expect(out.vcCalls.allSatisfy { $0.hasPrefix("home.") })
        let bar = try #require(out.state.windows[0].interface.tabBar)
        #expect(bar.tabs.map(\.loaded) == [true, false, false])
        #expect(out.state.windows[0].tabStacks?.map { $0.map(\.name) } == [["home"], [], []])
    }

    /// §6.1 ([PGZ] first visit, [JJ] later; default quirk) and §6.2 (MULTI: didSelect
    /// after the transition; DOC: also for the selected tab).
    @Test func switchOrders() throws {
        let sim = sceneSimulator("17.0", tabs)
        let first = try sim.run([.launch, .selectTab(index: 1, sceneId: nil)])
        #expect(
            first.allCalls == [
                "tabBarControllerDelegate.tabBarController(_:shouldSelect:)",
                "search.loadView()", "search.viewDidLoad()", "search.viewWillAppear(_:)", "search.viewIsAppearing(_:)",
                "search.viewWillLayoutSubviews()", "search.viewDidLayoutSubviews()",
                "home.viewWillDisappear(_:)", "home.viewDidDisappear(_:)", "search.viewDidAppear(_:)",
                "tabBarControllerDelegate.tabBarController(_:didSelect:)",
            ])
        let back = try sim.apply(.selectTab(index: 0, sceneId: nil), to: first.state)
        #expect(
            back.allCalls == [
                "tabBarControllerDelegate.tabBarController(_:shouldSelect:)",
                "search.viewWillDisappear(_:)", "home.viewWillAppear(_:)", "home.viewIsAppearing(_:)",
                "home.viewWillLayoutSubviews()", "home.viewDidLayoutSubviews()",
                "search.viewDidDisappear(_:)", "home.viewDidAppear(_:)",
                "tabBarControllerDelegate.tabBarController(_:didSelect:)",
            ])
        let again = try sim.apply(.selectTab(index: 0, sceneId: nil), to: back.state)
        #expect(
            again.allCalls == [
                "tabBarControllerDelegate.tabBarController(_:shouldSelect:)",
                "tabBarControllerDelegate.tabBarController(_:didSelect:)",
            ])
    }

    /// The quirk's other values.
    @Test func tabSwitchWillOrderQuirk() throws {
        func wills(_ order: TabSwitchWillOrder, _ actions: [Action]) throws -> [String] {
            try sceneSimulator("17.0") {
                tabs(&$0)
                $0.quirks.tabSwitchWillOrder = order
            }.run(actions).vcCalls
                .filter { $0.hasSuffix("viewWillAppear(_:)") || $0.hasSuffix("viewWillDisappear(_:)") }
        }
        let firstVisit: [Action] = [.launch, .selectTab(index: 1, sceneId: nil)]
        #expect(try wills(.oldFirst, firstVisit) == ["home.viewWillDisappear(_:)", "search.viewWillAppear(_:)"])
        #expect(
            try wills(.newFirst, firstVisit + [.selectTab(index: 0, sceneId: nil)]) == [
                "home.viewWillAppear(_:)", "search.viewWillDisappear(_:)",
            ])
    }

    /// §6.4: push, pop and present act on the selected tab; each tab keeps its stack.
    @Test func eachTabKeepsItsStack() throws {
        let sim = sceneSimulator("17.0", tabs)
        let out = try sim.run([
            .launch, .push(name: "article", sceneId: nil), .selectTab(index: 2, sceneId: nil),
            .push(name: "settings", sceneId: nil),
        ])
        #expect(
            out.state.windows[0].tabStacks?.map { $0.map(\.name) } == [
                ["home", "article"], [], ["profile", "settings"],
            ])
        let back = try sim.apply(.selectTab(index: 0, sceneId: nil), to: out.state)
        #expect(back.vcCalls.first == "settings.viewWillDisappear(_:)")
        #expect(back.vcCalls.contains("article.viewDidAppear(_:)"))
    }

    @Test func refusals() throws {
        let sim = sceneSimulator("17.0", tabs)
        do {
            _ = try sim.run([.launch, .selectTab(index: 3, sceneId: nil)])
            Issue.record("index 3 accepted")
        } catch {
            #expect((error as? ActionRefusal)?.needs.contains("index from 0 to 2") == true)
        }
        #expect(throws: ActionRefusal.self) {
            try sceneSimulator("17.0").run([.launch, .selectTab(index: 0, sceneId: nil)])
        }
        #expect(throws: ActionRefusal.self) {
            try sim.run([
                .launch, .present(name: "m", style: .pageSheet, sceneId: nil), .selectTab(index: 1, sceneId: nil),
            ])
        }
        #expect(throws: ActionRefusal.self) {
            try sim.run([.launch, .interruptionBegan(kind: .call), .selectTab(index: 1, sceneId: nil)])
        }
    }

    @Test func badTabsConfigs() {
        for bad in [[], ["a", "a"], ["", "b"], ["1", "2", "3", "4", "5", "6"]] {
            var c = SessionConfig()
            c.tabs = bad
            #expect(c.issue?.field.hasPrefix("tabs") == true, "\(bad)")
        }
    }
}

/// breadth §6.4–6.7: child containment.
@Suite struct ContainmentTests {
    /// §6.5 (DOC, [A-contain]) with §6.7 ([JIAN]): willMove, load, appear, didMove.
    @Test func addAndRemove() throws {
        let sim = sceneSimulator("17.0")
        let added = try sim.run([.launch, .addChild(name: "banner", sceneId: nil)])
        #expect(
            added.vcCalls == [
                "banner.willMove(toParent:)", "banner.loadView()", "banner.viewDidLoad()",
                "banner.viewWillAppear(_:)", "banner.viewIsAppearing(_:)", "banner.viewWillLayoutSubviews()",
                "banner.viewDidLayoutSubviews()", "banner.viewDidAppear(_:)", "banner.didMove(toParent:)",
            ])
        #expect(added.callbacks.first?.args?["parent"] == .string("root"))
        #expect(added.state.windows[0].contexts[0].stack[0].children.map(\.name) == ["banner"])
        let removed = try sim.apply(.removeChild(name: "banner", sceneId: nil), to: added.state)
        #expect(
            removed.vcCalls == [
                "banner.willMove(toParent:)", "banner.viewWillDisappear(_:)",
                "banner.viewDidDisappear(_:)", "banner.didMove(toParent:)",
            ])
        #expect(removed.callbacks.first?.args?["parent"] == .null)
        #expect(removed.state.windows[0].contexts[0].stack[0].children.isEmpty)
    }

    /// §6.4 (DOC): the container forwards its appearance calls to its children.
    @Test func appearanceIsForwarded() throws {
        let sim = sceneSimulator("17.0")
        let out = try sim.run([.launch, .addChild(name: "banner", sceneId: nil), .push(name: "detail", sceneId: nil)])
        #expect(
            out.vcCalls.filter { $0.contains("Disappear") } == [
                "root.viewWillDisappear(_:)", "banner.viewWillDisappear(_:)",
                "root.viewDidDisappear(_:)", "banner.viewDidDisappear(_:)",
            ])
        let popped = try sim.apply(.pop(sceneId: nil), to: out.state)
        #expect(popped.vcCalls.contains("banner.viewDidAppear(_:)"))
        #expect(popped.state.windows[0].contexts[0].stack[0].children[0].appearance == .appeared)
    }

    @Test func refusals() throws {
        let sim = sceneSimulator("17.0")
        do {
            _ = try sim.run([.launch, .addChild(name: "a", sceneId: nil), .removeChild(name: "b", sceneId: nil)])
            Issue.record("removing a missing child accepted")
        } catch {
            #expect((error as? ActionRefusal)?.needs.contains("a") == true)
        }
        #expect(throws: ActionRefusal.self) { try sim.run([.addChild(name: "a", sceneId: nil)]) }
    }
}

/// The figure's six edges hold for every controller — stack members, tabs and
/// children — through rotations, tab switches, containment and Dark Mode, on random
/// sequences that draw every kind from `ActionKind.allCases`.
@Suite struct RandomContainerAppearanceTests {
    @Test(arguments: [false, true])
    func everyControllerFollowsTheFigure(_ pad: Bool) throws {
        let sim = sceneSimulator("17.0") {
            $0.tabs = ["home", "search", "profile"]
            $0.backgroundModes = [.fetch]
            if pad {
                $0.device = .ipad
                $0.supportsMultipleScenes = true
            }
        }
        var kinds: Set<ActionKind> = []
        for seed in propertySeeds(20) {
            var rng = SplitMix64(seed: UInt64(9000 + seed))
            var state = AppSnapshot()
            var tracked: [String: Appearance] = [:]
            var serial = 0
            for step in 0..<250 {
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                var action = kind.random(using: &rng, in: state)
                // Unique names so each controller is tracked by its own key.
                serial += 1
                switch action {
                case .push(let push): action = .push(name: "p\(serial)", sceneId: push.sceneId)
                case .present(let present):
                    action = .present(name: "m\(serial)", style: present.style, sceneId: present.sceneId)
                case .addChild(let add): action = .addChild(name: "c\(serial)", sceneId: add.sceneId)
                default: break
                }
                guard let out = try? sim.apply(action, to: state) else { continue }
                kinds.insert(kind)
                for c in out.callbacks where c.receiver == .viewController {
                    guard let event = Appearance.Event(c.method) else { continue }
                    let key = "\(c.sceneId ?? "app")/\(c.viewController ?? "?")"
                    let before = tracked[key] ?? .disappeared
                    #expect(
                        before.after(event) != nil,
                        "seed \(seed) step \(step) \(kind): \(key) \(before) -\(event.method.name)")
                    tracked[key] = before.after(event) ?? before
                }
                // Controllers no longer in any window start over (the tracking agrees with
                // the state below, children and unselected tabs included).
                var live: Set<String> = []
                for w in out.state.windows {
                    var all: [ViewControllerSnapshot] =
                        w.contexts.flatMap(\.stack)
                        + (w.tabStacks ?? []).enumerated()
                        .filter { $0.offset != w.interface.tabBar?.selected }.flatMap(\.element)
                    var k = 0
                    while k < all.count {
                        all += all[k].children
                        k += 1
                    }
                    for vc in all { live.insert("\(w.sceneId ?? "app")/\(vc.name)") }
                    for vc in all {
                        if let t = tracked["\(w.sceneId ?? "app")/\(vc.name)"] {
                            #expect(t == vc.appearance, "seed \(seed) step \(step): \(vc.name)")
                        }
                    }
                    // Children mirror their parents.
                    for vc in all {
                        for child in vc.children {
                            #expect(child.appearance == vc.appearance, "seed \(seed) step \(step)")
                        }
                    }
                    // Unselected tabs are off screen.
                    for (t, stack) in (w.tabStacks ?? []).enumerated() where t != w.interface.tabBar?.selected {
                        #expect(stack.allSatisfy { $0.appearance == .disappeared })
                    }
                }
                tracked = tracked.filter { live.contains($0.key) }
                state = out.state
            }
        }
        for k in [ActionKind.rotate, .setAppearance, .selectTab, .addChild, .removeChild] {
            #expect(kinds.contains(k), "\(k) never applied")
        }
    }
}
