/// `addChild`: The visible view controller embeds a child view controller.
public struct AddChildAction: ActionDefinition {
    public var name: String
    public var sceneId: String?

    public init(name: String, sceneId: String?) {
        self.name = name
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [.text("name", example: "banner"), .sceneId]
    static let rule = ActionRule(
        summary:
            "Child added to the visible controller: willMove(toParent:) from addChild, the child loads and appears with its parent on screen, then didMove(toParent:); later appearance calls of the parent are forwarded.",
        sources: "breadth §6.4–6.5, §6.7; [A-contain] DOC; [JIAN] SINGLE")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .addChild(name: try f.controllerName(), sceneId: try f.sceneId())
    }

    var members: [JSONMember] {
        return [JSONMember("name", .string(name))] + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.addChild(name, sceneId: sceneId)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.addChild(name: "sample", sceneId: nil))]
    }

    /// One name, so `removeChild`'s generator finds it even without the state.
    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .addChild(name: "child", sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .addChild(name: "banner", sceneId: nil))]
    }
}

extension Action {
    public static func addChild(name: String, sceneId: String?) -> Action {
        .addChild(AddChildAction(name: name, sceneId: sceneId))
    }
}
