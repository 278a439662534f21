/// `activateScene`: The user brings a scene to the foreground (nil: the one seen last).
enum ActivateSceneAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "The user brings a scene to the foreground; the scenes it replaces go to the background.",
                                 sources: "S2, DOC; order a documented choice")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .activateScene(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .activateScene(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .activateScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.activateScene(id) }
    }

    static func sample(in state: AppSnapshot) -> Action { .activateScene(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .activateScene(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .activateScene(sceneId: nil))]
    }
}
