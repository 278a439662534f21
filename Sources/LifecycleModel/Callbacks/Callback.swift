/// One UIKit callback the simulated app receives.
public struct Callback: Sendable, Equatable {
    public var receiver: Receiver
    /// The Swift method as Apple's documentation writes it, e.g. `applicationDidBecomeActive(_:)`.
    public var method: String
    /// `UIApplication.applicationState` while the method runs.
    public var appState: AppState
    /// The arguments that matter, as a JSON object; nil when none do.
    public var args: JSONValue?
    /// For scene callbacks: which scene, and its activation state while the method runs.
    public var sceneId: String?
    public var sceneState: SceneState?
    /// For view-controller callbacks: the controller's name.
    public var viewController: String?

    public init(
        receiver: Receiver, method: String, appState: AppState, args: JSONValue? = nil,
        sceneId: String? = nil, sceneState: SceneState? = nil, viewController: String? = nil
    ) {
        self.receiver = receiver
        self.method = method
        self.appState = appState
        self.args = args
        self.sceneId = sceneId
        self.sceneState = sceneState
        self.viewController = viewController
    }
}

/// Who receives a callback.
public enum Receiver: String, Sendable, CaseIterable {
    case appDelegate
    case sceneDelegate
    case viewController
    /// The app's `UNUserNotificationCenterDelegate`.
    case notificationCenterDelegate
    /// The app's `CLLocationManagerDelegate`.
    case locationManagerDelegate
    /// A background task's expiration handler (the closure given to `beginBackgroundTask`).
    case backgroundTask
    // SwiftUI App life cycle (`ui: "swiftui"`, breadth §7):
    /// The SwiftUI `App`: its `init` and its `onChange(of: scenePhase)` (the aggregate phase).
    case app
    /// The `@UIApplicationDelegateAdaptor`'s delegate: the app delegate calls SwiftUI forwards.
    case appDelegateAdaptor
    /// A scene's views and `Scene` body: `onChange(of: scenePhase)` for that scene.
    case scene
    /// A SwiftUI view (named in `viewController`): onAppear, onDisappear, onOpenURL, onContinueUserActivity.
    case view
    /// The app's `UITabBarControllerDelegate` (config `tabs`).
    case tabBarControllerDelegate
    /// A BGTaskScheduler task: its launch handler, its expiration handler, and the
    /// app's `setTaskCompleted(success:)` (breadth §1).
    case bgTask
    /// The delegate of a background `URLSession` (breadth §2).
    case urlSessionDelegate
    // Observer channels (config `observers`, issue #20; docs/observers.md):
    /// `NotificationCenter.default`: a UIApplication, UIScene or UIWindow notification.
    case notificationCenter
    /// React Native's `AppState`.
    case reactNative
    /// Flutter's `WidgetsBindingObserver` and `AppLifecycleListener`.
    case flutter
    /// Capacitor's App plugin.
    case capacitor
    /// Cordova's document events.
    case cordova
    /// .NET MAUI's `Window` events.
    case maui
    /// Compose Multiplatform's `LifecycleOwner`.
    case composeMultiplatform
}
