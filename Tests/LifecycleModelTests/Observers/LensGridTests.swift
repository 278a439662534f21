import LifecycleModel
import Testing

/// Issue #38: every lens on the grid app kind × (launch, Home, return, Control Center,
/// lock) through the real session (poster, tap and lenses together), against the
/// sequences docs/observers.md gives from each framework's source. .NET MAUI is the
/// app's own delegate, so it has nothing to say in a SwiftUI App.
@Suite struct LensGridTests {
    static let kinds: [(String, LifecycleKind, UIFramework)] = [
        ("12.0", .app, .uikit), ("15.0", .app, .uikit), ("17.0", .scene, .uikit), ("17.0", .scene, .swiftUI),
    ]

    /// Each step and what each lens reports for it, as "receiver method[=state]".
    static let steps: [(Action, [Receiver: [String]])] = [
        (
            .launch,
            [
                .observer(.reactNative): [], .observer(.capacitor): [], .observer(.cordova): [],
                .observer(.flutter): ["inactive", "resumed"], .observer(.maui): ["Created", "Activated"],
                .observer(.composeMultiplatform): ["ON_CREATE", "ON_START", "ON_RESUME"],
            ]
        ),
        (
            .background,
            [
                .observer(.reactNative): ["inactive", "background"],
                .observer(.capacitor): ["appStateChange=false", "pause"],
                .observer(.cordova): ["resign", "pause"], .observer(.flutter): ["inactive", "hidden", "paused"],
                .observer(.maui): ["Deactivated", "Stopped"],
                .observer(.composeMultiplatform): ["ON_PAUSE", "ON_STOP"],
            ]
        ),
        (
            .launch,
            [
                .observer(.reactNative): ["active"], .observer(.capacitor): ["resume", "appStateChange=true"],
                .observer(.cordova): ["resume", "active"],
                .observer(.flutter): ["hidden", "inactive", "resumed"], .observer(.maui): ["Resumed", "Activated"],
                .observer(.composeMultiplatform): ["ON_START", "ON_RESUME"],
            ]
        ),
        (
            .interruptionBegan(kind: .controlCenter),
            [
                .observer(.reactNative): ["inactive"], .observer(.capacitor): ["appStateChange=false"],
                .observer(.cordova): ["resign"],
                .observer(.flutter): ["inactive"], .observer(.maui): ["Deactivated"],
                .observer(.composeMultiplatform): ["ON_PAUSE"],
            ]
        ),
        (
            .interruptionEnded(outcome: .resume),
            [
                .observer(.reactNative): ["active"], .observer(.capacitor): ["appStateChange=true"],
                .observer(.cordova): ["active"],
                .observer(.flutter): ["resumed"], .observer(.maui): ["Activated"],
                .observer(.composeMultiplatform): ["ON_RESUME"],
            ]
        ),
        (
            .lock,
            [
                .observer(.reactNative): ["inactive", "background"],
                .observer(.capacitor): ["appStateChange=false", "pause"],
                .observer(.cordova): ["resign", "pause"], .observer(.flutter): ["inactive", "hidden", "paused"],
                .observer(.maui): ["Deactivated", "Stopped"],
                .observer(.composeMultiplatform): ["ON_PAUSE", "ON_STOP"],
            ]
        ),
    ]

    @Test(arguments: 0..<kinds.count)
    func everyLensOnTheGrid(_ index: Int) throws {
        let (version, lifecycle, ui) = Self.kinds[index]
        var s = ObservedSession(
            observedConfig(lifecycle, version, ObserverChannel.allCases.filter { $0 != .notifications }) {
                $0.ui = ui
            })
        for (step, (action, expected)) in Self.steps.enumerated() {
            let callbacks = try s.apply(action)
            for (lens, items) in expected {
                let heard = callbacks.of(lens).filter { !$0.method.name.hasPrefix("on") || lens != .observer(.flutter) }
                    .map {
                        c -> String in
                        if let state = c.args?["state"], case .string(let v) = state { return v }
                        if let active = c.args?["isActive"], case .bool(let v) = active {
                            return "\(c.method.name)=\(v)"
                        }
                        return c.method.name
                    }
                let want = lens == .observer(.maui) && ui == .swiftUI ? [] : items
                #expect(heard == want, "\(version) \(lifecycle) \(ui) step \(step) \(action.kind): \(lens)")
            }
        }
    }
}
