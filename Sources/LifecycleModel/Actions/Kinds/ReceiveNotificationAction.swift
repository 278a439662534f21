/// `receiveNotification`: A remote notification arrives, not tapped (`aps.content-available: 1` for a silent push).
enum ReceiveNotificationAction: ActionDefinition {
    static let parameters: [ActionParameter] = [.json("payload", example: #"{"aps":{"content-available":1}}"#)]
    static let rule = ActionRule(
        summary:
            "A push arrives: willPresent over an active app (delegate), didReceiveRemoteNotification for content-available (background needs remote-notification mode).",
        sources: "DOC; S4")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .receiveNotification(payload: try f.payload())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .receiveNotification(let payload) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("payload", payload)]
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .receiveNotification(let payload) = action else { return wrongKind(action) }
        t.receiveNotification(payload)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.receiveNotification(payload: .object(["aps": .object([:])])))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .receiveNotification(payload: RandomMembers.push(using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [
            (
                "silent (content-available)",
                .receiveNotification(payload: .object(["aps": .object(["content-available": .number("1")])]))
            ),
            ("alert", .receiveNotification(payload: .object(["aps": .object(["alert": .string("Hi")])]))),
        ]
    }
}
