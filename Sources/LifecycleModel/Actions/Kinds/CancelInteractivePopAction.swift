/// `cancelInteractivePop`: The user starts a swipe-back and cancels it.
public struct CancelInteractivePopAction: SceneTargetedAction {
    public var sceneId: String?

    public init(sceneId: String?) {
        self.sceneId = sceneId
    }

    static func action(sceneId: String?) -> Action { .cancelInteractivePop(sceneId: sceneId) }

    static let rule = ActionRule(
        summary: "A swipe-back started and cancelled: both controllers reverse along the figure.",
        sources: "[A-vc] DOC; facts §7, MULTI")

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.cancelInteractivePop(sceneId: sceneId)
    }
}

extension Action {
    public static func cancelInteractivePop(sceneId: String?) -> Action {
        .cancelInteractivePop(CancelInteractivePopAction(sceneId: sceneId))
    }
}
