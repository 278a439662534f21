/// `lock`: The device is locked.
enum LockAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "Resign active and enter the background; protected data goes after a delay.",
                                 sources: "MULTI; DOC (protected data); quirk protectedDataDelay")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .lock
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.lockDevice()
    }

    static func sample(in state: AppSnapshot) -> Action { .lock }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .lock
    }

    static var examples: [(label: String, action: Action)] {
        [("", .lock)]
    }
}
