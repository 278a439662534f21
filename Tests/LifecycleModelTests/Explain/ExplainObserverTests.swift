import LifecycleModel
import Testing

/// Logs of what observers see (issue #20's channels): notification names in either
/// spelling, framework events after their channel, explained like delegate logs.
@Suite struct ExplainObserverTests {
    private func observed(_ channels: [ObserverChannel]) -> Simulator {
        sceneSimulator("17.0") { $0.observers = channels }
    }

    @Test func notificationNamesInBothSpellingsAreRead() {
        let log = TextLog.parse(
            """
            12:00:01 [SDK] UIApplicationDidBecomeActiveNotification
            12:00:02 [SDK] received UIApplication.willResignActiveNotification
            12:00:03 [Net] GET /feed 200
            """)
        #expect(
            log.entries.map(\.entry.method) == [
                "UIApplication.didBecomeActiveNotification", "UIApplication.willResignActiveNotification",
            ])
        #expect(log.ignoredLines == [3])
    }

    @Test func frameworkEventsNeedTheirChannel() {
        let log = TextLog.parse(
            """
            [flutter] onResume
            capacitor: pause
            pause the download
            """)
        #expect(
            log.entries.map(\.entry) == [
                LogEntry(method: "onResume", receiver: "flutter"), LogEntry(method: "pause", receiver: "capacitor"),
            ])
        #expect(log.ignoredLines == [3])
    }

    /// An SDK's log of the app-level notifications: a launch, home and return.
    @Test func aNotificationLogIsExplained() throws {
        let sim = observed([ObserverChannel.notifications])
        var state = AppSnapshot()
        var callbacks: [Callback] = []
        for action: Action in [.launch, .background, .launch] {
            let outcome = try sim.apply(action, to: state)
            callbacks += outcome.callbacks
            state = outcome.state
        }
        let notes = callbacks.filter { (c: Callback) in
            c.receiver == Receiver.observer(.notifications) && c.method.name.hasPrefix("UIApplication.")
        }
        #expect(notes.count >= 4)
        let text = notes.map { "NotificationCenter " + $0.method.name }.joined(separator: "\n")
        let result = sim.explain(TextLog.parse(text).entries.map(\.entry))
        #expect(result.explained)
        let replayed = try result.actions.reduce(into: (AppSnapshot(), [Callback]())) { acc, action in
            let outcome = try sim.apply(action, to: acc.0)
            acc.0 = outcome.state
            acc.1 += outcome.callbacks
        }
        #expect(
            replayed.1.filter { (c: Callback) in
                c.receiver == Receiver.observer(.notifications) && c.method.name.hasPrefix("UIApplication.")
            }.map { (c: Callback) in c.method.name } == notes.map { (c: Callback) in c.method.name })
    }

    /// What a Flutter plugin logged: its states, explained; two of them swapped diverge.
    @Test func aFlutterLogIsExplainedAndASwapDiverges() throws {
        let sim = observed([ObserverChannel.flutter])
        var state = AppSnapshot()
        var items: [Callback] = []
        for action: Action in [.launch, .background] {
            let outcome = try sim.apply(action, to: state)
            items += outcome.callbacks.filter { (c: Callback) in c.receiver == Receiver.observer(.flutter) }
            state = outcome.state
        }
        let entries = items.map { LogEntry(method: $0.method.name, receiver: "flutter", args: $0.args) }
        #expect(entries.count >= 4)
        #expect(sim.explain(entries).explained)
        var swapped = entries
        swapped.swapAt(0, 1)
        let result = sim.explain(swapped)
        #expect(!result.explained)
    }
}
