/// `disconnectScene`: UIKit reclaims a background or suspended scene.
enum DisconnectSceneAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary:
            "UIKit reclaims a background or suspended scene: stateRestorationActivity(for:), sceneDidDisconnect; the session survives.",
        sources: "S2, DOC")

    static func action(sceneId: String?) -> Action { .disconnectScene(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .disconnectScene(let id) = action else { return nil }
        return .some(id)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .disconnectScene(sceneId: $0) }
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .disconnectScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.disconnectScene(id) }
    }
}
