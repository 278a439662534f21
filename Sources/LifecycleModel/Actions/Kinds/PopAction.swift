/// `pop`: Pop the top view controller.
enum PopAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary: "Navigation pop of the top controller; nothing to pop is a 409.",
        sources: "[A-vc]; facts §7, MULTI")

    static func action(sceneId: String?) -> Action { .pop(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .pop(let id) = action else { return nil }
        return .some(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .pop(let id) = action else { return wrongKind(action) }
        try t.pop(sceneId: id)
    }
}
