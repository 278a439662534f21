/// `tapNotification`: The user taps a remote notification; `payload` is the APNs JSON object.
public struct TapNotificationAction: ActionDefinition {
    public var payload: JSONValue

    public init(payload: JSONValue) {
        self.payload = payload
    }

    static let parameters: [ActionParameter] = [.json("payload", example: #"{"aps":{"alert":"Hello"}}"#)]
    static let rule = ActionRule(
        summary: "A tapped notification: the notification-center delegate if set, else didReceiveRemoteNotification.",
        sources: "S1, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .tapNotification(payload: try f.payload())
    }

    var members: [JSONMember] {
        return [JSONMember("payload", payload)]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
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

extension Action {
    public static func tapNotification(payload: JSONValue) -> Action {
        .tapNotification(TapNotificationAction(payload: payload))
    }
}
