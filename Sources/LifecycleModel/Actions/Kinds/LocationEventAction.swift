/// `locationEvent`: A location update launches or wakes the app (`location` mode).
enum LocationEventAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "A location update launches or wakes the app (location mode; not after a force-quit).",
                                 sources: "S2, S4, DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .locationEvent
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.location)
    }

    static func sample(in state: AppSnapshot) -> Action { .locationEvent }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .locationEvent
    }

    static var examples: [(label: String, action: Action)] {
        [("", .locationEvent)]
    }
}
