import Foundation

/// A UIKit notification of lifecycled's `notifications` channel: its wire spelling (the
/// callback's `method`, Apple's Swift name `UIApplication.didBecomeActiveNotification`)
/// and the name UIKit posts it under (`UIApplicationDidBecomeActiveNotification`, the
/// Objective-C constant's name).
///
/// `name` is `Notification.Name(constantName)`. UIKit's notification names are these
/// strings, which is why SDKs that must build without UIKit (or avoid importing it)
/// observe `Notification.Name("UIApplicationDidBecomeActiveNotification")` and still hear
/// UIKit's posts on a device ([SDK-names]). So the replay posts the same names on
/// Linux, on a Mac, and in a test built for iOS, where an observer registered with
/// `UIApplication.didBecomeActiveNotification` hears it.
public enum UIKitNotification: String, CaseIterable, Sendable {
    case applicationDidFinishLaunching = "UIApplication.didFinishLaunchingNotification"
    case applicationWillEnterForeground = "UIApplication.willEnterForegroundNotification"
    case applicationDidBecomeActive = "UIApplication.didBecomeActiveNotification"
    case applicationWillResignActive = "UIApplication.willResignActiveNotification"
    case applicationDidEnterBackground = "UIApplication.didEnterBackgroundNotification"
    case applicationWillTerminate = "UIApplication.willTerminateNotification"
    case applicationDidReceiveMemoryWarning = "UIApplication.didReceiveMemoryWarningNotification"
    case applicationProtectedDataWillBecomeUnavailable = "UIApplication.protectedDataWillBecomeUnavailableNotification"
    case applicationProtectedDataDidBecomeAvailable = "UIApplication.protectedDataDidBecomeAvailableNotification"
    case applicationSignificantTimeChange = "UIApplication.significantTimeChangeNotification"
    case applicationBackgroundRefreshStatusDidChange = "UIApplication.backgroundRefreshStatusDidChangeNotification"
    case sceneWillConnect = "UIScene.willConnectNotification"
    case sceneWillEnterForeground = "UIScene.willEnterForegroundNotification"
    case sceneDidActivate = "UIScene.didActivateNotification"
    case sceneWillDeactivate = "UIScene.willDeactivateNotification"
    case sceneDidEnterBackground = "UIScene.didEnterBackgroundNotification"
    case sceneDidDisconnect = "UIScene.didDisconnectNotification"
    case windowDidBecomeKey = "UIWindow.didBecomeKeyNotification"
    case windowDidResignKey = "UIWindow.didResignKeyNotification"

    /// The Objective-C constant's name, which UIKit posts: the type and the member with a
    /// capital, `UIApplication` + `DidBecomeActiveNotification`, except the two
    /// protected-data names, whose constants have no `Notification` suffix.
    public var constantName: String {
        switch self {
        case .applicationProtectedDataWillBecomeUnavailable: return "UIApplicationProtectedDataWillBecomeUnavailable"
        case .applicationProtectedDataDidBecomeAvailable: return "UIApplicationProtectedDataDidBecomeAvailable"
        default:
            let parts = rawValue.split(separator: ".", maxSplits: 1)
            let member = parts[1]
            return parts[0] + member.prefix(1).uppercased() + member.dropFirst()
        }
    }

    /// The name to observe and post: `Notification.Name(constantName)`.
    public var name: Notification.Name { Notification.Name(constantName) }

    /// Which object UIKit posts it with.
    public var objectKind: ObjectKind {
        switch rawValue.prefix(while: { $0 != "." }) {
        case "UIScene": .scene
        case "UIWindow": .window
        default: .application
        }
    }

    /// The object a notification carries: the app, a scene or a window.
    public enum ObjectKind: Sendable {
        case application, scene, window
    }
}

extension Notification.Name {
    /// UIKit's notification names as lifecycled posts them (`UIKitNotification.name`), for an
    /// observer written without UIKit: `center.addObserver(forName: .uiKit(.applicationDidBecomeActive), …)`.
    public static func uiKit(_ notification: UIKitNotification) -> Notification.Name { notification.name }
}
