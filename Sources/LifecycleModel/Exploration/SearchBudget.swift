/// How much work one search may do (explain, paths, coverage, `moveTo`, a long
/// simulation), and the outside conditions that end it early. Every attempted step
/// counts: one action applied to one state, whether or not it leads anywhere, so a
/// request that multiplies the candidates (many controller names, many scenes)
/// spends its budget as fast as the work grows.
public struct SearchBudget: Sendable {
    /// The most steps the search may attempt.
    public var maxSteps: Int
    /// Asked every `checkInterval` steps: a reason to stop now (the request's CPU
    /// deadline passed, its client went away), or nil to go on. The service supplies
    /// it; the model never reads a clock.
    public var interruption: @Sendable () -> SearchStop?
    /// Told once when a meter of this budget stops, whatever the bound (the service
    /// counts each stop and logs it with its request); not called when the search ends
    /// by itself.
    public var onStop: @Sendable (SearchStop) -> Void

    /// Steps between two questions to `interruption`: often enough to stop within a
    /// millisecond, rarely enough to cost nothing.
    public static let checkInterval = 64

    public init(
        maxSteps: Int = .max, interruption: @escaping @Sendable () -> SearchStop? = { nil },
        onStop: @escaping @Sendable (SearchStop) -> Void = { _ in }
    ) {
        self.maxSteps = maxSteps
        self.interruption = interruption
        self.onStop = onStop
    }

    /// No bound: for in-process use and tests.
    public static var unlimited: SearchBudget { SearchBudget() }
}

/// Why a search stopped before it finished.
public enum SearchStop: Sendable, Equatable {
    /// It attempted its budget of steps.
    case steps(Int)
    /// Its request's CPU deadline passed (milliseconds).
    case deadline(milliseconds: Int)
    /// Its client went away.
    case cancelled

    /// The bound's name on the wire: `steps`, `deadline`, `cancelled`.
    public var bound: String {
        switch self {
        case .steps: "steps"
        case .deadline: "deadline"
        case .cancelled: "cancelled"
        }
    }
}

/// One search's running count against its budget.
public struct SearchMeter: Sendable {
    public let budget: SearchBudget
    public private(set) var steps = 0
    /// Set once the search must stop; it stays set.
    public private(set) var stopped: SearchStop?

    public init(_ budget: SearchBudget) { self.budget = budget }

    /// Counts one attempted step. False when the search must stop now (`stopped`
    /// says why); every later call is false too.
    public mutating func step() -> Bool {
        if stopped != nil { return false }
        steps += 1
        if steps > budget.maxSteps {
            stop(.steps(budget.maxSteps))
            return false
        }
        if steps % SearchBudget.checkInterval == 0, let stop = budget.interruption() {
            self.stop(stop)
            return false
        }
        return true
    }

    /// Asks `interruption` now, between steps, counting nothing: for work that is not
    /// a step but may take a while (a walk over a large graph). False when the search
    /// must stop.
    public mutating func check() -> Bool {
        if stopped != nil { return false }
        if let stop = budget.interruption() {
            self.stop(stop)
            return false
        }
        return true
    }

    private mutating func stop(_ stop: SearchStop) {
        stopped = stop
        budget.onStop(stop)
    }
}
