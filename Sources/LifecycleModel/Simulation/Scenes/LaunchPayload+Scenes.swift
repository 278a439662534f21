/// How a payload reaches a scene-based app (facts §4, DOC; TN3187).
extension LaunchPayload {
    /// `UIScene.ConnectionOptions` of a scene that connects for this payload.
    var connectionOptions: JSONValue {
        switch self {
        case .url(let url):
            .object(["urlContexts": .array([.object(["url": .string(url)])])])
        case .universalLink(let url):
            .object([
                "userActivities": .array([
                    .object(["activityType": .string(Self.browsingWeb), "webpageURL": .string(url)])
                ])
            ])
        case .notification(let payload):
            .object([
                "notificationResponse": .object([
                    "actionIdentifier": .string("com.apple.UNNotificationDefaultActionIdentifier"), "userInfo": payload,
                ])
            ])
        case .shortcut(let type):
            .object(["shortcutItem": .object(["type": .string(type)])])
        }
    }

    /// The warm handler of a stage: the app delegate's, or the scene's.
    func deliver(to stage: Stage, into t: inout Transition) {
        guard case .scene(let index) = stage else { return deliver(into: &t) }
        switch self {
        case .url(let url):
            t.callScene(
                .openURLContexts, index,
                args: .object(["urlContexts": .array([.object(["url": .string(url)])])]))
        case .universalLink(let url):
            t.callScene(
                .willContinueUserActivity, index,
                args: .object(["userActivityType": .string(Self.browsingWeb)]))
            t.callScene(
                .continueUserActivity, index,
                args: .object(["userActivityType": .string(Self.browsingWeb), "webpageURL": .string(url)]))
        case .notification:
            deliver(into: &t)  // the notification-center delegate, or the app delegate (as sceneless)
        case .shortcut(let type):
            t.callScene(
                .performAction, index,
                args: .object(["shortcutItem": .object(["type": .string(type)])]))
        }
    }

    /// The handler of a stage that connects for this payload. A sceneless app's
    /// launch options carry it and its handler runs too (S1). On a scene's cold
    /// connection the warm handlers are not called (MULTI) — except a notification
    /// response, which also reaches the notification-center delegate (MULTI), at the
    /// warm handlers' place.
    func coldHandler(for stage: Stage, config: SessionConfig, swiftUI: SwiftUIVocabulary? = nil) -> (
        (inout Transition) -> Void
    )? {
        if stage == .app { return { t in self.deliver(into: &t) } }
        // A SwiftUI app's views get links at a cold connection too (breadth §7.6).
        if let swiftUI, swiftUI.reachesViewsCold(self) { return { t in self.deliver(to: stage, into: &t) } }
        guard case .notification = self, config.notificationCenterDelegate else { return nil }
        return { t in self.deliver(into: &t) }
    }
}
