/// `launch`: The user taps the app icon: a cold launch, or a return to the foreground.
enum LaunchAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "The user taps the app icon: a cold launch, or a return to the foreground.",
                                 sources: "S1, R12, [A-launch]")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .launch
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.open(nil)
    }

    static func sample(in state: AppSnapshot) -> Action { .launch }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .launch
    }

    static var examples: [(label: String, action: Action)] {
        [("", .launch)]
    }
}
