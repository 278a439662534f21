/// `tapNotification`: The user taps a remote notification; `payload` is the APNs JSON object.
enum TapNotificationAction: ActionDefinition {
    static let parameters: [ActionParameter] = [.json("payload", example: #"{"aps":{"alert":"Hello"}}"#)]
    static let rule = ActionRule(
        summary: "A tapped notification: the notification-center delegate if set, else didReceiveRemoteNotification.",
        sources: "S1, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .tapNotification(payload: try f.payload())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .tapNotification(let payload) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("payload", payload)]
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .tapNotification(let payload) = action else { return wrongKind(action) }
        try t.open(.notification(payload))
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.tapNotification(payload: .object(["aps": .object([:])])))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .tapNotification(payload: RandomMembers.push(using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .tapNotification(payload: .object(["aps": .object(["alert": .string("Hi")])])))]
    }
}
