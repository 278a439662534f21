/// `closeScene`: The user closes a scene in the app switcher (disconnect, discard).
public struct CloseSceneAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .closeScene(sceneId: sceneId) }

    static let rule = ActionRule(
        summary:
            "The user closes a scene in the app switcher: sceneDidDisconnect, and the session is discarded (reported now if the app runs, else at the next launch).",
        sources: "facts §4, DOC")

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .closeScene(sceneId: $0) }
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.sceneAction { t throws(ActionRefusal) in try t.closeScene(sceneId) }
    }
}

extension Action {
    public static func closeScene(sceneId: String?) -> Action { .closeScene(CloseSceneAction(sceneId: sceneId)) }
}
