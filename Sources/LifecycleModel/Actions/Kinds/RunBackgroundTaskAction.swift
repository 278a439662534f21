/// `runBackgroundTask`: the system launches or wakes the app for a BGTaskScheduler
/// task (breadth §1).
enum RunBackgroundTaskAction: ActionDefinition {
    static let parameters: [String] = ["identifier", "seconds"]
    static let rule = ActionRule(
        summary:
            "A BGTaskScheduler task: a cold launch into the background (the handlers registered in didFinishLaunching) or a wake, the launch handler after didFinishLaunching, setTaskCompleted after `seconds`; past the kind's limit (refresh 30 s, processing 600 s) the expiration handler, then the kill. Needs the kind's background mode; never after a force-quit.",
        sources:
            "breadth §1.1, §1.3–1.8, [A-bgreg], [A-bgtask], [A-bgchoose], [Q701945], DOC; [BIN26], [TS295], SINGLE; quirks bgTaskConnectsScene, didEnterBackgroundOnBackgroundLaunch, backgroundTaskExpirationLead"
    )

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let identifier = try f.string("identifier")
        if let identifier, identifier.isEmpty || Text.length(identifier) > ActionLimits.maxNameLength {
            throw f.invalid(
                f.field("identifier"),
                "identifier must be one of the config's backgroundTasks identifiers (1 to \(ActionLimits.maxNameLength) characters), or absent for the first"
            )
        }
        let seconds =
            try f.number(
                "seconds", in: 0...ActionLimits.maxSeconds,
                what:
                    "the seconds the launch handler works before setTaskCompleted, 0 to \(Int(ActionLimits.maxSeconds))"
            ) ?? 1
        return .runBackgroundTask(identifier: identifier, seconds: seconds)
    }

    static func encode(_ action: Action) -> [JSONMember] {
        guard case .runBackgroundTask(let identifier, let seconds) = action else {
            wrongKind(action)
            return []
        }
        return (identifier.map { [JSONMember("identifier", .string($0))] } ?? []) + [
            JSONMember("seconds", .seconds(seconds))
        ]
    }

    static func apply(_ action: Action, to t: inout Transition) throws(ActionRefusal) {
        guard case .runBackgroundTask(let identifier, let seconds) = action else { return wrongKind(action) }
        try t.runBackgroundTask(identifier, seconds: seconds)
    }

    static func sample(in state: AppSnapshot) -> Action { .runBackgroundTask(identifier: nil, seconds: 1) }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        // An identifier the running process registered (a processing one only while the
        // device is idle, as the sample would be), else none: the config's first, as
        // the sample sends, so allowedActions and the random sequences agree.
        let runnable = state.registeredBackgroundTasks.filter { $0.kind != .processing || state.locked }.map(
            \.identifier)
        let identifier = Int.random(in: 0..<3, using: &g) == 0 ? nil : runnable.randomElement(using: &g)
        let choices: [Double] = [0, 1, 5, 29, 45, 700]
        let seconds = choices.randomElement(using: &g) ?? 1
        return .runBackgroundTask(identifier: identifier, seconds: seconds)
    }

    static var examples: [(label: String, action: Action)] {
        [("", .runBackgroundTask(identifier: "com.example.refresh", seconds: 2))]
    }
}
