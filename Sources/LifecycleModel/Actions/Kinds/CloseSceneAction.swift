/// `closeScene`: The user closes a scene in the app switcher (disconnect, discard).
enum CloseSceneAction: ActionDefinition {
    static let parameters: [String] = ["sceneId"]
    static let rule = ActionRule(summary: "The user closes a scene in the app switcher: sceneDidDisconnect, and the session is discarded (reported now if the app runs, else at the next launch).",
                                 sources: "LIFECYCLE.md §4, DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .closeScene(sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .closeScene(let id) = action else { wrongKind(action); return [] }
        return sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .closeScene(let id) = action else { return wrongKind(action) }
        try t.sceneAction { t throws(ActionRefusal) in try t.closeScene(id) }
    }

    static func sample(in state: AppSnapshot) -> Action { .closeScene(sceneId: nil) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .closeScene(sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .closeScene(sceneId: nil))]
    }
}
