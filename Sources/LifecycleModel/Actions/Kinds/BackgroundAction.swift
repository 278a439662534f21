/// `background`: The user leaves the app for the home screen.
enum BackgroundAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "The user leaves the app for the home screen; state is saved if the app opts in.",
                                 sources: "S1, DOC; LIFECYCLE.md §6")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .background
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.goHome()
    }

    static func sample(in state: AppSnapshot) -> Action { .background }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .background
    }

    static var examples: [(label: String, action: Action)] {
        [("", .background)]
    }
}
