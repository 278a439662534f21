/// `quickAction`: The user picks a home-screen quick action.
public struct QuickActionAction: ActionDefinition {
    public var shortcutType: String

    public init(shortcutType: String) {
        self.shortcutType = shortcutType
    }

    static let parameters: [ActionParameter] = [.text("shortcutType", example: "com.example.search")]
    static let rule = ActionRule(
        summary:
            "A home-screen quick action: shortcutItem launch option, then application(_:performActionFor:completionHandler:).",
        sources: "DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let type = try f.require(
            "shortcutType", f.string("shortcutType"),
            hint: "the UIApplicationShortcutItem type, e.g. \"com.example.search\"")
        guard !type.isEmpty, Text.length(type) <= ActionLimits.maxNameLength else {
            throw f.invalid(
                f.field("shortcutType"), "shortcutType must be 1 to \(ActionLimits.maxNameLength) characters")
        }
        return .quickAction(shortcutType: type)
    }

    var members: [JSONMember] {
        return [JSONMember("shortcutType", .string(shortcutType))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.open(.shortcut(shortcutType))
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.quickAction(shortcutType: "sample"))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .quickAction(shortcutType: "s")
    }

    static var examples: [(label: String, action: Action)] {
        [("", .quickAction(shortcutType: "com.example.search"))]
    }
}

extension Action {
    public static func quickAction(shortcutType: String) -> Action {
        .quickAction(QuickActionAction(shortcutType: shortcutType))
    }
}
