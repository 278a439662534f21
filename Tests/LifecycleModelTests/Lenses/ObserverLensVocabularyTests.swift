import Foundation
import LifecycleModel
import Testing

/// The observer vocabulary: channel names, notification names, delegate methods.
@Suite struct ObserverLensVocabularyTests {
    /// The contract's channel names stay as they are (a new lens comes after them), and
    /// openapi.yaml lists every channel and its receiver.
    @Test func theChannels() throws {
        let contract = [
            "notifications", "reactNative", "flutter", "capacitor", "cordova", "maui", "composeMultiplatform",
        ]
        #expect(Array(ObserverChannel.allCases.map(\.rawValue).prefix(contract.count)) == contract)
        let openAPI = try String(contentsOf: ActionDefinitionTests.openAPIPath, encoding: .utf8)
        let lines = openAPI.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        /// The names of the first `enum: [first, …]` line after `after`.
        func names(startingWith first: String, after: String) -> [String] {
            let from = lines.firstIndex(of: after) ?? lines.endIndex
            let line = lines[from...].first { $0.hasPrefix("enum: [\(first),") } ?? ""
            return line.dropFirst("enum: [".count).dropLast().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(
            names(startingWith: "notifications", after: "ObserverChannel:") == ObserverChannel.allCases.map(\.rawValue))
        #expect(
            names(startingWith: "notificationCenter", after: "Callback:")
                == ObserverChannel.allCases.map { Receiver.observer($0).rawValue })
        #expect(ObserverChannel.notifications.defaultLens == nil)
        for channel in ObserverChannel.allCases where channel != .notifications {
            #expect(channel.defaultLens?.channel == channel)
        }
    }

    /// Swift names are `Type.nameNotification`; Objective-C names `TypeName…`, the
    /// same words capitalized, with `Notification` at the end except the two
    /// protected-data constants ([A-appnotes]).
    @Test func notificationNames() {
        func check(_ swift: String, _ objc: String, type: String, suffix: Bool = true) {
            #expect(swift.hasPrefix("\(type).") && swift.hasSuffix("Notification"), "\(swift)")
            let name = swift.dropFirst(type.count + 1).dropLast("Notification".count)
            let capitalized = name.prefix(1).uppercased() + name.dropFirst()
            #expect(objc == type + capitalized + (suffix ? "Notification" : ""), "\(objc)")
        }
        for note in UIApplicationNotification.allCases {
            let suffix = note != .protectedDataWillBecomeUnavailable && note != .protectedDataDidBecomeAvailable
            check(note.swiftName, note.objectiveCName, type: "UIApplication", suffix: suffix)
        }
        for note in UISceneNotification.allCases { check(note.swiftName, note.objectiveCName, type: "UIScene") }
        for note in UIWindowNotification.allCases { check(note.swiftName, note.objectiveCName, type: "UIWindow") }
        #expect(UIApplicationNotification.allCases.count == 11)
        #expect(UISceneNotification.allCases.count == 6)
        #expect(UIWindowNotification.allCases.count == 2)
        #expect(UIApplicationNotification.didBecomeActive.objectiveCName == "UIApplicationDidBecomeActiveNotification")
    }

    /// The delegate calls are written as the model's callbacks write them.
    @Test func delegateCallsUseTheModelsMethodNames() throws {
        let simulator = appSimulator("17.0")
        let launched = try simulator.run([.launch])
        let methods = Set(launched.callbacks.map(\.method.name))
        #expect(methods.contains(AppDelegateLifecycleCall.didFinishLaunching.rawValue))
        #expect(methods.contains(AppDelegateLifecycleCall.didBecomeActive.rawValue))
        let scenes = try sceneSimulator().run([.launch])
        let sceneMethods = Set(scenes.callbacks.map(\.method.name))
        for call in [SceneDelegateLifecycleCall.willConnect, .willEnterForeground, .didBecomeActive] {
            #expect(sceneMethods.contains(call.rawValue), "\(call.rawValue)")
        }
    }
}
