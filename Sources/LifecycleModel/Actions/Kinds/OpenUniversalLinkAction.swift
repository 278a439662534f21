/// `openUniversalLink`: A universal (https) link opens the app.
public struct OpenUniversalLinkAction: ActionDefinition {
    public var url: String

    public init(url: String) {
        self.url = url
    }

    static let parameters: [ActionParameter] = [.text("url", example: "https://example.com/item/42")]
    static let rule = ActionRule(
        summary: "A universal link: willContinueUserActivityWithType, then continue(_:restorationHandler:).",
        sources: "S1, R12")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let url = try f.require("url", f.string("url"), hint: "an https URL such as \"https://example.com/path\"")
        let field = f.field("url")
        guard Text.scheme(of: url) == "https", url.utf8.dropFirst(5).starts(with: "://".utf8), Text.length(url) > 8,
            Text.length(url) <= ActionLimits.maxURLLength, !Text.hasWhitespace(url)
        else {
            throw f.invalid(
                field,
                "\(field) must be an https URL such as \"https://example.com/path\" (universal links are https); send custom schemes as openURL"
            )
        }
        return .openUniversalLink(url: url)
    }

    var members: [JSONMember] {
        return [JSONMember("url", .string(url))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.open(.universalLink(url))
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.openUniversalLink(url: "https://example.com/"))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .openUniversalLink(url: "https://e.com/x")
    }

    static var examples: [(label: String, action: Action)] {
        [("", .openUniversalLink(url: "https://example.com/item/1"))]
    }
}

extension Action {
    public static func openUniversalLink(url: String) -> Action {
        .openUniversalLink(OpenUniversalLinkAction(url: url))
    }
}
