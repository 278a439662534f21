/// `cancelInteractivePop`: The user starts a swipe-back and cancels it.
enum CancelInteractivePopAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "A swipe-back started and cancelled: both controllers reverse along the figure.",
                                 sources: "[A-vc] DOC; LIFECYCLE.md §7, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .cancelInteractivePop(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .cancelInteractivePop(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .cancelInteractivePop(let id) = action else { return wrongKind(action) }
        try t.cancelInteractivePop(sceneId: id)
    }

    static func sample(in state: AppSnapshot) -> Action { .cancelInteractivePop(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .cancelInteractivePop(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .cancelInteractivePop(sceneId: nil))]
    }
}
