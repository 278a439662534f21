import LifecycleModel

/// A trace laid out as a sequence diagram, independent of the diagram language:
/// the participants in order and the arrows and notes between them.
///
/// The system (UIKit) calls every method, so every arrow starts at `System`; the app
/// delegate is always a participant, the others appear in the order they first receive
/// a callback: one scene delegate per scene, one lifeline per view controller.
struct TraceDiagram {
    struct Participant: Equatable {
        /// The identifier the diagram text uses (`System`, `App`, `SD1`, `VC1`, `R1`).
        var alias: String
        /// What the diagram shows.
        var label: String
    }

    enum Item {
        /// One callback.
        case arrow(to: String, text: String)
        /// A note over one participant (a state change).
        case note(over: String, text: String)
        /// A note across every lifeline (an action).
        case banner(String)
    }

    private(set) var participants: [Participant] = [
        Participant(alias: "System", label: "iOS (UIKit)"),
        Participant(alias: "App", label: "appDelegate"),
    ]
    private(set) var items: [Item] = []
    private var aliases: [String: String] = [:]
    private var counts: [String: Int] = [:]

    init(_ trace: Trace) {
        var app = trace.initialAppState
        var scenes: [String: SceneState] = [:]
        for step in trace.steps {
            if let action = step.action { items.append(.banner(action)) }
            for e in step.callbacks {
                let c = e.callback
                if c.appState != app {
                    items.append(.note(over: "App", text: "app \(c.appState.rawValue)"))
                    app = c.appState
                }
                if let id = c.sceneId, let state = c.sceneState, scenes[id] != state {
                    items.append(.note(over: sceneDelegate(id), text: "\(Trace.oneLine(id)) \(state.rawValue)"))
                    scenes[id] = state
                }
                items.append(.arrow(to: participant(for: c), text: "\(e.seq) \(Trace.oneLine(c.method))"))
            }
            if let after = step.appStateAfter, after != app {
                items.append(.note(over: "App", text: "app \(after.rawValue)"))
                app = after
            }
        }
    }

    /// The alias of the participant that receives `c`, declaring it on first use.
    private mutating func participant(for c: Callback) -> String {
        switch c.receiver {
        case .appDelegate: return "App"
        case .sceneDelegate: return sceneDelegate(c.sceneId ?? "scene")
        case .viewController:
            let name = c.viewController ?? "viewController"
            let label = c.sceneId.map { "\(name) (\($0))" } ?? name
            return declare(key: "vc|\(c.sceneId ?? "")|\(name)", prefix: "VC", label: label)
        case .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .bgTask, .urlSessionDelegate:
            return declare(key: c.receiver.rawValue, prefix: "R", label: c.receiver.rawValue)
        }
    }

    private mutating func sceneDelegate(_ id: String) -> String {
        declare(key: "scene|\(id)", prefix: "SD", label: "sceneDelegate \(id)")
    }

    private mutating func declare(key: String, prefix: String, label: String) -> String {
        if let alias = aliases[key] { return alias }
        let n = (counts[prefix] ?? 0) + 1
        counts[prefix] = n
        let alias = "\(prefix)\(n)"
        aliases[key] = alias
        participants.append(Participant(alias: alias, label: Trace.oneLine(label)))
        return alias
    }

    /// The alias of the last lifeline, where action notes end.
    var lastAlias: String { participants[participants.count - 1].alias }
}
