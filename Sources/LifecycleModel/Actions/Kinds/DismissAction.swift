/// `dismiss`: Dismiss the top presentation.
enum DismissAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "Dismissal of the top presentation; nothing presented is a 409.",
                                 sources: "LIFECYCLE.md §7; order a documented choice")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .dismiss(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .dismiss(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .dismiss(let id) = action else { return wrongKind(action) }
        try t.dismiss(sceneId: id)
    }

    static func sample(in state: AppSnapshot) -> Action { .dismiss(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .dismiss(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .dismiss(sceneId: nil))]
    }
}
