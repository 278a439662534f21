/// The timed events `advanceTime` can pass through, in the order they win a tie.
enum TimedEvent: CaseIterable {
    case protectedDataUnavailable
    case taskExpiration
    case backgroundTimeExpired
    case suspension
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
        var due: [(Double, TimedEvent)] = []
        if let at = state.lock.protectedDataClosesAt { due.append((at, .protectedDataUnavailable)) }
        if let deadline = backgroundDeadline {
            if state.backgroundTasks.contains(where: { !$0.expirationHandlerCalled }) {
                due.append((deadline - profile.timing.expirationLead, .taskExpiration))
            }
            // facts §9.2 (MULTI): the kill comes about a second after the limit.
            due.append((deadline + profile.backgroundKillGrace, .backgroundTimeExpired))
        } else if let at = state.background.suspension(app: state.app) {
            due.append((at, .suspension))
        }
        let ranked = due.map { (max($0.0, state.clock), $0.1) }.filter { $0.0 <= target }
        return ranked.min { a, b in
            a.0 != b.0
                ? a.0 < b.0
                : (TimedEvent.allCases.firstIndex(of: a.1) ?? 0) < (TimedEvent.allCases.firstIndex(of: b.1) ?? 0)
        }
    }

    private mutating func happen(_ event: TimedEvent) {
        switch event {
        case .protectedDataUnavailable:
            protectedDataBecomesUnavailable()
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
