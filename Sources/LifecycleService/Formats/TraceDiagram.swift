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
    /// A SwiftUI App life-cycle trace: the app-level lifeline is the delegate adaptor,
    /// a scene's lifeline its views' phase.
    private var swiftUI = false

    init(_ trace: Trace) {
        let swiftUIReceivers: Set<Receiver> = [.app, .appDelegateAdaptor, .scene, .view]
        swiftUI = trace.steps.contains { $0.callbacks.contains { swiftUIReceivers.contains($0.callback.receiver) } }
        if swiftUI { participants[1].label = Receiver.appDelegateAdaptor.rawValue }
        var app = trace.initialAppState
        var scenes: [String: SceneState] = [:]
        for step in trace.steps {
            if let action = step.action { items.append(.banner(action)) }
            for e in step.callbacks {
                let c = e.callback
                // An observer item reads the state (which may lag, by design); it does not move it.
                if c.receiver.isObserver {
                    items.append(.arrow(to: participant(for: c), text: "\(e.seq) \(Trace.methodLabel(c))"))
                    continue
                }
                if c.appState != app {
                    items.append(.note(over: "App", text: "app \(c.appState.rawValue)"))
                    app = c.appState
                }
                if let id = c.sceneId, let state = c.sceneState, scenes[id] != state {
                    items.append(.note(over: sceneDelegate(id), text: "\(Trace.oneLine(id)) \(state.rawValue)"))
                    scenes[id] = state
                }
                items.append(.arrow(to: participant(for: c), text: "\(e.seq) \(Trace.methodLabel(c))"))
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
        case .appDelegate, .appDelegateAdaptor: return "App"
        case .sceneDelegate, .scene: return sceneDelegate(c.sceneId ?? "scene")
        case .app: return declare(key: "app", prefix: "R", label: "App (SwiftUI)")
        case .viewController, .view:
            let name = c.viewController ?? "viewController"
            let label = c.sceneId.map { "\(name) (\($0))" } ?? name
            return declare(key: "vc|\(c.sceneId ?? "")|\(name)", prefix: "VC", label: label)
        case .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .tabBarControllerDelegate, .bgTask,
            .urlSessionDelegate:
            return declare(key: c.receiver.rawValue, prefix: "R", label: c.receiver.rawValue)
        case .observer:
            // Issue #20: one lifeline per observer channel.
            return declare(key: c.receiver.rawValue, prefix: "O", label: c.receiver.rawValue)
        }
    }

    private mutating func sceneDelegate(_ id: String) -> String {
        declare(key: "scene|\(id)", prefix: "SD", label: "\(swiftUI ? "scene" : "sceneDelegate") \(id)")
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
