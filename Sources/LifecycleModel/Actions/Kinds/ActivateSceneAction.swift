/// `activateScene`: The user brings a scene to the foreground (nil: the one seen last).
enum ActivateSceneAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary:
            "The user brings a scene to the foreground: the scenes on screen resign active, it arrives and becomes active, then they enter the background; the app never leaves the foreground.",
        sources: "S2, [A-state], DOC; facts §4.7: the order a named choice")

    static func action(sceneId: String?) -> Action { .activateScene(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .activateScene(let id) = action else { return nil }
        return .some(id)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        perSceneVariants(in: state) { .activateScene(sceneId: $0) }
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .activateScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.activateScene(id) }
    }
}
