/// `push`: A navigation push of a new view controller (in the scene's window, if named).
public struct PushAction: ActionDefinition {
    public var name: String
    public var sceneId: String?

    public init(name: String, sceneId: String?) {
        self.name = name
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [.text("name", example: "detail"), .sceneId]
    static let rule = ActionRule(
        summary: "Navigation push: the new controller loads, the old one disappears as it appears.",
        sources: "[A-vc] DOC (figure); facts §7, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .push(name: try f.controllerName(), sceneId: try f.sceneId())
    }

    var members: [JSONMember] {
        return [JSONMember("name", .string(name))] + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.push(name, sceneId: sceneId)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.push(name: "sample", sceneId: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .push(name: "vc", sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .push(name: "detail", sceneId: nil))]
    }
}

extension Action {
    public static func push(name: String, sceneId: String?) -> Action {
        .push(PushAction(name: name, sceneId: sceneId))
    }
}
