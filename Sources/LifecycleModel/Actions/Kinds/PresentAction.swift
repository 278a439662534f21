/// `present`: Modal presentation of a new view controller (nil style: the default, page sheet).
public struct PresentAction: ActionDefinition {
    public var name: String
    public var style: PresentationStyle?
    public var sceneId: String?

    public init(name: String, style: PresentationStyle?, sceneId: String?) {
        self.name = name
        self.style = style
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [
        .text("name", example: "modal"), .choice("style", PresentationStyle.self, first: .pageSheet), .sceneId,
    ]
    static let rule = ActionRule(
        summary:
            "Modal presentation: full screen hides the presenter; sheets (iOS 13+) and over-full-screen do not; iOS ≤ 12 iPhone sheets are full screen.",
        sources: "facts §7, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        return .present(
            name: try f.controllerName(), style: try f.choice("style", PresentationStyle.self), sceneId: try f.sceneId()
        )
    }

    var members: [JSONMember] {
        return [JSONMember("name", .string(name))] + (style.map { [JSONMember("style", .string($0.rawValue))] } ?? [])
            + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.present(name, style: style ?? .pageSheet, sceneId: sceneId)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.present(name: "sample", style: nil, sceneId: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .present(
            name: "modal",
            style: Bool.random(using: &g) ? nil : RandomMembers.choice(PresentationStyle.self, using: &g),
            sceneId: RandomMembers.sceneId(using: &g, in: state))
    }

    static var examples: [(label: String, action: Action)] {
        [
            ("pageSheet", .present(name: "settings", style: .pageSheet, sceneId: nil)),
            ("fullScreen", .present(name: "player", style: .fullScreen, sceneId: nil)),
        ]
    }
}

extension Action {
    public static func present(name: String, style: PresentationStyle?, sceneId: String?) -> Action {
        .present(PresentAction(name: name, style: style, sceneId: sceneId))
    }
}
