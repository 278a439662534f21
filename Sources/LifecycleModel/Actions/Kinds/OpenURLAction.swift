/// `openURL`: A custom-scheme deep link opens the app.
public struct OpenURLAction: ActionDefinition {
    public var url: String

    public init(url: String) {
        self.url = url
    }

    static let parameters: [ActionParameter] = [.text("url", example: "myapp://item/42")]
    static let rule = ActionRule(
        summary:
            "A custom-scheme deep link: in the launch options of a cold launch, then application(_:open:options:).",
        sources: "S1, R12")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let url = try f.require("url", f.string("url"), hint: "a custom-scheme URL such as \"myapp://path\"")
        let field = f.field("url")
        guard let s = Text.scheme(of: url), Text.length(url) <= ActionLimits.maxURLLength, !Text.hasWhitespace(url)
        else {
            throw f.invalid(
                field,
                "\(field) must be a URL with a scheme, such as \"myapp://path\" (no spaces, at most 2048 characters)")
        }
        if s == "http" || s == "https" {
            throw f.invalid(
                field,
                "\(field) is a web URL: a deep link uses the app's own scheme (\"myapp://path\"); send https links as openUniversalLink"
            )
        }
        return .openURL(url: url)
    }

    var members: [JSONMember] {
        return [JSONMember("url", .string(url))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.open(.url(url))
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.openURL(url: "app://sample"))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .openURL(url: "app://x")
    }

    static var examples: [(label: String, action: Action)] {
        [("", .openURL(url: "myapp://item/1"))]
    }
}

extension Action {
    public static func openURL(url: String) -> Action { .openURL(OpenURLAction(url: url)) }
}
