/// `beginBackgroundTask`: The app's code calls `beginBackgroundTask(withName:expirationHandler:)`.
public struct BeginBackgroundTaskAction: ActionDefinition {
    public var name: String?

    public init(name: String?) {
        self.name = name
    }

    static let parameters: [ActionParameter] = [.text("name", example: "upload")]
    static let rule = ActionRule(
        summary: "The app asks for background time: 180 s on iOS ≤ 12, 30 s from 13.",
        sources: "facts §5, MULTI")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let name = try f.string("name")
        // Issue #9: an empty name is refused, as push refuses one.
        if let name, name.isEmpty {
            throw f.invalid(f.field("name"), "name must be 1 to \(ActionLimits.maxNameLength) characters, or absent")
        }
        if let name, Text.length(name) > ActionLimits.maxNameLength {
            throw f.invalid(f.field("name"), "name must be at most \(ActionLimits.maxNameLength) characters")
        }
        return .beginBackgroundTask(name: name)
    }

    var members: [JSONMember] {
        return name.map { [JSONMember("name", .string($0))] } ?? []
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.beginBackgroundTask(name: name)
    }

    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        [ActionVariant(.beginBackgroundTask(name: nil))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .beginBackgroundTask(name: Bool.random(using: &g) ? nil : "task")
    }

    static var examples: [(label: String, action: Action)] {
        [("", .beginBackgroundTask(name: "upload"))]
    }
}

extension Action {
    public static func beginBackgroundTask(name: String?) -> Action {
        .beginBackgroundTask(BeginBackgroundTaskAction(name: name))
    }
}
