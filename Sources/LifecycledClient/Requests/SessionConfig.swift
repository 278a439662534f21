/// A session config: the simulated app (openapi.yaml `SessionConfigInput` when sent,
/// `SessionConfig` when the server reports it resolved).
///
/// Every field is optional: what you leave out takes the server's default (`{}` is a
/// scene-based iOS 17 iPhone app), and an absent field is not sent. A config the
/// server reports has every field set, and sending it back creates the same app.
public struct SessionConfig: Codable, Hashable, Sendable {
    /// `app` (app delegate only) or `scene`; the default is `scene` from iOS 13, else `app`.
    public var lifecycle: Lifecycle?
    /// The iOS version, e.g. `"17.0"` (default `"17.0"`).
    public var iosVersion: String?
    /// `iphone` (the default) or `ipad`.
    public var device: Device?
    /// The app opts in to state preservation and restoration.
    public var stateRestoration: Bool?
    /// The app sets a `UNUserNotificationCenter` delegate before launch finishes.
    public var notificationCenterDelegate: Bool?
    /// `UIBackgroundModes`: `fetch`, `remote-notification`, `location`, `audio`, `processing`.
    public var backgroundModes: [String]?
    /// `UIApplicationSupportsMultipleScenes` (scene-based apps; several windows need an iPad).
    public var supportsMultipleScenes: Bool?
    /// The root view controller's name (default `root`).
    public var rootViewController: String?
    /// `uikit` (the default) or `swiftui` (iOS 14 and later, scene-based).
    public var ui: UIFramework?
    /// A tab bar controller as the root, one tab a name (not with `rootViewController`).
    public var tabs: [String]?
    /// The named choices where the sources disagree, e.g. `["protectedDataDelay": 2.5]`;
    /// openapi.yaml's `QuirksInput` lists them.
    public var quirks: JSONValue?
    /// The SDK the app was built with (`"26.x"` or `"27.x"`).
    public var sdkVersion: String?
    /// The permitted BGTaskScheduler identifiers (iOS 13 and later).
    public var backgroundTasks: [PermittedBackgroundTask]?
    /// The app registers for remote notifications at every launch.
    public var registersForRemoteNotifications: Bool?
    /// Observer channels whose items join the callbacks (`notifications`,
    /// `reactNative`, `flutter`, `capacitor`, `cordova`, `maui`, `composeMultiplatform`);
    /// nil (the default) sends nothing. `Callback.channel` tells their items apart.
    public var observers: [String]?
    /// Per-channel options, e.g. `["flutter": ["framework": "before3.13"]]` (openapi.yaml's
    /// `ObserverOptions`).
    public var observerOptions: JSONValue?

    /// A config; every argument left out takes the server's default.
    public init(
        lifecycle: Lifecycle? = nil, iosVersion: String? = nil, device: Device? = nil,
        stateRestoration: Bool? = nil, notificationCenterDelegate: Bool? = nil,
        backgroundModes: [String]? = nil, supportsMultipleScenes: Bool? = nil,
        rootViewController: String? = nil, ui: UIFramework? = nil, tabs: [String]? = nil,
        quirks: JSONValue? = nil, sdkVersion: String? = nil,
        backgroundTasks: [PermittedBackgroundTask]? = nil,
        registersForRemoteNotifications: Bool? = nil, observers: [String]? = nil, observerOptions: JSONValue? = nil
    ) {
        self.lifecycle = lifecycle
        self.iosVersion = iosVersion
        self.device = device
        self.stateRestoration = stateRestoration
        self.notificationCenterDelegate = notificationCenterDelegate
        self.backgroundModes = backgroundModes
        self.supportsMultipleScenes = supportsMultipleScenes
        self.rootViewController = rootViewController
        self.ui = ui
        self.tabs = tabs
        self.quirks = quirks
        self.sdkVersion = sdkVersion
        self.backgroundTasks = backgroundTasks
        self.registersForRemoteNotifications = registersForRemoteNotifications
        self.observers = observers
        self.observerOptions = observerOptions
    }
}

/// A `BGTaskSchedulerPermittedIdentifiers` entry and its kind (`appRefresh` or `processing`).
public struct PermittedBackgroundTask: Codable, Hashable, Sendable {
    public var identifier: String
    public var kind: String

    public init(identifier: String, kind: String) {
        self.identifier = identifier
        self.kind = kind
    }
}
