/// `dismiss`: Dismiss the top presentation.
enum DismissAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary: "Dismissal of the top presentation; nothing presented is a 409.",
        sources: "facts §7; order a documented choice")

    static func action(sceneId: String?) -> Action { .dismiss(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .dismiss(let id) = action else { return nil }
        return .some(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .dismiss(let id) = action else { return wrongKind(action) }
        try t.dismiss(sceneId: id)
    }
}
