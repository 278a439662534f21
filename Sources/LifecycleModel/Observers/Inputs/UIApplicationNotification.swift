/// A notification `UIApplication` posts to `NotificationCenter.default`: the
/// app-level life-cycle ones, the memory warning, protected data, the significant
/// time change and the Background App Refresh switch ([A-appnotes], [A-mem], DOC).
///
/// The raw value is the Swift spelling with its type, as an observer writes it
/// (`UIApplication.didBecomeActiveNotification`); `objectiveCName` is the constant an
/// Objective-C or C# bridge names (`UIApplicationDidBecomeActiveNotification`).
public enum UIApplicationNotification: String, Sendable, CaseIterable {
    case didFinishLaunching = "UIApplication.didFinishLaunchingNotification"
    case willEnterForeground = "UIApplication.willEnterForegroundNotification"
    case didBecomeActive = "UIApplication.didBecomeActiveNotification"
    case willResignActive = "UIApplication.willResignActiveNotification"
    case didEnterBackground = "UIApplication.didEnterBackgroundNotification"
    case willTerminate = "UIApplication.willTerminateNotification"
    case didReceiveMemoryWarning = "UIApplication.didReceiveMemoryWarningNotification"
    case protectedDataWillBecomeUnavailable = "UIApplication.protectedDataWillBecomeUnavailableNotification"
    case protectedDataDidBecomeAvailable = "UIApplication.protectedDataDidBecomeAvailableNotification"
    case significantTimeChange = "UIApplication.significantTimeChangeNotification"
    case backgroundRefreshStatusDidChange = "UIApplication.backgroundRefreshStatusDidChangeNotification"

    /// The Swift name with its type, e.g. `UIApplication.didBecomeActiveNotification`.
    public var swiftName: String { rawValue }

    /// The Objective-C constant. The two protected-data names have no `Notification`
    /// suffix in UIKit's headers.
    public var objectiveCName: String {
        switch self {
        case .didFinishLaunching: "UIApplicationDidFinishLaunchingNotification"
        case .willEnterForeground: "UIApplicationWillEnterForegroundNotification"
        case .didBecomeActive: "UIApplicationDidBecomeActiveNotification"
        case .willResignActive: "UIApplicationWillResignActiveNotification"
        case .didEnterBackground: "UIApplicationDidEnterBackgroundNotification"
        case .willTerminate: "UIApplicationWillTerminateNotification"
        case .didReceiveMemoryWarning: "UIApplicationDidReceiveMemoryWarningNotification"
        case .protectedDataWillBecomeUnavailable: "UIApplicationProtectedDataWillBecomeUnavailable"
        case .protectedDataDidBecomeAvailable: "UIApplicationProtectedDataDidBecomeAvailable"
        case .significantTimeChange: "UIApplicationSignificantTimeChangeNotification"
        case .backgroundRefreshStatusDidChange: "UIApplicationBackgroundRefreshStatusDidChangeNotification"
        }
    }
}
