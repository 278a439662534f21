import LifecycleModel

/// The UI part of the reference (breadth §5–6): the names rotation and Dark Mode
/// use by version, and a tab bar's switches, each run through the simulator.
extension ModelReference {
    static func interfaceSection() -> String {
        var out = """

            # UI: rotation, Dark Mode, tabs (breadth §5–6)

            ## Names by version

            A scene app on iPhone (sceneless: iOS 17 without scenes), launched, then turned
            from portrait to landscape, then switched to Dark Mode.

            | iOS | rotate (portrait → landscapeLeft) | setAppearance (dark) |
            | --- | --- | --- |

            """
        for (label, version, lifecycle) in [
            ("13.0", "13.0", LifecycleKind.scene), ("16.0", "16.0", .scene),
            ("17.0", "17.0", .scene), ("17.0 sceneless", "17.0", .app), ("26.0", "26.0", .scene),
        ] {
            guard let v = IOSVersion(version) else { continue }
            let sim = Simulator(config: SessionConfig(lifecycle: lifecycle, iosVersion: v))
            let steps = trace(
                sim, setup: [.launch],
                [.rotate(orientation: .landscapeLeft, sceneId: nil), .setAppearance(style: .dark)])
            out += "| \(label) | \(steps.joined(separator: " | ")) |\n"
        }
        out += """

            ## Tab bar

            Config `tabs: ["home","search"]` (scene app, iOS 17), launched; each row is the
            next action. The "will" order of a switch is quirk `tabSwitchWillOrder`
            (default `newFirstOnFirstVisit`).

            | action | callbacks |
            | --- | --- |

            """
        let tabs = Simulator(config: SessionConfig(tabs: ["home", "search"]))
        let actions: [(String, Action)] = [
            ("selectTab 1 (first visit)", .selectTab(index: 1, sceneId: nil)),
            ("selectTab 0 (later visit)", .selectTab(index: 0, sceneId: nil)),
            ("selectTab 0 (again)", .selectTab(index: 0, sceneId: nil)),
            ("addChild banner", .addChild(name: "banner", sceneId: nil)),
            ("selectTab 1", .selectTab(index: 1, sceneId: nil)),
        ]
        for (label, cell) in zip(actions.map(\.0), trace(tabs, setup: [.launch], actions.map(\.1))) {
            out += "| \(label) | \(cell) |\n"
        }
        return out
    }

    /// Each action's callbacks as one table cell, applied in turn after `setup`.
    private static func trace(_ sim: Simulator, setup: [Action], _ actions: [Action]) -> [String] {
        var state = AppSnapshot()
        for a in setup {
            guard let out = try? sim.apply(a, to: state) else { return [] }
            state = out.state
        }
        return actions.map { action in
            do throws(ActionRefusal) {
                let out = try sim.apply(action, to: state)
                state = out.state
                return out.callbacks.map { c in
                    let who = c.viewController ?? (c.receiver == .viewController ? "?" : c.receiver.rawValue)
                    return "`\(who).\(c.method.name)`"
                }.joined(separator: "<br>")
            } catch {
                return "409: needs \(error.needs)"
            }
        }
    }
}
