/// `closeScene`: The user closes a scene in the app switcher (disconnect, discard).
enum CloseSceneAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary:
            "The user closes a scene in the app switcher: sceneDidDisconnect, and the session is discarded (reported now if the app runs, else at the next launch).",
        sources: "facts §4, DOC")

    static func action(sceneId: String?) -> Action { .closeScene(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .closeScene(let id) = action else { return nil }
        return .some(id)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .closeScene(sceneId: $0) }
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .closeScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.closeScene(id) }
    }
}
