/// `UIApplicationDelegate` method names, as Apple's documentation writes them.
enum AppDelegateMethod {
    static let willChangeStatusBarFrame = "application(_:willChangeStatusBarFrame:)"
    static let didChangeStatusBarFrame = "application(_:didChangeStatusBarFrame:)"
    static let supportedInterfaceOrientations = "application(_:supportedInterfaceOrientationsFor:)"
    static let willFinishLaunching = "application(_:willFinishLaunchingWithOptions:)"
    static let didFinishLaunching = "application(_:didFinishLaunchingWithOptions:)"
    static let didBecomeActive = "applicationDidBecomeActive(_:)"
    static let willResignActive = "applicationWillResignActive(_:)"
    static let didEnterBackground = "applicationDidEnterBackground(_:)"
    static let willEnterForeground = "applicationWillEnterForeground(_:)"
    static let willTerminate = "applicationWillTerminate(_:)"
    static let openURL = "application(_:open:options:)"
    static let willContinueUserActivity = "application(_:willContinueUserActivityWithType:)"
    static let continueUserActivity = "application(_:continue:restorationHandler:)"
    static let didReceiveRemoteNotification = "application(_:didReceiveRemoteNotification:fetchCompletionHandler:)"
    static let performFetch = "application(_:performFetchWithCompletionHandler:)"
    static let performAction = "application(_:performActionFor:completionHandler:)"
    static let didReceiveMemoryWarning = "applicationDidReceiveMemoryWarning(_:)"
    static let protectedDataWillBecomeUnavailable = "applicationProtectedDataWillBecomeUnavailable(_:)"
    static let protectedDataDidBecomeAvailable = "applicationProtectedDataDidBecomeAvailable(_:)"
    static let configurationForConnecting = "application(_:configurationForConnecting:options:)"
    static let didDiscardSceneSessions = "application(_:didDiscardSceneSessions:)"
}

/// `UISceneDelegate` / `UIWindowSceneDelegate` method names.
enum SceneDelegateMethod {
    static let willConnect = "scene(_:willConnectTo:options:)"
    static let didDisconnect = "sceneDidDisconnect(_:)"
    static let willEnterForeground = "sceneWillEnterForeground(_:)"
    static let didBecomeActive = "sceneDidBecomeActive(_:)"
    static let willResignActive = "sceneWillResignActive(_:)"
    static let didEnterBackground = "sceneDidEnterBackground(_:)"
    static let openURLContexts = "scene(_:openURLContexts:)"
    static let willContinueUserActivity = "scene(_:willContinueUserActivityWithType:)"
    static let continueUserActivity = "scene(_:continue:)"
    static let performAction = "windowScene(_:performActionFor:completionHandler:)"
    static let stateRestorationActivity = "stateRestorationActivity(for:)"
}

/// `UNUserNotificationCenterDelegate` method names.
enum NotificationCenterDelegateMethod {
    static let didReceive = "userNotificationCenter(_:didReceive:withCompletionHandler:)"
    static let willPresent = "userNotificationCenter(_:willPresent:withCompletionHandler:)"
}

/// `CLLocationManagerDelegate`: location events reach the app's location manager.
enum LocationManagerDelegateMethod {
    static let didUpdateLocations = "locationManager(_:didUpdateLocations:)"
}

/// The closure passed to `beginBackgroundTask(withName:expirationHandler:)`.
enum BackgroundTaskMethod {
    static let expirationHandler = "expirationHandler"
}

/// `UIViewController` method names ([A-vc]).
enum ViewControllerMethod {
    static let loadView = "loadView()"
    static let viewDidLoad = "viewDidLoad()"
    static let viewIsAppearing = "viewIsAppearing(_:)"
    static let viewWillLayoutSubviews = "viewWillLayoutSubviews()"
    static let viewDidLayoutSubviews = "viewDidLayoutSubviews()"
    static let didReceiveMemoryWarning = "didReceiveMemoryWarning()"
}
