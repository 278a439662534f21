/// `runBackgroundTask`: the system launches or wakes the app for a BGTaskScheduler
/// task (breadth §1).
public struct RunBackgroundTaskAction: ActionDefinition {
    public var identifier: String?
    public var seconds: Double
    /// The user starts using the device that many seconds into a BGProcessingTask,
    /// which the system then ends.
    public var deviceUsedAfter: Double?

    public init(identifier: String?, seconds: Double, deviceUsedAfter: Double? = nil) {
        self.identifier = identifier
        self.seconds = seconds
        self.deviceUsedAfter = deviceUsedAfter
    }

    static let parameters: [ActionParameter] = [
        .text("identifier", example: "com.example.refresh"), .number("seconds", example: "1"),
        .number("deviceUsedAfter", example: ""),
    ]
    static let rule = ActionRule(
        summary:
            "A BGTaskScheduler task: a cold launch into the background (the handlers registered in didFinishLaunching) or a wake, the launch handler after didFinishLaunching, setTaskCompleted after `seconds`; past the kind's limit (refresh 30 s, processing 600 s) the expiration handler, then the kill. A processing task the user interrupts (`deviceUsedAfter`) gets its expiration handler then, completes unsuccessfully, and the device unlocks. Needs the kind's background mode; never after a force-quit.",
        sources:
            "breadth §1.1, §1.3–1.8, [A-bgreg], [A-bgtask], [A-bgchoose], [A-bgproc], [Q701945], DOC; [BIN26], [TS295], SINGLE; quirks bgTaskConnectsScene, didEnterBackgroundOnBackgroundLaunch, backgroundTaskExpirationLead"
    )

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let identifier = try f.taskIdentifier(of: "backgroundTasks")
        let seconds =
            try f.number(
                "seconds", in: 0...ActionLimits.maxSeconds,
                what:
                    "the seconds the launch handler works before setTaskCompleted, 0 to \(Int(ActionLimits.maxSeconds))"
            ) ?? 1
        let used = try f.number(
            "deviceUsedAfter", in: 0...ActionLimits.maxSeconds,
            what: "the seconds into a BGProcessingTask at which the user starts using the device, less than seconds")
        return .runBackgroundTask(identifier: identifier, seconds: seconds, deviceUsedAfter: used)
    }

    var members: [JSONMember] {
        return (identifier.map { [JSONMember("identifier", .string($0))] } ?? []) + [
            JSONMember("seconds", .seconds(seconds))
        ] + (deviceUsedAfter.map { [JSONMember("deviceUsedAfter", .seconds($0))] } ?? [])
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.runBackgroundTask(identifier, seconds: seconds, deviceUsedAfter: deviceUsedAfter)
    }

    /// Each identifier the config registers, for a second of work, and each processing
    /// one again with the user picking the device up a second into two (breadth §1.7):
    /// whether one may run depends on its kind (a processing task only while the device
    /// is idle). The searches take them: a harness can start a task and expire it in
    /// development (breadth §1.10, [A-bgdev], DOC), as it can simulate a fetch, and the
    /// state a task leaves is abstract state already (the handlers a launch registers
    /// are the config's, whatever launched the app; the lock the user's pick-up lifts).
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        simulator.config.registeredTasks.filter(\.kind.isScheduled).flatMap { task in
            let label = "runBackgroundTask identifier=\(task.identifier)"
            let run = ActionVariant(label: label, action: .runBackgroundTask(identifier: task.identifier, seconds: 1))
            guard task.kind == .processing else { return [run] }
            return [
                run,
                ActionVariant(
                    label: label + " deviceUsedAfter",
                    action: .runBackgroundTask(identifier: task.identifier, seconds: 2, deviceUsedAfter: 1)),
            ]
        }
    }

    /// An identifier the config does not register is a bad member (a 400), not a
    /// state the app is in: no state would let it run.
    func check(against config: SessionConfig) -> InvalidMember? {
        if let task = identifier.flatMap({ config.permittedTask($0) }) {
            guard task.kind.isScheduled else {
                return InvalidMember(
                    member: "identifier",
                    reason:
                        "names a continued processing task (\"\(task.identifier)\"), which the system never launches the app for: it starts in the foreground from the user's action; send startContinuedProcessingTask instead",
                    allowed: config.registeredTasks.filter(\.kind.isScheduled).map(\.identifier))
            }
            return nil
        }
        guard let identifier else { return nil }
        let registered = config.registeredTasks.map(\.identifier)
        guard !registered.isEmpty else {
            return InvalidMember(
                member: "identifier",
                reason:
                    "names a task the config does not register: it registers none; create the session with backgroundTasks listing it, e.g. [{\"identifier\":\"com.example.refresh\",\"kind\":\"appRefresh\"}]",
                allowed: [])
        }
        return InvalidMember(
            member: "identifier",
            reason:
                "must be one of the config's backgroundTasks identifiers (\(registered.map { "\"\($0)\"" }.joined(separator: ", "))), or absent for the first; not \"\(identifier)\"",
            allowed: registered)
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        // An identifier the running process registered (a processing one only while the
        // device is idle), else none: the config's first, one of the variants, so
        // allowedActions and the random sequences agree.
        let runnable = state.registeredBackgroundTasks.filter {
            $0.kind.isScheduled && ($0.kind != .processing || state.locked)
        }.map(\.identifier)
        let identifier = Int.random(in: 0..<3, using: &g) == 0 ? nil : runnable.randomElement(using: &g)
        let choices: [Double] = [0, 1, 5, 29, 45, 700]
        let seconds = choices.randomElement(using: &g) ?? 1
        // Sometimes the user picks the device up during a processing task.
        let kind = identifier.flatMap { id in state.registeredBackgroundTasks.first { $0.identifier == id }?.kind }
        let used = kind == .processing && seconds > 2 && Bool.random(using: &g) ? seconds / 2 : nil
        return .runBackgroundTask(identifier: identifier, seconds: seconds, deviceUsedAfter: used)
    }

    static var examples: [(label: String, action: Action)] {
        [
            ("", .runBackgroundTask(identifier: "com.example.refresh", seconds: 2)),
            (
                "a processing task the user interrupts",
                .runBackgroundTask(identifier: "com.example.cleanup", seconds: 120, deviceUsedAfter: 30)
            ),
        ]
    }
}

extension Action {
    public static func runBackgroundTask(identifier: String?, seconds: Double, deviceUsedAfter: Double? = nil) -> Action
    {
        .runBackgroundTask(
            RunBackgroundTaskAction(identifier: identifier, seconds: seconds, deviceUsedAfter: deviceUsedAfter))
    }
}
