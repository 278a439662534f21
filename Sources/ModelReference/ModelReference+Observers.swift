import LifecycleModel

/// The observer part of the reference (issue #20; docs/observers.md): what each
/// channel delivers for one walk, on a scene app and a sceneless iOS 12 app, run
/// through the simulator with that channel alone.
extension ModelReference {
    static func observersSection() -> String {
        var out = """

            # Observers: notifications and framework lenses

            Config `observers` with one channel; the rows are the walk launch, background,
            launch, Control Center (interruptionBegan, interruptionEnded resume), terminate
            (user), each cell the channel's items for that action with `applicationState` as
            it reads then (a lens's state argument after its method). The poster's rules and
            each lens's are in docs/observers.md ([A-appnotes], [A-scenenotes], [BATCH-life]
            and the framework sources).

            """
        let walk: [(String, Action)] = [
            ("launch", .launch), ("background", .background), ("launch", .launch),
            ("interruptionBegan", .interruptionBegan(kind: .controlCenter)),
            ("interruptionEnded", .interruptionEnded(outcome: .resume)), ("terminate", .terminate(by: .user)),
        ]
        for (label, lifecycle, version) in [
            ("scene app, iOS 17", LifecycleKind.scene, "17.0"), ("sceneless, iOS 12", .app, "12.0"),
        ] {
            guard let v = IOSVersion(version) else { continue }
            out += "\n## \(label)\n\n| channel | \(walk.map(\.0).joined(separator: " | ")) |\n"
            out += "| --- |\(String(repeating: " --- |", count: walk.count))\n"
            for channel in ObserverChannel.allCases {
                var config = SessionConfig(lifecycle: lifecycle, iosVersion: v)
                config.observers = [channel]
                let sim = Simulator(config: config)
                var state = AppSnapshot()
                var cells: [String] = []
                for (_, action) in walk {
                    guard let outcome = try? sim.apply(action, to: state) else {
                        cells.append("409")
                        continue
                    }
                    state = outcome.state
                    let items = outcome.callbacks.filter(\.receiver.isObserver).map(observerLabel)
                    cells.append(items.isEmpty ? "none" : items.joined(separator: "<br>"))
                }
                out += "| `\(channel.rawValue)` | \(cells.joined(separator: " | ")) |\n"
            }
        }
        return out
    }

    /// An item as a cell names it: method, state argument, scene, app state.
    private static func observerLabel(_ c: Callback) -> String {
        var label = c.method.name
        if case .string(let state)? = c.args?["state"] { label += " \(state)" }
        if case .bool(let isActive)? = c.args?["isActive"] { label += " isActive=\(isActive)" }
        return "`\(label)` (\(c.appState.rawValue)\(c.sceneId.map { "; \($0)" } ?? ""))"
    }
}
