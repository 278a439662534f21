/// `push`: A navigation push of a new view controller (in the scene's window, if named).
enum PushAction: ActionDefinition {
    static let parameters: [ActionParameter] = [.text("name", example: "detail"), .sceneId]
    static let rule = ActionRule(
        summary: "Navigation push: the new controller loads, the old one disappears as it appears.",
        sources: "[A-vc] DOC (figure); facts §7, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .push(name: try f.controllerName(), sceneId: try f.sceneId())
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .push(let name, let id) = action else {
            wrongKind(action)
            return []
        }
        return [JSONMember("name", .string(name))] + sceneMember(id)
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .push(let name, let id) = action else { return wrongKind(action) }
        try t.push(name, sceneId: id)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.push(name: "sample", sceneId: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .push(name: "vc", sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .push(name: "detail", sceneId: nil))]
    }
}
