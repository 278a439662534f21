/// The observer channels of a session and the named choices they follow, resolved
/// once from the config (`Profile.observers`; nil when the config has none). Shared, as
/// the profile is, by every action the session makes.
public final class ObserverProfile: Sendable, Equatable {
    /// The channels asked for, in the config's order.
    public let channels: [ObserverChannel]
    /// The notifications themselves are reported (channel `notifications`); the
    /// poster runs for the lenses either way.
    public let reportsNotifications: Bool
    /// The lenses asked for, with their options, before the first input.
    public let initialLenses: [RunningLens]
    /// What each of `initialLenses` subscribes to (`FrameworkLens.inputs`), in the same order.
    public var lensInputs: [LensInputKinds] { initialLenses.map(\.inputs) }
    /// The app declares scenes: the app-level notifications are aggregate (docs/observers.md).
    public let usesScenes: Bool
    /// A SwiftUI `App` (a scene app whose scene delegate is SwiftUI's).
    public let swiftUI: Bool
    /// Quirk `willEnterForegroundNotificationOrder` (sceneless apps: the only ones
    /// whose app delegate hears applicationWillEnterForeground).
    public let willEnterForegroundOrder: NotificationOrder
    /// Quirk `sceneNotificationOrder` (scene apps).
    public let sceneNotificationOrder: NotificationOrder
    /// Quirk `appForegroundNotificationInScene` (scene apps).
    public let appForegroundInScene: AppForegroundNotificationInScene
    /// Quirk `scenePhaseAfterNotifications` (SwiftUI apps).
    public let scenePhaseAfterNotifications: Bool
    /// Quirk `sceneNotificationsInSceneless`; nil where there is no implicit scene
    /// (scene apps, iOS 12 and earlier).
    public let implicitSceneNotifications: SceneNotificationsInSceneless?
    /// iOS 15+: a window is the key window of its scene; before, of the app
    /// ([A-keywin], DOC).
    public let keyWindowPerScene: Bool

    /// The observers of `config`; nil when it asks for none (the recorders then skip
    /// the tap with one nil check).
    public init?(config: SessionConfig) {
        guard !config.observers.isEmpty else { return nil }
        let version = config.iosVersion
        channels = config.observers
        reportsNotifications = config.observers.contains(.notifications)
        let host = config.tabs?.first ?? config.rootViewController
        // One lens a channel: a repeat is ignored (the service refuses one).
        var listed: [ObserverChannel] = []
        for channel in config.observers where !listed.contains(channel) { listed.append(channel) }
        let windowScenes = version >= .known(13, 0)  // UIScene (DOC: iOS 13.0+)
        initialLenses = listed.compactMap {
            config.observerOptions.lens(for: $0, hostController: host, windowScenes: windowScenes)
        }
        usesScenes = config.lifecycle == .scene
        swiftUI = config.ui == .swiftUI
        let q = config.quirks
        // [A-appnotes] DOC: posted "shortly before" the delegate; [OR49817144] (LOG): after,
        // on iOS 12, against the documentation. The log wins where it was taken: iOS ≤ 12
        // (issue #38); from iOS 13, with no log, the documentation.
        willEnterForegroundOrder =
            q.willEnterForegroundNotificationOrder
            ?? (version < .known(13, 0) ? .afterDelegate : .beforeDelegate)
        // [FL-engine]'s comment, LOG: the notification follows the delegate in the same turn.
        sceneNotificationOrder = q.sceneNotificationOrder ?? .afterDelegate
        // [BATCH-life] (LOG): iOS 14 posts it after the scene activated, iOS 13 before.
        appForegroundInScene =
            q.appForegroundNotificationInScene
            ?? (version >= .known(14, 0) ? .afterSceneActivation : .beforeSceneActivation)
        scenePhaseAfterNotifications = q.scenePhaseAfterNotifications ?? true
        implicitSceneNotifications =
            !usesScenes && version >= .known(13, 0) ? q.sceneNotificationsInSceneless ?? .warmAndLaunchActivation : nil
        keyWindowPerScene = version >= .known(15, 0)
    }

    public static func == (a: ObserverProfile, b: ObserverProfile) -> Bool {
        a === b
            || (a.channels == b.channels && a.reportsNotifications == b.reportsNotifications
                && a.initialLenses == b.initialLenses
                && a.usesScenes == b.usesScenes
                && a.swiftUI == b.swiftUI && a.willEnterForegroundOrder == b.willEnterForegroundOrder
                && a.sceneNotificationOrder == b.sceneNotificationOrder
                && a.appForegroundInScene == b.appForegroundInScene
                && a.scenePhaseAfterNotifications == b.scenePhaseAfterNotifications
                && a.implicitSceneNotifications == b.implicitSceneNotifications
                && a.keyWindowPerScene == b.keyWindowPerScene)
    }
}

extension Profile {
    /// The observer quirks that apply to the session, reported only when it has
    /// observers (or, for the Notification Center pull, on iOS 11–12, where it is on by
    /// default, and when the config sets it).
    func reportObserverQuirks(into quirks: inout Quirks) {
        if observers != nil || reportsNotificationCenterPull {
            quirks.notificationCenterPullReactivates = notificationCenterPullReactivates
        }
        guard let o = observers else { return }
        if o.usesScenes {
            quirks.sceneNotificationOrder = o.sceneNotificationOrder
            quirks.appForegroundNotificationInScene = o.appForegroundInScene
        } else {
            quirks.willEnterForegroundNotificationOrder = o.willEnterForegroundOrder
            quirks.sceneNotificationsInSceneless = o.implicitSceneNotifications
        }
        if o.swiftUI { quirks.scenePhaseAfterNotifications = o.scenePhaseAfterNotifications }
    }
}
