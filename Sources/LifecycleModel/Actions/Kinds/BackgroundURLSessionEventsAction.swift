/// `backgroundURLSessionEvents`: the system launches or wakes the app for a background
/// URL session's events (breadth §2).
public struct BackgroundURLSessionEventsAction: ActionDefinition {
    public var identifier: String

    public init(identifier: String) {
        self.identifier = identifier
    }

    static let parameters: [ActionParameter] = [.text("identifier", example: "com.example.upload")]
    static let rule = ActionRule(
        summary:
            "Every transfer of a background URL session has finished: a cold launch into the background or a wake, application(_:handleEventsForBackgroundURLSession:completionHandler:) after didFinishLaunching, the session delegate's per-task calls, urlSessionDidFinishEvents(forBackgroundURLSession:). Not after a force-quit (the transfers were cancelled); a foreground app's session delivers directly.",
        sources:
            "breadth §2.1–2.5, [A-urlapp], [A-urlfin], [A-urlcfg], DOC; [IOSW], [TIER], [GIST-VR], MULTI; quirk bgTaskConnectsScene"
    )

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let hint =
            "the background session's identifier (URLSessionConfiguration.background(withIdentifier:)), e.g. \"com.example.upload\""
        let identifier = try f.require("identifier", f.string("identifier"), hint: hint)
        guard !identifier.isEmpty, Text.length(identifier) <= ActionLimits.maxNameLength else {
            throw f.invalid(
                f.field("identifier"), "identifier must be \(hint), 1 to \(ActionLimits.maxNameLength) characters")
        }
        return .backgroundURLSessionEvents(identifier: identifier)
    }

    var members: [JSONMember] {
        return [JSONMember("identifier", .string(identifier))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundURLSessionEvents(identifier)
    }

    /// The system sends it on its own schedule: a path a harness can drive does not
    /// run through it.
    static let isPlain = false

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.backgroundURLSessionEvents(identifier: "com.example.upload"))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .backgroundURLSessionEvents(
            identifier: ["com.example.upload", "com.example.download"].randomElement(using: &g) ?? "s")
    }

    static var examples: [(label: String, action: Action)] {
        [("", .backgroundURLSessionEvents(identifier: "com.example.upload"))]
    }
}

extension Action {
    public static func backgroundURLSessionEvents(identifier: String) -> Action {
        .backgroundURLSessionEvents(BackgroundURLSessionEventsAction(identifier: identifier))
    }
}
