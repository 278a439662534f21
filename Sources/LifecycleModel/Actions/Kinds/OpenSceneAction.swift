/// `openScene`: A new scene (window) is requested; `system` connects it in the background.
public struct OpenSceneAction: ActionDefinition {
    public var by: SceneRequester

    public init(by: SceneRequester) {
        self.by = by
    }

    static let parameters: [ActionParameter] = [.choice("by", SceneRequester.self)]
    static let rule = ActionRule(
        summary:
            "A new scene session: configurationForConnecting, willConnectTo; by the user it comes to the foreground, by the system it stays in the background. iPad with supportsMultipleScenes only, and at most 64 scene sessions (a bound of the model: iPadOS documents none).",
        sources: "S2, DOC, UNSURE")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .openScene(
            by: try f.require(
                "by", f.choice("by", SceneRequester.self),
                hint: "\"user\" (the scene comes to the foreground) or \"system\" (it connects in the background)"))
    }

    var members: [JSONMember] {
        return [JSONMember("by", .string(by.rawValue))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.sceneAction { t throws(ActionRefusal) in try t.requestScene(by: by) }
    }

    /// By the user (to the foreground) and by the system (connected in the background).
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        choiceVariants("by", SceneRequester.self) { .openScene(by: $0) }
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .openScene(by: RandomMembers.choice(SceneRequester.self, using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("by user", .openScene(by: .user)), ("by system", .openScene(by: .system))]
    }
}

extension Action {
    public static func openScene(by: SceneRequester) -> Action { .openScene(OpenSceneAction(by: by)) }
}
