/// `backgroundFetch`: The system grants a background fetch (launching or waking the app).
enum BackgroundFetchAction: ActionDefinition {
    static let parameters: [String] = []
    static let rule = ActionRule(summary: "Launch into or wake in the background for a fetch (fetch mode; not after a force-quit).",
                                 sources: "S4, DOC; quirk didEnterBackgroundOnBackgroundLaunch")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        .backgroundFetch
    }

    static func encode(_ action: Action) -> [JSONMember] {
        []
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        try t.backgroundEvent(.fetch)
    }

    static func sample(in state: AppSnapshot) -> Action { .backgroundFetch }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .backgroundFetch
    }

    static var examples: [(label: String, action: Action)] {
        [("", .backgroundFetch)]
    }
}
