/// The UNSURE points of the observer channels (docs/observers.md, "Named choices") as named choices. Their
/// fields live in `Quirks`; the resolved values are reported only when the session
/// has observers, so sessions without them answer byte for byte as before.

/// Where a notification falls against the delegate method of the same transition.
public enum NotificationOrder: String, Sendable, CaseIterable {
    /// The notification is posted before the delegate method runs.
    case beforeDelegate
    /// The notification is posted after the delegate method returns.
    case afterDelegate
}

/// Where a scene app's `UIApplication.willEnterForegroundNotification` falls at a
/// scene's first foreground entry (LOG on both sides: [BATCH-life]).
public enum AppForegroundNotificationInScene: String, Sendable, CaseIterable {
    /// After the scene's `didActivate`, just before `didBecomeActive` (iOS 14+ log);
    /// the default from iOS 14.
    case afterSceneActivation
    /// Right after the scene's `willEnterForeground`, before it activates (iOS 13 log);
    /// the default on iOS 13.
    case beforeSceneActivation
}

/// Whether a sceneless app on iOS 13+ also receives UIScene notifications for
/// UIKit's implicit scene ([BATCH-life]).
public enum SceneNotificationsInSceneless: String, Sendable, CaseIterable {
    /// On warm transitions, and the implicit scene's `UIScene.didActivateNotification`
    /// at a cold launch into the foreground, just before the app's didBecomeActive (the
    /// sceneless notification cold open of [BATCH-life], LOG); the default (issue #38).
    case warmAndLaunchActivation
    /// On warm transitions, never at the cold launch (the sceneless icon cold open of
    /// [BATCH-life], LOG); the default before issue #38.
    case warmOnly
    /// Never.
    case never
}
