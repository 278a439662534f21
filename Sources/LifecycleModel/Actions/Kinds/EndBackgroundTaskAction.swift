/// `endBackgroundTask`: The app's code calls `endBackgroundTask(_:)` for a task id.
public struct EndBackgroundTaskAction: ActionDefinition {
    public var id: Int

    public init(id: Int) {
        self.id = id
    }

    static let parameters: [ActionParameter] = [ActionParameter(name: "id", input: .task)]
    static let rule = ActionRule(
        summary: "The app ends a task; with none left it is suspended once its suspension time has come.",
        sources: "DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .endBackgroundTask(
            id: try f.require(
                "id", f.integer("id", in: 1...Int(Int32.max), what: "a background task id (an integer from 1)"),
                hint: "the id beginBackgroundTask gave (see state.backgroundTasks)"))
    }

    var members: [JSONMember] {
        return [JSONMember("id", .number(String(id)))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.endBackgroundTask(id: id)
    }

    /// The first running task (any other is ended by the same rule); none without one.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        state.backgroundTasks.first.map { [ActionVariant(.endBackgroundTask(id: $0.id))] } ?? []
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .endBackgroundTask(id: state.backgroundTasks.randomElement(using: &g)?.id ?? 1)
    }

    static var examples: [(label: String, action: Action)] {
        [("id 1", .endBackgroundTask(id: 1))]
    }
}

extension Action {
    public static func endBackgroundTask(id: Int) -> Action { .endBackgroundTask(EndBackgroundTaskAction(id: id)) }
}
