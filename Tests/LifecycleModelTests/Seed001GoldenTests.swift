import Foundation
import LifecycleModel
import Testing

/// Every case of seed 001 (iOS 11.0.3 logs), applied to the model directly.
@Suite struct Seed001GoldenTests {
    let simulator: Simulator

    init() throws {
        let fixture = try GoldenFixture.load()
        let session = fixture.session
        let version = try #require(IOSVersion(session["iosVersion"] as? String ?? ""))
        let lifecycle = try #require(LifecycleKind(rawValue: session["lifecycle"] as? String ?? ""))
        let device = try #require(Device(rawValue: session["device"] as? String ?? ""))
        simulator = Simulator(
            config: SessionConfig(
                lifecycle: lifecycle, iosVersion: version, device: device,
                stateRestoration: session["stateRestoration"] as? Bool ?? false))
    }

    @Test func fixtureHasTheNineSeedCases() throws {
        #expect(try GoldenFixture.load().cases.count == 9)
    }

    @Test(arguments: GoldenFixture.cases)
    func callOrder(_ golden: GoldenFixture.Case) throws {
        var state = AppSnapshot()
        for step in golden.setup {
            state = try simulator.apply(try #require(action(step)), to: state).state
        }
        let outcome = try simulator.apply(try #require(action(golden.action)), to: state)
        let got = outcome.callbacks.filter { $0.receiver == .appDelegate }
            .map { GoldenFixture.Expected(method: $0.method.name, appState: $0.appState.rawValue) }
        #expect(got == golden.expect)

        // Launch options: both will- and didFinishLaunching carry the listed keys.
        guard case .notChecked = golden.launchOptions else {
            let launches = outcome.callbacks.filter {
                $0.method.name == "application(_:willFinishLaunchingWithOptions:)"
                    || $0.method.name == "application(_:didFinishLaunchingWithOptions:)"
            }
            #expect(launches.count == 2)
            for callback in launches {
                let options = try #require(callback.args?["launchOptions"])
                switch golden.launchOptions {
                case .none: #expect(options == .null)
                case .containing(let expected): #expect(contains(options, expected), "\(callback.method)")
                case .notChecked: break
                }
            }
            return
        }
    }

    /// `actual` has every member of `expected` (recursively), maybe more.
    private func contains(_ actual: JSONValue?, _ expected: JSONValue) -> Bool {
        guard let actual else { return false }
        if case .object(let members) = expected {
            return members.allSatisfy { contains(actual[$0.key], $0.value) }
        }
        return actual == expected
    }
}
