/// `setAppearance`: The user switches Dark Mode on or off.
public struct SetAppearanceAction: ActionDefinition {
    public var style: UserInterfaceStyle

    public init(style: UserInterfaceStyle) {
        self.style = style
    }

    static let parameters: [ActionParameter] = [.choice("style", UserInterfaceStyle.self, first: .dark)]
    static let rule = ActionRule(
        summary:
            "Dark Mode switched: each visible view controller hears the trait change (traitCollectionDidChange up to iOS 16, a registered handler from 17), then the window scene (up to iOS 25); a window off screen or in the background on the way back, before didBecomeActive; a covered controller when uncovered, before its viewWillAppear. iOS 13+.",
        sources: "breadth §5.4, §5.7, §5.9; [A-traits] DOC; [DM1], [L49] SINGLE")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .setAppearance(style: try f.require("style", f.choice("style", UserInterfaceStyle.self), hint: "light or dark"))
    }

    var members: [JSONMember] {
        return [JSONMember("style", .string(style.rawValue))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.setAppearance(style)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.setAppearance(style: state.interface.style.opposite))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .setAppearance(style: RandomMembers.choice(UserInterfaceStyle.self, using: &g))
    }

    static var examples: [(label: String, action: Action)] {
        [("", .setAppearance(style: .dark))]
    }
}

extension Action {
    public static func setAppearance(style: UserInterfaceStyle) -> Action {
        .setAppearance(SetAppearanceAction(style: style))
    }
}
