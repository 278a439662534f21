/// `startContinuedProcessingTask`: the user's action in the app starts a
/// `BGContinuedProcessingTask` (iOS 26+, breadth §1.11).
public struct StartContinuedProcessingTaskAction: ActionDefinition {
    public var identifier: String?
    public var seconds: Double

    public init(identifier: String?, seconds: Double) {
        self.identifier = identifier
        self.seconds = seconds
    }

    static let parameters: [ActionParameter] = [
        .text("identifier", example: ""), .number("seconds", example: "60"),
    ]
    static let rule = ActionRule(
        summary:
            "iOS 26+: in the active app the user starts a BGContinuedProcessingTask: the launch handler at once, setTaskCompleted after `seconds`; it goes on if the user leaves the app (no suspension while it runs). One at a time.",
        sources: "breadth §1.11, [A-bgcont], DOC; one task at a time a named choice")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let identifier = try f.taskIdentifier(of: "continuedProcessing task")
        let seconds =
            try f.number(
                "seconds", in: 0...ActionLimits.maxSeconds,
                what: "the seconds the task works before setTaskCompleted, 0 to \(Int(ActionLimits.maxSeconds))")
            ?? 60
        return .startContinuedProcessingTask(identifier: identifier, seconds: seconds)
    }

    var members: [JSONMember] {
        return (identifier.map { [JSONMember("identifier", .string($0))] } ?? []) + [
            JSONMember("seconds", .seconds(seconds))
        ]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        try t.startContinuedProcessingTask(identifier, seconds: seconds)
    }

    /// Each continued processing task the config registers, for a minute of work; none
    /// before iOS 26, where every state refuses it (so the searches do not try it).
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        guard simulator.profile.work.canContinueProcessing else { return [] }
        return simulator.config.registeredTasks.filter { $0.kind == .continuedProcessing }.map {
            ActionVariant(
                label: "startContinuedProcessingTask identifier=\($0.identifier)",
                action: .startContinuedProcessingTask(identifier: $0.identifier, seconds: 60))
        }
    }

    /// An identifier the config does not list as a continued processing task is a bad
    /// member (a 400), not a state.
    func check(against config: SessionConfig) -> InvalidMember? {
        guard let identifier else { return nil }
        let continued = config.registeredTasks.filter { $0.kind == .continuedProcessing }.map(\.identifier)
        guard !continued.contains(identifier) else { return nil }
        return InvalidMember(
            member: "identifier",
            reason: continued.isEmpty
                ? "names a task the config does not register as continuedProcessing: it registers none; create an iOS 26 session with backgroundTasks listing it, e.g. [{\"identifier\":\"com.example.export\",\"kind\":\"continuedProcessing\"}]"
                : "must be one of the config's continuedProcessing identifiers (\(continued.map { "\"\($0)\"" }.joined(separator: ", "))), or absent for the first; not \"\(identifier)\"",
            allowed: continued)
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        let continued = state.registeredBackgroundTasks.filter { $0.kind == .continuedProcessing }.map(\.identifier)
        let identifier = Bool.random(using: &g) ? nil : continued.randomElement(using: &g)
        let seconds = [0, 5, 60, 3600].randomElement(using: &g).map(Double.init) ?? 60
        return .startContinuedProcessingTask(identifier: identifier, seconds: seconds)
    }

    static var examples: [(label: String, action: Action)] {
        [("", .startContinuedProcessingTask(identifier: "com.example.export", seconds: 60))]
    }
}

extension Action {
    public static func startContinuedProcessingTask(identifier: String?, seconds: Double) -> Action {
        .startContinuedProcessingTask(StartContinuedProcessingTaskAction(identifier: identifier, seconds: seconds))
    }
}
