import LifecycleModel
import Testing

/// Version-dependent rules (facts §3, §6, §8) resolved by `Profile`.
@Suite struct VersionProfileTests {
    @Test func iOS12KeepsSeed001StatusBarAndOrientationCalls() throws {
        let out = try appSimulator("12.1").apply(.launch, to: AppSnapshot())
        #expect(out.methods.filter { $0 == "application(_:supportedInterfaceOrientationsFor:)" }.count == 7)
        #expect(out.methods.first == "application(_:willChangeStatusBarFrame:)")
    }

    @Test(arguments: ["13.0", "15.4", "17.0", "18.6", "26.0"])
    func fromIOS13NoStatusBarOrOrientationCalls(_ version: String) throws {
        let out = try appSimulator(version).apply(.launch, to: AppSnapshot())
        #expect(
            out.calls == [
                "application(_:willFinishLaunchingWithOptions:) [inactive]",
                "application(_:didFinishLaunchingWithOptions:) [inactive]",
                "applicationDidBecomeActive(_:) [active]",
            ])
    }

    @Test func orientationQuirkCanBeTurnedOnOrOff() throws {
        let on = try appSimulator("17.0") { $0.quirks.orientationQueries = true }.apply(.launch, to: AppSnapshot())
        #expect(on.methods.filter { $0.contains("supportedInterfaceOrientationsFor") }.count == 7)
        #expect(!on.methods.contains { $0.contains("StatusBarFrame") })  // deprecated in 13 regardless
        let off = try appSimulator("11.0") { $0.quirks.orientationQueries = false }.apply(.launch, to: AppSnapshot())
        #expect(!off.methods.contains { $0.contains("supportedInterfaceOrientationsFor") })
        #expect(
            off.methods.prefix(2) == [
                "application(_:willChangeStatusBarFrame:)", "application(_:didChangeStatusBarFrame:)",
            ])
    }

    @Test(arguments: [("13.1", false), ("13.2", true), ("17.0", true), ("12.4", false)])
    func secureRestorationNamesFromIOS13_2(_ version: String, _ secure: Bool) throws {
        let sim = appSimulator(version) { $0.stateRestoration = true }
        let saved = try sim.run([.launch, .background])
        let relaunch = try sim.run([.terminate(by: .system), .launch], from: saved.state)
        let save =
            secure ? "application(_:shouldSaveSecureApplicationState:)" : "application(_:shouldSaveApplicationState:)"
        let restore =
            secure
            ? "application(_:shouldRestoreSecureApplicationState:)" : "application(_:shouldRestoreApplicationState:)"
        #expect(saved.methods.contains(save))
        #expect(saved.methods.contains("application(_:willEncodeRestorableStateWith:)"))
        #expect(relaunch.methods.contains(restore))
        #expect(relaunch.methods.contains("application(_:didDecodeRestorableStateWith:)"))
    }
}
