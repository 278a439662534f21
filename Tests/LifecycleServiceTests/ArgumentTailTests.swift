import LifecycleModel
import Testing

@testable import LifecycleService

/// Observer items' typed arguments are logged from members encoded once
/// (`ArgumentTails`): the same bytes, and the same cost against `--max-log-bytes`, as
/// the same arguments given as JSON.
@Suite struct ArgumentTailTests {
    @Test func aTypedArgumentIsLoggedAsItsJSON() {
        for argument in ObserverArgument.allCases {
            for target in [
                CallbackTarget.lens(.reactNative, sceneId: nil, viewController: nil),
                .lens(.flutter, sceneId: nil, viewController: nil),
                .lens(.capacitor, sceneId: nil, viewController: nil), .lens(.maui, sceneId: nil, viewController: nil),
                .lens(.maui, sceneId: "s1", viewController: nil),
            ] {
                let method = CallbackMethod.framework(FrameworkEvent(ReactNativeLens.Method.change))
                var typedLog = CallbackLog(capacity: 10)
                var jsonLog = CallbackLog(capacity: 10)
                let typed = typedLog.append([
                    Callback(target, method: method, appState: .active, arguments: .observer(argument))
                ])
                let json = jsonLog.append([Callback(target, method: method, appState: .active, args: argument.json)])
                #expect(typed.map(\.json) == json.map(\.json), "\(argument)")
                #expect(typedLog.bytes == jsonLog.bytes, "\(argument)")
            }
        }
        var log = CallbackLog(capacity: 10)
        _ = log.append([Callback(.appDelegate, method: .appDelegate(.didBecomeActive), appState: .active)])
        let item = log.append([
            Callback(
                .lens(.flutter, sceneId: nil, viewController: nil),
                method: .framework(FrameworkEvent(FlutterLens.Method.didChangeAppLifecycleState)),
                appState: .background,
                arguments: .observer(.flutterState(.hidden)))
        ])
        #expect(
            item.map { String(decoding: $0.json, as: UTF8.self) }
                == [
                    #"{"seq":2,"receiver":"flutter","method":"didChangeAppLifecycleState","appState":"background","args":{"state":"hidden"}}"#
                ])
    }
}
