import LifecycleModel
import Testing

/// Actions a device could not perform: refused, state untouched; and the handlers an
/// active app receives.
@Suite struct RefusalTests {
    let sim = appSimulator("11.0")

    @Test func backgroundNeedsAnActiveApp() {
        for app in [AppState.notRunning, .background, .suspended] {
            #expect(throws: ActionRefusal.self) { try sim.apply(.background, to: AppSnapshot(app: app)) }
        }
    }

    @Test func launchIsRefusedWhileActive() throws {
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        let error = #expect(throws: ActionRefusal.self) { try sim.apply(.launch, to: active) }
        #expect(error?.state == .active)
        #expect(error?.action == .launch)
    }

    @Test func allowedActionsAreExactlyTheOnesThatApply() throws {
        let samples: [Action] = [
            .launch, .background, .openURL(url: "a:b"), .openUniversalLink(url: "https://e.com"),
            .tapNotification(payload: .object([])), .terminate(by: .system),
        ]
        for delegate in [false, true] {
            let s = appSimulator("11.0") { $0.notificationCenterDelegate = delegate }
            for app in AppState.allCases where app != .inactive {
                let state = AppSnapshot(app: app)
                let allowed = s.allowedActions(in: state)
                for a in samples {
                    let applies = (try? s.apply(a, to: state)) != nil
                    #expect(applies == allowed.contains(a.kind), "\(a.kind) in \(app)")
                }
            }
        }
    }

    @Test func activeAppGetsTheLinkHandlerAlone() throws {
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        let url = try sim.apply(.openURL(url: "app://x"), to: active)
        #expect(url.calls == ["application(_:open:options:) [active]"])
        let link = try sim.apply(.openUniversalLink(url: "https://e.com/a"), to: active)
        #expect(
            link.calls == [
                "application(_:willContinueUserActivityWithType:) [active]",
                "application(_:continue:restorationHandler:) [active]",
            ])
        #expect(link.callbacks.last?.args?["webpageURL"] == .string("https://e.com/a"))
    }

    @Test func notificationTapWhileActiveNeedsAPresentingDelegate() throws {
        let active = try sim.apply(.launch, to: AppSnapshot()).state
        #expect(throws: ActionRefusal.self) { try sim.apply(.tapNotification(payload: .object([])), to: active) }
        let withDelegate = appSimulator("11.0") { $0.notificationCenterDelegate = true }
        let out = try withDelegate.apply(.tapNotification(payload: .object([])), to: active)
        #expect(out.calls == ["userNotificationCenter(_:didReceive:withCompletionHandler:) [active]"])
        #expect(out.callbacks.first?.receiver == .notificationCenterDelegate)
    }

    @Test func simulatorIsDeterministic() throws {
        let actions: [Action] = [
            .openURL(url: "a:b"), .background, .tapNotification(payload: .object([])), .terminate(by: .user),
        ]
        #expect(try sim.run(actions) == sim.run(actions))
    }
}
