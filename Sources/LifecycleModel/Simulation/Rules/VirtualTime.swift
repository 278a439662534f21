/// The timed events `advanceTime` can pass through, in the order they win a tie.
enum TimedEvent: CaseIterable {
    case protectedDataUnavailable
    case continuedTaskCompletes
    case taskExpiration
    case backgroundTimeExpired
    case suspension
}

extension Profile {
    /// The timed events due in `state`, each at its time (never before the clock), in
    /// the order they win a tie: the one schedule `advanceTime` passes through and
    /// exploration waits for (`Simulator.secondsToNextTimedEvent`).
    func timedEvents(in state: AppSnapshot) -> [(at: Double, event: TimedEvent)] {
        var due: [(at: Double, event: TimedEvent)] = []
        if let at = state.lock.protectedDataClosesAt { due.append((at, .protectedDataUnavailable)) }
        if let task = state.background.continued { due.append((task.completesAt, .continuedTaskCompletes)) }
        if let deadline = state.background.deadline(app: state.app, limit: backgroundTimeLimit) {
            if state.backgroundTasks.contains(where: { !$0.expirationHandlerCalled }) {
                due.append((deadline - timing.expirationLead, .taskExpiration))
            }
            // facts §9.2 (MULTI): the kill comes about a second after the limit.
            due.append((deadline + backgroundKillGrace, .backgroundTimeExpired))
        } else if let at = state.background.suspension(app: state.app) {
            due.append((at, .suspension))
        }
        return due.map { (max($0.at, state.clock), $0.event) }.sorted { a, b in
            a.at != b.at
                ? a.at < b.at
                : (TimedEvent.allCases.firstIndex(of: a.event) ?? 0)
                    < (TimedEvent.allCases.firstIndex(of: b.event) ?? 0)
        }
    }

    /// The first of `timedEvents(in:)`, if any is due.
    func nextTimedEvent(in state: AppSnapshot) -> (at: Double, event: TimedEvent)? {
        timedEvents(in: state).first
    }
}

extension Transition {
    /// Virtual time passes (facts §5): each timed event due before the target
    /// happens in order, at its own time.
    mutating func advanceTime(by seconds: Double) {
        let target = state.clock + seconds
        while let (time, event) = nextEvent(until: target) {
            state.clock = time
            happen(event)
        }
        state.clock = target
    }

    /// The earliest event due at or before `target`.
    private func nextEvent(until target: Double) -> (Double, TimedEvent)? {
        profile.nextTimedEvent(in: state).flatMap { $0.at <= target ? ($0.at, $0.event) : nil }
    }

    private mutating func happen(_ event: TimedEvent) {
        switch event {
        case .protectedDataUnavailable:
            protectedDataBecomesUnavailable()
        case .continuedTaskCompletes:
            completeContinuedProcessingTask()
        case .taskExpiration:
            // DOC: each running task's expiration handler, shortly before time runs out.
            for task in state.background.expireAll() {
                call(
                    .backgroundTask(.expirationHandler), on: .backgroundTask,
                    args: .object([
                        "taskId": .number(String(task.id)), "name": task.name.map(JSONValue.string) ?? .null,
                    ]))
            }
        case .backgroundTimeExpired:
            // DOC: a task still running when time runs out gets the app killed
            // (0x8badf00d), with no callback.
            end(.backgroundTimeExpired)
        case .suspension:
            suspend()
        }
    }
}
