/// `pop`: Pop the top view controller.
enum PopAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "Navigation pop of the top controller; nothing to pop is a 409.",
                                 sources: "[A-vc]; LIFECYCLE.md §7, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .pop(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .pop(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .pop(let id) = action else { return wrongKind(action) }
        try t.pop(sceneId: id)
    }

    static func sample(in state: AppSnapshot) -> Action { .pop(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .pop(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .pop(sceneId: nil))]
    }
}
