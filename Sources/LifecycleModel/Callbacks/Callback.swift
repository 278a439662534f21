/// One UIKit callback the simulated app receives.
public struct Callback: Sendable, Equatable {
    /// Who receives it, with what identifies the receiver (scene, controller name).
    public var target: CallbackTarget
    /// The method, e.g. `.appDelegate(.didBecomeActive)`; the wire writes its Swift name.
    public var method: CallbackMethod
    /// `UIApplication.applicationState` while the method runs.
    public var appState: AppState
    /// The arguments that matter, as the model keeps them (typed for observer items).
    public var arguments: CallbackArguments
    /// The arguments that matter, as a JSON object; nil when none do.
    public var args: JSONValue? {
        get { arguments.json }
        set { arguments = CallbackArguments(newValue) }
    }

    public init(_ target: CallbackTarget, method: CallbackMethod, appState: AppState, args: JSONValue? = nil) {
        self.init(target, method: method, appState: appState, arguments: CallbackArguments(args))
    }

    public init(_ target: CallbackTarget, method: CallbackMethod, appState: AppState, arguments: CallbackArguments) {
        self.target = target
        self.method = method
        self.appState = appState
        self.arguments = arguments
    }

    /// Who receives it (the wire's `receiver`).
    public var receiver: Receiver { target.receiver }
    /// For scene callbacks and controllers in a scene: which scene (the wire's `sceneId`).
    public var sceneId: String? { target.sceneId }
    /// …and its activation state while the method runs (the wire's `sceneState`).
    public var sceneState: SceneState? { target.sceneState }
    /// For view-controller and SwiftUI view callbacks: the controller's name.
    public var viewController: String? { target.name }
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

extension Receiver {
    /// The receiver's place in `allCases`, for tables indexed by receiver.
    public var index: Int {
        switch self {
        case .appDelegate: 0
        case .sceneDelegate: 1
        case .viewController: 2
        case .notificationCenterDelegate: 3
        case .locationManagerDelegate: 4
        case .backgroundTask: 5
        case .app: 6
        case .appDelegateAdaptor: 7
        case .scene: 8
        case .view: 9
        case .tabBarControllerDelegate: 10
        case .bgTask: 11
        case .urlSessionDelegate: 12
        case .notificationCenter: 13
        case .reactNative: 14
        case .flutter: 15
        case .capacitor: 16
        case .cordova: 17
        case .maui: 18
        case .composeMultiplatform: 19
        }
    }
}
