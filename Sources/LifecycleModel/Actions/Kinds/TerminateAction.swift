/// `terminate`: The process ends.
enum TerminateAction: ActionDefinition {
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

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .terminate(let by) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("by", .string(by.rawValue))]
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .terminate(let by) = action else { return wrongKind(action) }
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
