/// Every callback method the model makes, by family (one file each in `Methods/`): the
/// typed vocabulary under `Callback.method`. The wire keeps each method's Swift
/// spelling (`name`); `index` numbers the methods densely, for tables built once (the
/// service's pre-encoded names); `methods(named:)` reads a name back (log explanation).
///
/// A family is the protocol or API that declares its methods, not who hears them: the
/// app delegate's methods also reach a SwiftUI app's adaptor delegate. The observer
/// channels (issue #20) add two: the notifications and the framework lenses' events.
public enum CallbackMethod: Sendable, Hashable, CustomStringConvertible {
    case appDelegate(AppDelegateMethod)
    case sceneDelegate(SceneDelegateMethod)
    case viewController(ViewControllerMethod)
    case notificationCenterDelegate(NotificationCenterDelegateMethod)
    case locationManagerDelegate(LocationManagerDelegateMethod)
    case backgroundTask(BackgroundTaskMethod)
    case bgTask(BGTaskMethod)
    case urlSessionDelegate(URLSessionDelegateMethod)
    case tabBarControllerDelegate(TabBarDelegateMethod)
    case swiftUI(SwiftUIMethod)
    /// A `NotificationCenter` post an observer reads (channel `notifications`).
    case notification(NotificationMethod)
    /// A framework lens's event (channels `reactNative` … `composeMultiplatform`).
    case framework(FrameworkEvent)

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .appDelegate(let m): m.name
        case .sceneDelegate(let m): m.name
        case .viewController(let m): m.name
        case .notificationCenterDelegate(let m): m.name
        case .locationManagerDelegate(let m): m.name
        case .backgroundTask(let m): m.name
        case .bgTask(let m): m.name
        case .urlSessionDelegate(let m): m.name
        case .tabBarControllerDelegate(let m): m.name
        case .swiftUI(let m): m.name
        case .notification(let m): m.name
        case .framework(let m): m.name
        }
    }

    /// The name: a method reads in text (logs, test messages) as the wire spells it.
    public var description: String { name }

    /// The Objective-C selector; nil for closures and SwiftUI handlers.
    public var selector: String? {
        switch self {
        case .appDelegate(let m): m.selector
        case .sceneDelegate(let m): m.selector
        case .viewController(let m): m.selector
        case .notificationCenterDelegate(let m): m.selector
        case .locationManagerDelegate(let m): m.selector
        case .backgroundTask(let m): m.selector
        case .bgTask(let m): m.selector
        case .urlSessionDelegate(let m): m.selector
        case .tabBarControllerDelegate(let m): m.selector
        case .swiftUI(let m): m.selector
        case .notification(let m): m.selector
        case .framework(let m): m.selector
        }
    }

    /// The method's number, 0..<`count`, in `allCases` order.
    public var index: Int {
        switch self {
        case .appDelegate(let m): AppDelegateMethod.base + m.rawValue
        case .sceneDelegate(let m): SceneDelegateMethod.base + m.rawValue
        case .viewController(let m): ViewControllerMethod.base + m.rawValue
        case .notificationCenterDelegate(let m): NotificationCenterDelegateMethod.base + m.rawValue
        case .locationManagerDelegate(let m): LocationManagerDelegateMethod.base + m.rawValue
        case .backgroundTask(let m): BackgroundTaskMethod.base + m.rawValue
        case .bgTask(let m): BGTaskMethod.base + m.rawValue
        case .urlSessionDelegate(let m): URLSessionDelegateMethod.base + m.rawValue
        case .tabBarControllerDelegate(let m): TabBarDelegateMethod.base + m.rawValue
        case .swiftUI(let m): SwiftUIMethod.base + m.rawValue
        case .notification(let m): NotificationMethod.base + m.rawValue
        case .framework(let m): FrameworkEvent.base + m.index
        }
    }

    /// How many methods there are (the size of a table indexed by `index`).
    public static let count = FrameworkEvent.base + FrameworkEvent.allCases.count

    /// Every method, in `index` order.
    public static let allCases: [CallbackMethod] =
        AppDelegateMethod.allCases.map(CallbackMethod.appDelegate)
        + SceneDelegateMethod.allCases.map(CallbackMethod.sceneDelegate)
        + ViewControllerMethod.allCases.map(CallbackMethod.viewController)
        + NotificationCenterDelegateMethod.allCases.map(CallbackMethod.notificationCenterDelegate)
        + LocationManagerDelegateMethod.allCases.map(CallbackMethod.locationManagerDelegate)
        + BackgroundTaskMethod.allCases.map(CallbackMethod.backgroundTask)
        + BGTaskMethod.allCases.map(CallbackMethod.bgTask)
        + URLSessionDelegateMethod.allCases.map(CallbackMethod.urlSessionDelegate)
        + TabBarDelegateMethod.allCases.map(CallbackMethod.tabBarControllerDelegate)
        + SwiftUIMethod.allCases.map(CallbackMethod.swiftUI)
        + NotificationMethod.allCases.map(CallbackMethod.notification)
        + FrameworkEvent.allCases.map(CallbackMethod.framework)

    /// The methods spelled `name` (several families share a few closure names, such as
    /// `expirationHandler`); empty for a name the model never uses.
    public static func methods(named name: String) -> [CallbackMethod] {
        byName[name] ?? []
    }

    private static let byName: [String: [CallbackMethod]] = Dictionary(grouping: allCases, by: \.name)
}
