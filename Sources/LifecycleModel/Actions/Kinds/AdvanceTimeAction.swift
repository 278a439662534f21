/// `advanceTime`: Virtual time passes: suspension, task expiry and other timed events happen.
public struct AdvanceTimeAction: ActionDefinition {
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    static let parameters: [ActionParameter] = [.number("seconds", example: "30")]
    static let rule = ActionRule(
        summary:
            "Virtual time passes: suspension 5 s after entering the background, expiration handlers 5 s before the limit, the 0x8badf00d kill at it.",
        sources: "facts §5, S4, DOC")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let seconds = try f.require(
            "seconds",
            f.number(
                "seconds", in: 0...ActionLimits.maxSeconds,
                what: "a number of seconds from 0 to \(Int(ActionLimits.maxSeconds))"),
            hint: "how much virtual time passes, e.g. 10")
        return .advanceTime(seconds: seconds)
    }

    var members: [JSONMember] {
        return [JSONMember("seconds", .seconds(seconds))]
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        t.advanceTime(by: seconds)
    }

    /// Up to the next timed event (suspension, an expiration handler, the
    /// background-time kill, protected data closing: `Rules/VirtualTime.swift`'s
    /// schedule). With nothing due, a second that moves only the clock: always
    /// possible, but no step for the searches (abstract states leave the clock out).
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        guard let seconds = simulator.secondsToNextTimedEvent(in: state) else {
            return [ActionVariant(label: "advanceTime nothing due", action: .advanceTime(seconds: 1), isPlain: false)]
        }
        return [ActionVariant(label: "advanceTime next event", action: .advanceTime(seconds: seconds))]
    }

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        .advanceTime(seconds: Double(Int.random(in: 0..<60, using: &g)))
    }

    static var examples: [(label: String, action: Action)] {
        [("10 s", .advanceTime(seconds: 10))]
    }
}

extension Action {
    public static func advanceTime(seconds: Double) -> Action { .advanceTime(AdvanceTimeAction(seconds: seconds)) }
}
