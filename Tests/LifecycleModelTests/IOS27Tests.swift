import LifecycleModel
import Testing

/// iOS 27, the SDK gate and the iOS 26 deprecations (breadth §9).
@Suite struct IOS27Tests {
    /// contract v1.1: "17" and "17.0.1" (as UIDevice.systemVersion prints) read as 17.0.
    @Test func versionsAreNormalised() {
        #expect(IOSVersion("17")?.description == "17.0")
        #expect(IOSVersion("17.0.1")?.description == "17.0")
        #expect(IOSVersion("27.1")?.description == "27.1")
        for bad in ["", "17.", ".1", "17.0.1.2", "1 7", "28.0", "19"] { #expect(IOSVersion(bad) == nil, "\(bad)") }
    }

    /// breadth §9.1 (DOC, [TN3187], [RN27]): an app built with the iOS 27 SDK must be
    /// scene-based; a binary built with an older SDK still launches sceneless.
    @Test func theIOS27SDKRequiresScenes() throws {
        let ios27 = try #require(IOSVersion("27.0"))
        let sceneless = SessionConfig(lifecycle: .app, iosVersion: ios27)
        #expect(sceneless.issue?.field == "lifecycle")
        #expect(sceneless.issue?.detail.contains("sdkVersion") == true)
        var older = sceneless
        older.sdkVersion = IOSVersion("26.0")
        #expect(older.issue == nil)
        let out = try Simulator(config: older).apply(.launch, to: AppSnapshot())
        #expect(out.methods.last == "applicationDidBecomeActive(_:)")
        #expect(SessionConfig(iosVersion: ios27).lifecycle == .scene)
        // An SDK newer than the OS cannot run: sdkVersion above iosVersion's major.
        var newer = SessionConfig(lifecycle: .scene, iosVersion: try #require(IOSVersion("26.0")))
        newer.sdkVersion = ios27
        #expect(newer.issue?.field == "sdkVersion")
        newer.sdkVersion = IOSVersion("26.4")  // same major: fine
        #expect(newer.issue == nil)
    }

    /// breadth §9.2 (DOC, [A-trans], [ROBOVM]): once an app adopts scenes UIKit stops
    /// calling the app-delegate methods iOS 26 deprecates (active/resign/foreground,
    /// open URL, user activities, quick actions); the ones still current stay.
    @Test(arguments: ["26.0", "27.0"])
    func sceneAppsGetNoneOfTheDeprecatedAppDelegateMethods(_ version: String) throws {
        let deprecated: Set<String> = [
            "applicationDidBecomeActive(_:)", "applicationWillResignActive(_:)",
            "applicationWillEnterForeground(_:)", "application(_:open:options:)",
            "application(_:willContinueUserActivityWithType:)", "application(_:continue:restorationHandler:)",
            "application(_:performActionFor:completionHandler:)",
        ]
        let sim = sceneSimulator(version)
        let actions: [Action] = [
            .openURL(url: "myapp://a"), .background, .openUniversalLink(url: "https://example.com/a"),
            .background, .quickAction(shortcutType: "new"), .interruptionBegan(kind: .call),
            .interruptionEnded(outcome: .resume), .background, .launch,
        ]
        var state = AppSnapshot()
        var heard: [Callback] = []
        for a in actions {
            let out = try sim.apply(a, to: state)
            heard += out.callbacks
            state = out.state
        }
        #expect(heard.filter { $0.receiver == .appDelegate && deprecated.contains($0.method.name) }.isEmpty)
        #expect(heard.contains { $0.method.name == "application(_:didFinishLaunchingWithOptions:)" })
        // A sceneless binary built with the iOS 26 SDK still hears them (deprecated, not removed).
        let old = appSimulator(version) { $0.sdkVersion = IOSVersion("26.0") }
        #expect(try old.run([.launch, .openURL(url: "myapp://a")]).methods.contains("application(_:open:options:)"))
    }
}
