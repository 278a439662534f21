/// `unlock`: The device is unlocked.
enum UnlockAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "Protected data returns; an app that was in the foreground comes back.",
                                 sources: "MULTI, DOC; order a documented choice")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .unlock
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.unlockDevice()
    }

    static func sample(in state: AppSnapshot) -> Action { .unlock }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .unlock
    }

    static var examples: [(label: String, action: Action)] {
        [("", .unlock)]
    }
}
