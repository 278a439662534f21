/// `dismiss`: Dismiss the top presentation.
public struct DismissAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .dismiss(sceneId: sceneId) }

    static let rule = ActionRule(
        summary: "Dismissal of the top presentation; nothing presented is a 409.",
        sources: "facts §7; order a documented choice")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.dismiss(sceneId: sceneId)
    }
}

extension Action {
    public static func dismiss(sceneId: String?) -> Action { .dismiss(DismissAction(sceneId: sceneId)) }
}
