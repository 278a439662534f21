/// The observer channels of a session and the named choices they follow, resolved
/// once from the config (`Profile.observers`; nil when the config has none).
public struct ObserverProfile: Sendable, Equatable {
    /// The channels asked for, in the config's order.
    public var channels: [ObserverChannel]
    /// The notifications themselves are reported (channel `notifications`); the
    /// poster runs for the lenses either way.
    public var reportsNotifications: Bool
    /// The lenses asked for, with their options, before the first input.
    public var initialLenses: [ChannelLens]
    /// What each of `initialLenses` subscribes to (`FrameworkLens.inputs`), in the same
    /// order: the tap hands a lens only those inputs.
    public var lensInputs: [LensInputKinds]
    /// The app declares scenes: the app-level notifications are aggregate (docs/observers.md).
    public var usesScenes: Bool
    /// A SwiftUI `App` (a scene app whose scene delegate is SwiftUI's).
    public var swiftUI: Bool
    /// Quirk `willEnterForegroundNotificationOrder` (sceneless apps: the only ones
    /// whose app delegate hears applicationWillEnterForeground).
    public var willEnterForegroundOrder: NotificationOrder
    /// Quirk `sceneNotificationOrder` (scene apps).
    public var sceneNotificationOrder: NotificationOrder
    /// Quirk `appForegroundNotificationInScene` (scene apps).
    public var appForegroundInScene: AppForegroundNotificationInScene
    /// Quirk `scenePhaseAfterNotifications` (SwiftUI apps).
    public var scenePhaseAfterNotifications: Bool
    /// Quirk `sceneNotificationsInSceneless`; nil where there is no implicit scene
    /// (scene apps, iOS 12 and earlier).
    public var implicitSceneNotifications: SceneNotificationsInSceneless?
    /// iOS 15+: a window is the key window of its scene; before, of the app
    /// ([A-keywin], DOC).
    public var keyWindowPerScene: Bool

    /// The observers of `config`; nil when it asks for none (the recorders then skip
    /// the tap with one nil check).
    public init?(config: SessionConfig) {
        guard !config.observers.isEmpty else { return nil }
        let version = config.iosVersion
        channels = config.observers
        reportsNotifications = config.observers.contains(.notifications)
        let host = config.tabs?.first ?? config.rootViewController
        initialLenses = config.observers.compactMap { config.observerOptions.lens(for: $0, hostController: host) }
        lensInputs = initialLenses.map(\.inputs)
        usesScenes = config.lifecycle == .scene
        swiftUI = config.ui == .swiftUI
        let q = config.quirks
        // [A-appnotes] DOC: posted "shortly before" the delegate; [OR49817144]: after, on iOS 12.
        willEnterForegroundOrder = q.willEnterForegroundNotificationOrder ?? .beforeDelegate
        // [FL-engine]'s comment, LOG: the notification follows the delegate in the same turn.
        sceneNotificationOrder = q.sceneNotificationOrder ?? .afterDelegate
        // [BATCH-life] (LOG): iOS 14 posts it after the scene activated, iOS 13 before.
        appForegroundInScene =
            q.appForegroundNotificationInScene
            ?? (version >= .known(14, 0) ? .afterSceneActivation : .beforeSceneActivation)
        scenePhaseAfterNotifications = q.scenePhaseAfterNotifications ?? true
        implicitSceneNotifications =
            !usesScenes && version >= .known(13, 0) ? q.sceneNotificationsInSceneless ?? .warmOnly : nil
        keyWindowPerScene = version >= .known(15, 0)
    }
}

extension Profile {
    /// The observer quirks that apply to the session, reported only when it has
    /// observers (or, for the Notification Center pull, when the config sets it), so
    /// that sessions without observers answer byte for byte as before.
    func reportObserverQuirks(into quirks: inout Quirks) {
        if observers != nil || notificationCenterPullReactivates {
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
