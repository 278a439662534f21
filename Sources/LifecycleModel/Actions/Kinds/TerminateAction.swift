/// `terminate`: The process ends.
public struct TerminateAction: ActionDefinition {
    public var by: TerminationCause

    public init(by: TerminationCause) {
        self.by = by
    }

    static let parameters: [ActionParameter] = [.choice("by", TerminationCause.self)]
    static let rule = ActionRule(
        summary:
            "The process ends: silent when suspended, applicationWillTerminate when running; a user's force-quit deletes the restoration archive.",
        sources: "S3, DOC; quirk switcherKillSequence")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let by = try f.require(
            "by", f.choice("by", TerminationCause.self),
            hint: "\"user\" (swiped away in the app switcher) or \"system\"")
        return .terminate(by: by)
    }

    var members: [JSONMember] {
        return [JSONMember("by", .string(by.rawValue))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.terminateAction(by: by)
    }

    /// By the user and by the system: a locked app in the background cannot be swiped
    /// away, yet the system can still end it.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        choiceVariants("by", TerminationCause.self) { .terminate(by: $0) }
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .terminate(by: RandomMembers.choice(TerminationCause.self, using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("by user", .terminate(by: .user)), ("by system", .terminate(by: .system))]
    }
}

extension Action {
    public static func terminate(by: TerminationCause) -> Action { .terminate(TerminateAction(by: by)) }
}
