/// How a payload reaches a scene-based app (LIFECYCLE.md §4, DOC; TN3187).
extension LaunchPayload {
    /// `UIScene.ConnectionOptions` of a scene that connects for this payload.
    var connectionOptions: JSONValue {
        switch self {
        case .url(let url):
            .object(["urlContexts": .array([.object(["url": .string(url)])])])
        case .universalLink(let url):
            .object(["userActivities": .array([.object(["activityType": .string(Self.browsingWeb), "webpageURL": .string(url)])])])
        case .notification(let payload):
            .object(["notificationResponse": .object([
                "actionIdentifier": .string("com.apple.UNNotificationDefaultActionIdentifier"), "userInfo": payload])])
        case .shortcut(let type):
            .object(["shortcutItem": .object(["type": .string(type)])])
        }
    }

    /// The warm handler of scene `index`.
    func deliver(toScene index: Int, into t: inout Transition) {
        switch self {
        case .url(let url):
            t.callScene(SceneDelegateMethod.openURLContexts, index, args: .object(["urlContexts": .array([.object(["url": .string(url)])])]))
        case .universalLink(let url):
            t.callScene(SceneDelegateMethod.willContinueUserActivity, index, args: .object(["userActivityType": .string(Self.browsingWeb)]))
            t.callScene(SceneDelegateMethod.continueUserActivity, index,
                        args: .object(["userActivityType": .string(Self.browsingWeb), "webpageURL": .string(url)]))
        case .notification:
            deliver(into: &t)  // the notification-center delegate, or the app delegate (as sceneless)
        case .shortcut(let type):
            t.callScene(SceneDelegateMethod.performAction, index, args: .object(["shortcutItem": .object(["type": .string(type)])]))
        }
    }

    /// On a cold connection the warm handlers are not called (MULTI) — except a
    /// notification response, which also reaches the notification-center delegate
    /// (MULTI), at the warm handlers' place.
    func coldSceneHandler(config: SessionConfig) -> ((inout Transition, Int) -> Void)? {
        guard case .notification = self, config.notificationCenterDelegate else { return nil }
        return { t, _ in self.deliver(into: &t) }
    }
}
