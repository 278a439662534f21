/// How the simulated app is built and where it runs: the session config of the contract.
///
/// Every field has a default, so `SessionConfig()` is what `{}` asks for.
public struct SessionConfig: Sendable, Equatable {
    public var lifecycle: LifecycleKind
    public var iosVersion: IOSVersion
    public var device: Device
    /// The app opts in to state preservation and restoration (facts §6).
    public var stateRestoration: Bool
    /// The app sets a `UNUserNotificationCenter` delegate before launch finishes (iOS 10+).
    public var notificationCenterDelegate: Bool
    public var backgroundModes: Set<BackgroundMode>
    /// `UIApplicationSupportsMultipleScenes` (scene apps only).
    public var supportsMultipleScenes: Bool
    /// Name of each window's root view controller.
    public var rootViewController: String
    /// The named choices of facts §8; unset ones take their documented default.
    public var quirks: Quirks
    /// UIKit or the SwiftUI `App` life cycle (breadth §7; `UIFramework.swift`).
    public var ui: UIFramework
    /// A `UITabBarController` at each window's root with these tabs' root view
    /// controllers, instead of `rootViewController` (breadth §6; nil: no tab bar).
    public var tabs: [String]?

    // MARK: Background work and the iOS 27 SDK (contract v1.1)

    /// The SDK the app was built with; nil: the same as `iosVersion` (contract v1.1).
    public var sdkVersion: IOSVersion? = nil
    /// `BGTaskSchedulerPermittedIdentifiers` with their kinds, registered while the app
    /// launches (iOS 13+; breadth §1.1).
    public var backgroundTasks: [PermittedBackgroundTask] = []
    /// The app calls `registerForRemoteNotifications()` in didFinishLaunching, as it
    /// should on every launch (breadth §4.2).
    public var registersForRemoteNotifications = false

    // MARK: Observer channels (issue #20; Observers/)

    /// The NotificationCenter observers and framework lenses whose items join the
    /// callbacks, in the order given (each channel once: a repeat is ignored); empty
    /// (the default): none, and every answer is what it was without them.
    public var observers: [ObserverChannel] = []
    /// The lenses' version-dependent behaviour; unset: their current releases.
    public var observerOptions = ObserverOptions()

    /// The default iOS version of the contract.
    public static let defaultVersion = IOSVersion.known(17, 0)

    public init(
        lifecycle: LifecycleKind? = nil,
        iosVersion: IOSVersion = SessionConfig.defaultVersion,
        device: Device = .iphone,
        stateRestoration: Bool = false,
        notificationCenterDelegate: Bool = false,
        backgroundModes: Set<BackgroundMode> = [],
        supportsMultipleScenes: Bool = false,
        rootViewController: String = "root",
        quirks: Quirks = Quirks(),
        ui: UIFramework = .uikit,
        tabs: [String]? = nil
    ) {
        // contract: `scene` when iosVersion ≥ 13, else `app`.
        self.lifecycle = lifecycle ?? (iosVersion >= .known(13, 0) ? .scene : .app)
        self.iosVersion = iosVersion
        self.device = device
        self.stateRestoration = stateRestoration
        self.notificationCenterDelegate = notificationCenterDelegate
        self.backgroundModes = backgroundModes
        self.supportsMultipleScenes = supportsMultipleScenes
        self.rootViewController = rootViewController
        self.quirks = quirks
        self.ui = ui
        self.tabs = tabs
    }
}

/// Which delegate protocol drives the life cycle.
public enum LifecycleKind: String, Sendable, CaseIterable {
    /// `UIApplicationDelegate` only (iOS 12 and earlier, or apps without scenes).
    case app
    /// `UIScene`-based, iOS 13 and later.
    case scene
}

public enum Device: String, Sendable, CaseIterable {
    case iphone
    case ipad
}

/// `UIBackgroundModes` entries the model knows.
public enum BackgroundMode: String, Sendable, CaseIterable, Comparable {
    case fetch
    case remoteNotification = "remote-notification"
    case location
    case audio
    case processing

    public static func < (a: BackgroundMode, b: BackgroundMode) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}
