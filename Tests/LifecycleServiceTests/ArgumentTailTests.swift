import LifecycleModel
import Testing

@testable import LifecycleService

/// Observer items' typed arguments are logged from tails encoded once (`ArgumentTails`):
/// the same bytes, and the same cost against `--max-log-bytes`, as the same arguments
/// given as JSON.
@Suite struct ArgumentTailTests {
    @Test func aTypedArgumentIsLoggedAsItsJSON() {
        for argument in ObserverArgument.allCases {
            for target in [CallbackTarget.reactNative, .flutter, .capacitor, .maui(sceneId: nil)] {
                let method = CallbackMethod.framework(.change)
                let typed = LoggedCallback(
                    seq: 12,
                    callback: Callback(target, method: method, appState: .active, arguments: .observer(argument)),
                    sharing: nil)
                let json = LoggedCallback(
                    seq: 12, callback: Callback(target, method: method, appState: .active, args: argument.json),
                    sharing: nil)
                #expect(typed.json == json.json, "\(argument)")
                #expect(typed.cost == json.cost, "\(argument)")
            }
        }
        let item = LoggedCallback(
            seq: 3,
            callback: Callback(
                .flutter, method: .framework(.didChangeAppLifecycleState), appState: .background,
                arguments: .observer(.flutterState(.hidden))),
            sharing: nil)
        #expect(
            String(decoding: item.json, as: UTF8.self)
                == #"{"seq":3,"receiver":"flutter","method":"didChangeAppLifecycleState","appState":"background","args":{"state":"hidden"}}"#
        )
    }
}
