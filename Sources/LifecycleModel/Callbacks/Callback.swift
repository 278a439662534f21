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
public enum Receiver: Sendable, Hashable {
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
    /// What an observer channel reports (config `observers`, issue #20;
    /// docs/observers.md): `NotificationCenter.default` for `notifications` (a
    /// UIApplication, UIScene or UIWindow notification), the framework for a lens.
    case observer(ObserverChannel)
}

extension Receiver: RawRepresentable, CaseIterable {
    /// Every receiver: the app's own, then each observer channel's.
    public static let allCases: [Receiver] =
        [
            .appDelegate, .sceneDelegate, .viewController, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .app, .appDelegateAdaptor, .scene, .view, .tabBarControllerDelegate, .bgTask,
            .urlSessionDelegate,
        ] + ObserverChannel.allCases.map(Receiver.observer)

    /// The wire's name: the case's, `notificationCenter` for the notifications, the
    /// channel's name for a lens.
    public var rawValue: String {
        switch self {
        case .appDelegate: "appDelegate"
        case .sceneDelegate: "sceneDelegate"
        case .viewController: "viewController"
        case .notificationCenterDelegate: "notificationCenterDelegate"
        case .locationManagerDelegate: "locationManagerDelegate"
        case .backgroundTask: "backgroundTask"
        case .app: "app"
        case .appDelegateAdaptor: "appDelegateAdaptor"
        case .scene: "scene"
        case .view: "view"
        case .tabBarControllerDelegate: "tabBarControllerDelegate"
        case .bgTask: "bgTask"
        case .urlSessionDelegate: "urlSessionDelegate"
        case .observer(.notifications): "notificationCenter"
        case .observer(let channel): channel.rawValue
        }
    }

    public init?(rawValue: String) {
        guard let found = Self.byName[rawValue] else { return nil }
        self = found
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Its place in `allCases` (`CallbackMethodTests.enumIndicesFollowAllCases` holds
    /// the numbers to it).
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
        case .observer(let channel): 13 + channel.ordinal
        }
    }

    // Equal and hashed by case, not through `rawValue`: as `RawRepresentable`, the
    // receiver would otherwise be compared by spelling both names out.
    public static func == (a: Receiver, b: Receiver) -> Bool { a.index == b.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    /// The receivers of observer channels' items (they observe the life cycle; no
    /// UIKit callback of the app's own).
    public var isObserver: Bool {
        switch self {
        case .observer: true
        case .appDelegate, .sceneDelegate, .viewController, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .app, .appDelegateAdaptor, .scene, .view, .tabBarControllerDelegate, .bgTask,
            .urlSessionDelegate:
            false
        }
    }
}
