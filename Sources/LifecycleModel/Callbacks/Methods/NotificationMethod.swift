/// A notification posted to `NotificationCenter.default` that an observer channel
/// reports (issue #20; [A-appnotes], [A-keywin], DOC): the UIApplication, UIScene and
/// UIWindow families of `Observers/Inputs/`.
///
/// `name` is the Swift spelling with its type (the wire's `method`); notifications
/// have no selector, so `objectiveCName` gives the constant an Objective-C log names.
public enum NotificationMethod: Sendable, Hashable {
    case application(UIApplicationNotification)
    case scene(UISceneNotification)
    case window(UIWindowNotification)

    /// The Swift name with its type, e.g. `UIApplication.didBecomeActiveNotification`.
    public var name: String {
        switch self {
        case .application(let n): n.swiftName
        case .scene(let n): n.swiftName
        case .window(let n): n.swiftName
        }
    }

    /// The Objective-C constant, e.g. `UIApplicationDidBecomeActiveNotification`.
    public var objectiveCName: String {
        switch self {
        case .application(let n): n.objectiveCName
        case .scene(let n): n.objectiveCName
        case .window(let n): n.objectiveCName
        }
    }

    /// Notifications have no selector (observers name them by constant).
    public var selector: String? { nil }

    /// The notification's place in `allCases` (UIApplication, then UIScene, then UIWindow).
    public var rawValue: Int {
        switch self {
        case .application(let n): n.position
        case .scene(let n): UIApplicationNotification.allCases.count + n.position
        case .window(let n):
            UIApplicationNotification.allCases.count + UISceneNotification.allCases.count + n.position
        }
    }

    /// Every notification, in `rawValue` order.
    public static let allCases: [NotificationMethod] =
        UIApplicationNotification.allCases.map(Self.application) + UISceneNotification.allCases.map(Self.scene)
        + UIWindowNotification.allCases.map(Self.window)

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { SwiftUIMethod.base + SwiftUIMethod.allCases.count }

    /// How many there are (`allCases.count`, from the cases themselves).
    static var count: Int {
        UIApplicationNotification.allCases.count + UISceneNotification.allCases.count
            + UIWindowNotification.allCases.count
    }
}

extension UIApplicationNotification {
    /// The case's place in `allCases`.
    var position: Int {
        switch self {
        case .didFinishLaunching: 0
        case .willEnterForeground: 1
        case .didBecomeActive: 2
        case .willResignActive: 3
        case .didEnterBackground: 4
        case .willTerminate: 5
        case .didReceiveMemoryWarning: 6
        case .protectedDataWillBecomeUnavailable: 7
        case .protectedDataDidBecomeAvailable: 8
        case .significantTimeChange: 9
        case .backgroundRefreshStatusDidChange: 10
        }
    }
}

extension UISceneNotification {
    /// The case's place in `allCases`.
    var position: Int {
        switch self {
        case .willConnect: 0
        case .willEnterForeground: 1
        case .didActivate: 2
        case .willDeactivate: 3
        case .didEnterBackground: 4
        case .didDisconnect: 5
        }
    }
}

extension UIWindowNotification {
    /// The case's place in `allCases`.
    var position: Int {
        switch self {
        case .didBecomeKey: 0
        case .didResignKey: 1
        }
    }
}
