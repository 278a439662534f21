import LifecycleModel

/// Renders the model reference (docs/model.md) from the simulator itself: for each
/// action and each starting state, the callbacks it makes, or why it is refused.
public enum ModelReference {
    /// The starting states the reference shows, reached by real actions.
    static func starts(_ profile: Profile) -> [(name: String, setup: [Action])] {
        var starts: [(name: String, setup: [Action])] = [
            ("notRunning", []),
            ("active", [.launch]),
            ("inactive (interrupted)", [.launch, .interruptionBegan(kind: .systemAlert)]),
            ("background", [.launch, .background]),
            ("suspended", [.launch, .background, .advanceTime(seconds: 5)]),
            ("background, locked", [.launch, .lock]),
            ("active, detail pushed", [.launch, .push(name: "detail", sceneId: nil)]),
            ("active, sheet presented", [.launch, .present(name: "sheet", style: .pageSheet, sceneId: nil)]),
        ]
        if profile.multipleScenes {
            starts.append(("two scenes, scene-2 active", [.launch, .openScene(by: .user)]))
            starts.append(("scene-1 disconnected", [.launch, .background, .disconnectScene(sceneId: "scene-1")]))
        }
        return starts
    }

    /// The reference as Markdown: one part per config, then the version differences.
    public static func render(configs: [SessionConfig]) -> String {
        var out = """
            # Model reference

            Generated from the model by `make docs`; a test fails when this file and the
            model disagree. Each table row gives the callbacks in order, with the
            `applicationState` while each runs (and, for scene callbacks, the scene and
            its state), then the app state after. A refused action shows 409 and what it
            needs. The version differences (iOS ≤ 12 status-bar and orientation calls,
            Secure restoration names from 13.2, background-time limits) are listed at the
            end.

            Sources: S1–S4 are the seeds; R12 and [A-…] are as in docs/sources.md. DOC means
            documented by Apple, MULTI observed by several developers.

            """
        for config in configs { out += part(config) }
        for config in configs where config.backgroundTasks.isEmpty && config.ui == .uikit {
            out += backgroundWorkPart(config)
        }
        if let first = configs.first { out += versionDifferences(first) }
        out += interfaceSection()
        out += observersSection()
        return out
    }

    /// The background-work, prewarming and push actions again, for an app that lists BGTask identifiers
    /// (`com.example.refresh`, appRefresh; `com.example.cleanup`, processing), has the
    /// fetch and processing modes and registers for remote notifications.
    private static func backgroundWorkPart(_ base: SessionConfig) -> String {
        var config = base
        config.backgroundTasks = [
            PermittedBackgroundTask(identifier: "com.example.refresh", kind: .appRefresh),
            PermittedBackgroundTask(identifier: "com.example.cleanup", kind: .processing),
        ]
        config.backgroundModes.formUnion([.fetch, .processing])
        config.registersForRemoteNotifications = true
        return part(
            config, title: "Background work, `lifecycle: \(config.lifecycle.rawValue)`",
            note:
                "`backgroundTasks` com.example.refresh (appRefresh) and com.example.cleanup (processing), `registersForRemoteNotifications` true, ",
            kinds: [.runBackgroundTask, .backgroundURLSessionEvents, .prewarm, .launch, .backgroundFetch])
    }

    private static func part(
        _ config: SessionConfig, title: String? = nil, note: String = "", kinds only: [ActionKind]? = nil
    ) -> String {
        let sim = Simulator(config: config)
        // A SwiftUI part is named for its `ui`; its receivers are SwiftUI's (breadth §7).
        let name = config.ui == .swiftUI ? "ui: \(config.ui.rawValue)" : "lifecycle: \(config.lifecycle.rawValue)"
        let tag = config.ui == .swiftUI ? config.ui.rawValue : config.lifecycle.rawValue
        var out = """

            # \(title ?? "`\(name)`")

            \(config.ui == .swiftUI ? swiftUIIntro : "")Config: `iosVersion` \(config.iosVersion), `device` \(config.device.rawValue), `stateRestoration` \(config.stateRestoration),
            `supportsMultipleScenes` \(config.supportsMultipleScenes), `notificationCenterDelegate` \(config.notificationCenterDelegate),
            `backgroundModes` \(config.backgroundModes.sorted().map(\.rawValue).joined(separator: ", ")), \(note)quirks at their defaults.

            """
        // A sceneless part leaves out the kinds it refuses everywhere for want of scenes.
        let kinds = (only ?? ActionKind.allCases).filter { !needsScenesEverywhere($0, sim) }
        for kind in kinds {
            out +=
                "\n## `\(kind.rawValue)` (\(tag)\(only == nil ? "" : ", background work"))\n\n\(kind.rule.summary) Sources: \(kind.rule.sources).\n"
            for (label, action) in kind.examples {
                if !label.isEmpty { out += "\n*\(label)*\n" }
                out += "\n| from | callbacks | then |\n| --- | --- | --- |\n"
                for start in starts(sim.profile) {
                    guard let state = try? run(sim, start.setup) else { continue }
                    do {
                        let outcome = try sim.apply(action, to: state)
                        let calls = outcome.callbacks.map { c in
                            let method = callbackLabel(c)
                            return
                                "`\(method)` (\(c.appState.rawValue)\(c.sceneId.map { "; \($0) \(c.sceneState?.rawValue ?? "")" } ?? ""))"
                        }
                        out +=
                            "| \(start.name) | \(calls.isEmpty ? "none" : calls.joined(separator: "<br>")) | \(outcome.state.app.rawValue) |\n"
                    } catch {
                        out += "| \(start.name) | 409: needs \(error.needs) | — |\n"
                    }
                }
            }
        }
        return out
    }

    /// A callback as a table cell names it: view controllers (and SwiftUI views) by
    /// name; SwiftUI's other receivers by theirs, phase changes with their phases.
    private static func callbackLabel(_ c: Callback) -> String {
        var method = c.viewController.map { "\($0).\(c.method.name)" } ?? c.method.name
        if let from = c.args?["from"]?.stringValue, let to = c.args?["to"]?.stringValue { method += " \(from)→\(to)" }
        if [.app, .appDelegateAdaptor, .scene].contains(c.receiver) { method = "\(c.receiver.rawValue): \(method)" }
        return method
    }

    private static let swiftUIIntro = """
        The SwiftUI App life cycle (breadth §7): `app:` is the SwiftUI `App`,
        `appDelegateAdaptor:` its `@UIApplicationDelegateAdaptor`'s delegate, `scene:`
        a scene's `onChange(of: scenePhase)`, a name before the method a view (its
        `onAppear`, `onDisappear`, `onOpenURL`, `onContinueUserActivity`). SwiftUI's own
        scene delegate and hosting controllers are not shown.


        """

    /// Whether every example of `kind` is refused from every start for want of a
    /// scene-based session.
    private static func needsScenesEverywhere(_ kind: ActionKind, _ sim: Simulator) -> Bool {
        kind.examples.allSatisfy { example in
            starts(sim.profile).allSatisfy { start in
                guard let state = try? run(sim, start.setup) else { return true }
                do throws(ActionRefusal) {
                    _ = try sim.apply(example.action, to: state)
                    return false
                } catch {
                    return error.needs.hasPrefix("a scene-based session")
                }
            }
        }
    }

    private static func run(_ sim: Simulator, _ actions: [Action]) throws(ActionRefusal) -> AppSnapshot {
        var state = AppSnapshot()
        for a in actions { state = try sim.apply(a, to: state).state }
        return state
    }

    private static func versionDifferences(_ config: SessionConfig) -> String {
        var out =
            "\n## Version differences\n\n| iOS | cold launch (icon) | background-time limit | restoration names | expiration lead / kill after the limit | prewarm | scene switcher kill | Notification Center pull reactivates |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for version in ["11.0", "12.4", "13.1", "13.2", "14.8", "15.0", "17.0", "26.0", "27.0"] {
            guard let v = IOSVersion(version) else { continue }
            var c = config
            c.iosVersion = v
            c.lifecycle = .app
            // breadth §9.1: sceneless on iOS 27 means a binary built with an older SDK.
            c.sdkVersion = v.major >= 27 ? IOSVersion("26.0") : nil
            c.quirks = Quirks()
            var scene = c
            scene.lifecycle = .scene
            scene.supportsMultipleScenes = false
            let sceneKill = v.major >= 13 ? Simulator(config: scene).profile.switcherKillSequence.rawValue : "—"
            let sim = Simulator(config: c)
            let launch = (try? sim.apply(.launch, to: AppSnapshot()))?.callbacks.map(\.method.name) ?? []
            let compact = launch.reduce(into: [(String, Int)]()) { runs, m in
                if runs.last?.0 == m { runs[runs.count - 1].1 += 1 } else { runs.append((m, 1)) }
            }.map { $0.1 > 1 ? "`\($0.0)` ×\($0.1)" : "`\($0.0)`" }
            let p = sim.profile
            out +=
                "| \(version)\(c.sdkVersion.map { " (SDK \($0))" } ?? "") | \(compact.joined(separator: "<br>")) | \(Int(p.backgroundTimeLimit)) s | `\(p.restoration.shouldSave.name)` | \(Int(p.timing.expirationLead)) s / \(Int(p.backgroundKillGrace)) s | \(p.work.canPrewarm ? "yes" : "no") | \(sceneKill) | \(p.notificationCenterPullReactivates ? "yes" : "no") |\n"
        }
        return out
    }
}
