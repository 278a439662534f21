/// `removeChild`: The visible view controller removes one of its children.
public struct RemoveChildAction: ActionDefinition {
    public var name: String
    public var sceneId: String?

    public init(name: String, sceneId: String?) {
        self.name = name
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [.text("name", example: "banner"), .sceneId]
    static let rule = ActionRule(
        summary:
            "Child removed from the visible controller: willMove(toParent: nil) by the app, the child disappears, didMove(toParent: nil) from removeFromParent.",
        sources: "breadth §6.5, §6.7; [A-contain] DOC; [JIAN] SINGLE")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .removeChild(name: try f.controllerName(), sceneId: try f.sceneId())
    }

    var members: [JSONMember] {
        return [JSONMember("name", .string(name))] + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.removeChild(name, sceneId: sceneId)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        let name = state.defaultWindow?.visibleTop.children.first?.name ?? "sample"
        return [ActionVariant(.removeChild(name: name, sceneId: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .removeChild(
            // "child": addChild's
            name: state.defaultWindow?.visibleTop.children.randomElement(using: &g)?.name ?? "child", sceneId: nil)
    }

    static var examples: [(label: String, action: Action)] {
        [("", .removeChild(name: "banner", sceneId: nil))]
    }
}

extension Action {
    public static func removeChild(name: String, sceneId: String?) -> Action {
        .removeChild(RemoveChildAction(name: name, sceneId: sceneId))
    }
}
