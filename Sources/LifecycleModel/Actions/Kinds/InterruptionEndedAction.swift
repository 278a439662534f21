/// `interruptionEnded`: The interruption goes away: back to the app, or the user went elsewhere.
public struct InterruptionEndedAction: ActionDefinition {
    public var outcome: InterruptionOutcome

    public init(outcome: InterruptionOutcome) {
        self.outcome = outcome
    }

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

    var members: [JSONMember] {
        return [JSONMember("outcome", .string(outcome.rawValue))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
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

extension Action {
    public static func interruptionEnded(outcome: InterruptionOutcome) -> Action {
        .interruptionEnded(InterruptionEndedAction(outcome: outcome))
    }
}
