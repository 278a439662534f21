/// `pop`: Pop the top view controller.
public struct PopAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .pop(sceneId: sceneId) }

    static let rule = ActionRule(
        summary: "Navigation pop of the top controller; nothing to pop is a 409.",
        sources: "[A-vc]; facts §7, MULTI")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.pop(sceneId: sceneId)
    }
}

extension Action {
    public static func pop(sceneId: String?) -> Action { .pop(PopAction(sceneId: sceneId)) }
}
