import LifecycledTestSupport
import Testing

import enum LifecycleModel.UIApplicationNotification
import enum LifecycleModel.UISceneNotification
import enum LifecycleModel.UIWindowNotification

/// The client's table of UIKit names is the model's: every notification the server posts
/// is replayed under its Objective-C constant (scoped imports: the model's `AppState` and
/// `SessionConfig` would otherwise clash with the client's).
@Suite struct UIKitNotificationNameTests {
    @Test func theNamesAreTheModelsConstants() {
        let model: [(String, String)] =
            UIApplicationNotification.allCases.map { ($0.swiftName, $0.objectiveCName) }
            + UISceneNotification.allCases.map { ($0.swiftName, $0.objectiveCName) }
            + UIWindowNotification.allCases.map { ($0.swiftName, $0.objectiveCName) }
        #expect(model.count == UIKitNotification.allCases.count)
        for (wire, constant) in model {
            #expect(UIKitNotification(rawValue: wire)?.constantName == constant, "\(wire)")
            #expect(UIKitNotification(rawValue: wire)?.name.rawValue == constant, "\(wire)")
        }
    }
}
