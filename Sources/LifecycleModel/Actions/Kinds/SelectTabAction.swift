/// `selectTab`: The user taps a tab (config `tabs`).
public struct SelectTabAction: ActionDefinition {
    public var index: Int
    public var sceneId: String?

    public init(index: Int, sceneId: String?) {
        self.index = index
        self.sceneId = sceneId
    }

    static let parameters: [ActionParameter] = [.number("index", example: "1"), .sceneId]
    static let rule = ActionRule(
        summary:
            "Tab tapped: shouldSelect, the new tab loads on its first visit, the two tabs' appearance calls (the \"will\" order is quirk tabSwitchWillOrder), didSelect after the transition (also for the selected tab).",
        sources: "breadth §6.1–6.3; [PGZ], [JJ] SINGLE; [A-tabdel] DOC; [IPW-tab] MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let index = try f.require(
            "index",
            f.integer(
                "index", in: 0...(SessionConfig.maxTabs - 1), what: "a tab index from 0 to \(SessionConfig.maxTabs - 1)"
            ),
            hint: "the tab's index from 0, in config tabs' order")
        return .selectTab(index: index, sceneId: try f.sceneId())
    }

    var members: [JSONMember] {
        return [JSONMember("index", .number(String(index)))] + sceneMember(sceneId)
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.selectTab(index, sceneId: sceneId)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.selectTab(index: 0, sceneId: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        let count = state.defaultWindow?.interface.tabBar?.tabs.count ?? 1
        return .selectTab(index: Int.random(in: 0..<count, using: &g), sceneId: nil)
    }

    static var examples: [(label: String, action: Action)] {
        [("second tab", .selectTab(index: 1, sceneId: nil))]
    }
}

extension Action {
    public static func selectTab(index: Int, sceneId: String?) -> Action {
        .selectTab(SelectTabAction(index: index, sceneId: sceneId))
    }
}
