/// `cancelInteractivePop`: The user starts a swipe-back and cancels it.
enum CancelInteractivePopAction: SceneTargetedAction {
    static let rule = ActionRule(
        summary: "A swipe-back started and cancelled: both controllers reverse along the figure.",
        sources: "[A-vc] DOC; facts §7, MULTI")

    static func action(sceneId: String?) -> Action { .cancelInteractivePop(sceneId: sceneId) }

    static func sceneId(of action: Action) -> String?? {
        guard case .cancelInteractivePop(let id) = action else { return nil }
        return .some(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .cancelInteractivePop(let id) = action else { return wrongKind(action) }
        try t.cancelInteractivePop(sceneId: id)
    }
}
