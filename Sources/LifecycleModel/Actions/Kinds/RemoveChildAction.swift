/// `removeChild`: The visible view controller removes one of its children.
enum RemoveChildAction: ActionDefinition {
    static let parameters: [ActionParameter] = [.text("name", example: "banner"), .sceneId]
    static let rule = ActionRule(
        summary:
            "Child removed from the visible controller: willMove(toParent: nil) by the app, the child disappears, didMove(toParent: nil) from removeFromParent.",
        sources: "breadth §6.5, §6.7; [A-contain] DOC; [JIAN] SINGLE")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .removeChild(name: try f.controllerName(), sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .removeChild(let name, let id) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("name", .string(name))] + sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .removeChild(let name, let id) = action else { return wrongKind(action) }
        try t.removeChild(name, sceneId: id)
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
