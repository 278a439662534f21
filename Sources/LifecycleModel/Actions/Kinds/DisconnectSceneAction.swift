/// `disconnectScene`: UIKit reclaims a background or suspended scene.
enum DisconnectSceneAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "UIKit reclaims a background or suspended scene: stateRestorationActivity(for:), sceneDidDisconnect; the session survives.",
                                 sources: "S2, DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .disconnectScene(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .disconnectScene(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .disconnectScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.disconnectScene(id) }
    }

    static func sample(in state: AppSnapshot) -> Action { .disconnectScene(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .disconnectScene(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .disconnectScene(sceneId: nil))]
    }
}
