/// `interruptionEnded`: The interruption goes away: back to the app, or the user went elsewhere.
enum InterruptionEndedAction: ActionDefinition {
    static let parameters: [ActionParameter] = [.choice("outcome", InterruptionOutcome.self)]
    static let rule = ActionRule(
        summary: "Back to the app: didBecomeActive (no willEnterForeground); the user left: didEnterBackground.",
        sources: "S3, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .interruptionEnded(
            outcome: try f.require(
                "outcome", f.choice("outcome", InterruptionOutcome.self),
                hint: "\"resume\" (back to the app) or \"leave\" (the user went elsewhere)"))
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .interruptionEnded(let outcome) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("outcome", .string(outcome.rawValue))]
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .interruptionEnded(let outcome) = action else { return wrongKind(action) }
        try t.endInterruption(outcome)
    }

    /// Both outcomes: back to the app and the user went elsewhere take different paths.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        choiceVariants("outcome", InterruptionOutcome.self) { .interruptionEnded(outcome: $0) }
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .interruptionEnded(outcome: RandomMembers.choice(InterruptionOutcome.self, using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("resume", .interruptionEnded(outcome: .resume)), ("leave", .interruptionEnded(outcome: .leave))]
    }
}
