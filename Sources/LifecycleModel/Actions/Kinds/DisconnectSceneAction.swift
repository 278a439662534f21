/// `disconnectScene`: UIKit reclaims a background or suspended scene.
public struct DisconnectSceneAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .disconnectScene(sceneId: sceneId) }

    static let rule = ActionRule(
        summary:
            "UIKit reclaims a background or suspended scene: stateRestorationActivity(for:), sceneDidDisconnect; the session survives.",
        sources: "S2, DOC")

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .disconnectScene(sceneId: $0) }
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.sceneAction { t throws(ActionRefusal) in try t.disconnectScene(sceneId) }
    }
}

extension Action {
    public static func disconnectScene(sceneId: String?) -> Action {
        .disconnectScene(DisconnectSceneAction(sceneId: sceneId))
    }
}
