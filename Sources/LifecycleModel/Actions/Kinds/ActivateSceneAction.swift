/// `activateScene`: The user brings a scene to the foreground (nil: the one seen last).
public struct ActivateSceneAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .activateScene(sceneId: sceneId) }

    static let rule = ActionRule(
        summary:
            "The user brings a scene to the foreground: the scenes on screen resign active, it arrives and becomes active, then they enter the background; the app never leaves the foreground.",
        sources: "S2, [A-state], DOC; facts §4.7: the order a named choice")

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .activateScene(sceneId: $0) }
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.sceneAction { t throws(ActionRefusal) in try t.activateScene(sceneId) }
    }
}

extension Action {
    public static func activateScene(sceneId: String?) -> Action {
        .activateScene(ActivateSceneAction(sceneId: sceneId))
    }
}
