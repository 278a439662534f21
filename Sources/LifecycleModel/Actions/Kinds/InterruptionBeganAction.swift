/// `interruptionBegan`: Something covers the active app (an alert, a call, Control Center, …).
public struct InterruptionBeganAction: ActionDefinition {
    public var kind: InterruptionKind

    public init(kind: InterruptionKind) {
        self.kind = kind
    }

    static let parameters: [ActionParameter] = [.choice("kind", InterruptionKind.self)]
    static let rule = ActionRule(
        summary: "Something covers the active app: willResignActive, the app stays on screen inactive.",
        sources: "S3, [A-state], MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .interruptionBegan(
            kind: try f.require(
                "kind", f.choice("kind", InterruptionKind.self),
                hint: "what covers the app: \(InterruptionKind.allCases.map(\.rawValue).joined(separator: ", "))"))
    }

    var members: [JSONMember] {
        return [JSONMember("kind", .string(kind.rawValue))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.beginInterruption(kind)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.interruptionBegan(kind: .systemAlert))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .interruptionBegan(kind: RandomMembers.choice(InterruptionKind.self, using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .interruptionBegan(kind: .call))]
    }
}

extension Action {
    public static func interruptionBegan(kind: InterruptionKind) -> Action {
        .interruptionBegan(InterruptionBeganAction(kind: kind))
    }
}
