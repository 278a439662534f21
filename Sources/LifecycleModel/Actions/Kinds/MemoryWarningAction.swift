/// `memoryWarning`: The system is low on memory.
enum MemoryWarningAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "Running apps only; suspended apps get nothing.",
                                 sources: "[A-mem], DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .memoryWarning
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        t.memoryWarning()
    }

    static func sample(in state: AppSnapshot) -> Action { .memoryWarning }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .memoryWarning
    }

    static var examples: [(label: String, action: Action)] {
        [("", .memoryWarning)]
    }
}
