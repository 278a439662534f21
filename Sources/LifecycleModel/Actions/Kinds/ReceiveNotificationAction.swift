/// `receiveNotification`: A remote notification arrives, not tapped (`aps.content-available: 1` for a silent push).
public struct ReceiveNotificationAction: ActionDefinition {
    public var payload: JSONValue

    public init(payload: JSONValue) {
        self.payload = payload
    }

    static let parameters: [ActionParameter] = [.json("payload", example: #"{"aps":{"content-available":1}}"#)]
    static let rule = ActionRule(
        summary:
            "A push arrives: willPresent over an active app (delegate), didReceiveRemoteNotification for content-available (background needs remote-notification mode).",
        sources: "DOC; S4")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .receiveNotification(payload: try f.payload())
    }

    var members: [JSONMember] {
        return [JSONMember("payload", payload)]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
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

extension Action {
    public static func receiveNotification(payload: JSONValue) -> Action {
        .receiveNotification(ReceiveNotificationAction(payload: payload))
    }
}
