/// `UIApplicationDelegate` methods (S1, DOC; breadth §2.1, §4.1 for background URL sessions and push registration; facts §3, §6 for state preservation).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum AppDelegateMethod: Int, Sendable, CaseIterable {
    case willChangeStatusBarFrame
    case didChangeStatusBarFrame
    case supportedInterfaceOrientations
    case willFinishLaunching
    case didFinishLaunching
    case didBecomeActive
    case willResignActive
    case didEnterBackground
    case willEnterForeground
    case willTerminate
    case openURL
    case willContinueUserActivity
    case continueUserActivity
    case didReceiveRemoteNotification
    case performFetch
    case performAction
    case didReceiveMemoryWarning
    case protectedDataWillBecomeUnavailable
    case protectedDataDidBecomeAvailable
    case configurationForConnecting
    case didDiscardSceneSessions
    case handleEventsForBackgroundURLSession
    case didRegisterForRemoteNotifications
    case shouldSaveApplicationState
    case shouldRestoreApplicationState
    case shouldSaveSecureApplicationState
    case shouldRestoreSecureApplicationState
    case willEncodeRestorableState
    case didDecodeRestorableState

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .willChangeStatusBarFrame: "application(_:willChangeStatusBarFrame:)"
        case .didChangeStatusBarFrame: "application(_:didChangeStatusBarFrame:)"
        case .supportedInterfaceOrientations: "application(_:supportedInterfaceOrientationsFor:)"
        case .willFinishLaunching: "application(_:willFinishLaunchingWithOptions:)"
        case .didFinishLaunching: "application(_:didFinishLaunchingWithOptions:)"
        case .didBecomeActive: "applicationDidBecomeActive(_:)"
        case .willResignActive: "applicationWillResignActive(_:)"
        case .didEnterBackground: "applicationDidEnterBackground(_:)"
        case .willEnterForeground: "applicationWillEnterForeground(_:)"
        case .willTerminate: "applicationWillTerminate(_:)"
        case .openURL: "application(_:open:options:)"
        case .willContinueUserActivity: "application(_:willContinueUserActivityWithType:)"
        case .continueUserActivity: "application(_:continue:restorationHandler:)"
        case .didReceiveRemoteNotification: "application(_:didReceiveRemoteNotification:fetchCompletionHandler:)"
        case .performFetch: "application(_:performFetchWithCompletionHandler:)"
        case .performAction: "application(_:performActionFor:completionHandler:)"
        case .didReceiveMemoryWarning: "applicationDidReceiveMemoryWarning(_:)"
        case .protectedDataWillBecomeUnavailable: "applicationProtectedDataWillBecomeUnavailable(_:)"
        case .protectedDataDidBecomeAvailable: "applicationProtectedDataDidBecomeAvailable(_:)"
        case .configurationForConnecting: "application(_:configurationForConnecting:options:)"
        case .didDiscardSceneSessions: "application(_:didDiscardSceneSessions:)"
        case .handleEventsForBackgroundURLSession:
            "application(_:handleEventsForBackgroundURLSession:completionHandler:)"
        case .didRegisterForRemoteNotifications: "application(_:didRegisterForRemoteNotificationsWithDeviceToken:)"
        case .shouldSaveApplicationState: "application(_:shouldSaveApplicationState:)"
        case .shouldRestoreApplicationState: "application(_:shouldRestoreApplicationState:)"
        case .shouldSaveSecureApplicationState: "application(_:shouldSaveSecureApplicationState:)"
        case .shouldRestoreSecureApplicationState: "application(_:shouldRestoreSecureApplicationState:)"
        case .willEncodeRestorableState: "application(_:willEncodeRestorableStateWith:)"
        case .didDecodeRestorableState: "application(_:didDecodeRestorableStateWith:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .willChangeStatusBarFrame: "application:willChangeStatusBarFrame:"
        case .didChangeStatusBarFrame: "application:didChangeStatusBarFrame:"
        case .supportedInterfaceOrientations: "application:supportedInterfaceOrientationsForWindow:"
        case .willFinishLaunching: "application:willFinishLaunchingWithOptions:"
        case .didFinishLaunching: "application:didFinishLaunchingWithOptions:"
        case .didBecomeActive: "applicationDidBecomeActive:"
        case .willResignActive: "applicationWillResignActive:"
        case .didEnterBackground: "applicationDidEnterBackground:"
        case .willEnterForeground: "applicationWillEnterForeground:"
        case .willTerminate: "applicationWillTerminate:"
        case .openURL: "application:openURL:options:"
        case .willContinueUserActivity: "application:willContinueUserActivityWithType:"
        case .continueUserActivity: "application:continueUserActivity:restorationHandler:"
        case .didReceiveRemoteNotification: "application:didReceiveRemoteNotification:fetchCompletionHandler:"
        case .performFetch: "application:performFetchWithCompletionHandler:"
        case .performAction: "application:performActionForShortcutItem:completionHandler:"
        case .didReceiveMemoryWarning: "applicationDidReceiveMemoryWarning:"
        case .protectedDataWillBecomeUnavailable: "applicationProtectedDataWillBecomeUnavailable:"
        case .protectedDataDidBecomeAvailable: "applicationProtectedDataDidBecomeAvailable:"
        case .configurationForConnecting: "application:configurationForConnectingSceneSession:options:"
        case .didDiscardSceneSessions: "application:didDiscardSceneSessions:"
        case .handleEventsForBackgroundURLSession: "application:handleEventsForBackgroundURLSession:completionHandler:"
        case .didRegisterForRemoteNotifications: "application:didRegisterForRemoteNotificationsWithDeviceToken:"
        case .shouldSaveApplicationState: "application:shouldSaveApplicationState:"
        case .shouldRestoreApplicationState: "application:shouldRestoreApplicationState:"
        case .shouldSaveSecureApplicationState: "application:shouldSaveSecureApplicationState:"
        case .shouldRestoreSecureApplicationState: "application:shouldRestoreSecureApplicationState:"
        case .willEncodeRestorableState: "application:willEncodeRestorableStateWithCoder:"
        case .didDecodeRestorableState: "application:didDecodeRestorableStateWithCoder:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { 0 }
}
