import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

/// Observer channels and log explanation through the client against a live server.
@Suite struct ClientObserverAndExplainTests {
    @Test func aChannelsItemsAreTheirOwn() async throws {
        try await withLifecycled { client in
            let config = SessionConfig(
                lifecycle: .app, iosVersion: "17.0", observers: ["notifications", "flutter"],
                observerOptions: ["flutter": ["framework": "before3.13"]])
            let run = try await client.simulate([.launch, .background], config: config)
            #expect(run.config.observers == ["notifications", "flutter"])
            let flutter = run.callbacks.channel("flutter").filter { $0.method == "didChangeAppLifecycleState" }
            // Flutter before 3.13: no `hidden`, and every engine message delivered as is
            // (the launch's viewDidAppear and didBecomeActive both say resumed; docs/observers.md).
            #expect(
                flutter.compactMap { $0.args?["state"] } == ["inactive", "resumed", "resumed", "inactive", "paused"])
            let current = try await client.simulate(
                [.launch, .background],
                config: SessionConfig(
                    lifecycle: .app, iosVersion: "17.0", observers: ["flutter"]))
            #expect(
                current.callbacks.channel("flutter").filter { $0.method == "didChangeAppLifecycleState" }
                    .compactMap { $0.args?["state"] } == ["inactive", "resumed", "inactive", "hidden", "paused"])
            let notes = run.callbacks.channel("notifications").map(\.method)
            #expect(notes.contains("UIApplication.didEnterBackgroundNotification"))
            #expect(run.callbacks.filter { $0.channel == nil }.allSatisfy { !$0.receiver.isEmpty })
        }
    }

    @Test func aPastedLogIsExplainedAndASwappedOneDiverges() async throws {
        try await withLifecycled { client in
            let config = SessionConfig(lifecycle: .app, iosVersion: "11.0")
            let log = """
                09:41:00.001 MyApp[812:4410] -[AppDelegate application:didFinishLaunchingWithOptions:]
                09:41:00.120 MyApp[812:4410] applicationDidBecomeActive(_:)
                09:41:03.500 MyApp[812:4410] [Net] GET /feed 200
                09:41:09.000 MyApp[812:4410] AppDelegate.applicationWillResignActive(_:)
                09:41:09.400 MyApp[812:4410] applicationDidEnterBackground(_:)
                """
            let answer = try await client.explain(log: log, config: config)
            #expect(answer.explained)
            #expect(answer.actions == [.launch, .background])
            #expect(answer.ignoredLines == [3])
            #expect(answer.callbacks.contains { $0.method == "applicationDidEnterBackground(_:)" })

            // Finishing launching before starting to: no start produces that (issue #34
            // explains a log from a running app after the actions it needs).
            let swapped = try await client.explain(
                [
                    LogEntry("application(_:didFinishLaunchingWithOptions:)"),
                    LogEntry("application(_:willFinishLaunchingWithOptions:)"),
                ],
                config: config)
            #expect(!swapped.explained)
            #expect(swapped.divergence?.index == 0)
            #expect(swapped.divergence?.observed?.method == "application(_:didFinishLaunchingWithOptions:)")
        }
    }

    /// Issue #34's members: what a log from a running app assumed, the other stories.
    @Test func aLogFromARunningAppSaysWhatItAssumed() async throws {
        try await withLifecycled { client in
            let answer = try await client.explain(
                log: "applicationWillResignActive:\napplication Did Enter Background\napplicationDidBecomeActive:",
                config: SessionConfig(lifecycle: .app, iosVersion: "11.0"))
            #expect(answer.explained && answer.explainedEntries == 2)
            #expect(answer.assumed?.from == [.launch])
            #expect(answer.alternatives?.isEmpty == false)
            #expect(answer.unreadLines?.first?.method == "applicationDidEnterBackground(_:)")
            #expect(answer.hints == [])
        }
    }
}
