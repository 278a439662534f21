import LifecycleModel
import Testing

/// docs/guide/observers.md's pair: one launch, Home and return of a scene app on iOS 17, seen as
/// notifications and as Flutter (the page quotes the service's answer for it).
@Suite struct ObserverReadmeTests {
    @Test func launchHomeReturnAsNotifications() throws {
        var s = ObservedSession(observedConfig(.scene, "17.0", [.notifications]))
        let launch = try s.apply(.launch).of(.observer(.notifications)).map(\.method.name)
        let home = try s.apply(.background).of(.observer(.notifications)).map(\.method.name)
        let back = try s.apply(.launch).of(.observer(.notifications)).map(\.method.name)
        #expect(
            launch == [
                "UIApplication.didFinishLaunchingNotification", "UIWindow.didBecomeKeyNotification",
                "UIScene.willConnectNotification", "UIScene.willEnterForegroundNotification",
                "UIScene.didActivateNotification", "UIApplication.willEnterForegroundNotification",
                "UIApplication.didBecomeActiveNotification",
            ])
        #expect(
            home == [
                "UIScene.willDeactivateNotification", "UIApplication.willResignActiveNotification",
                "UIScene.didEnterBackgroundNotification", "UIApplication.didEnterBackgroundNotification",
            ])
        #expect(
            back == [
                "UIScene.willEnterForegroundNotification", "UIApplication.willEnterForegroundNotification",
                "UIScene.didActivateNotification", "UIApplication.didBecomeActiveNotification",
            ])
    }

    @Test func launchHomeReturnAsFlutter() throws {
        var s = ObservedSession(observedConfig(.scene, "17.0", [.flutter]))
        func flutter(_ a: Action) throws -> [String] {
            try s.apply(a).of(.observer(.flutter)).map { c in
                if case .string(let state)? = c.args?["state"] { return state }
                return c.method.name
            }
        }
        // docs/observers.md, Flutter: launch inactive, resumed; home inactive, hidden,
        // paused; return hidden, inactive, resumed; each with its listener callback.
        #expect(try flutter(.launch) == ["inactive", "onInactive", "resumed", "onResume"])
        #expect(try flutter(.background) == ["inactive", "onInactive", "hidden", "onHide", "paused", "onPause"])
        #expect(try flutter(.launch) == ["hidden", "onRestart", "inactive", "onShow", "resumed", "onResume"])
    }
}
