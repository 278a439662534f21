/// The app-delegate methods of background URL sessions and push registration
/// (breadth §2.1, §4.1; still current on iOS 26, breadth §9.2).
extension AppDelegateMethod {
    static let handleEventsForBackgroundURLSession =
        "application(_:handleEventsForBackgroundURLSession:completionHandler:)"
    static let didRegisterForRemoteNotifications = "application(_:didRegisterForRemoteNotificationsWithDeviceToken:)"
}

/// What a BGTaskScheduler task records (breadth §1): the closures the app gave and
/// its completion call.
enum BGTaskMethod {
    /// The closure registered with `register(forTaskWithIdentifier:using:launchHandler:)`.
    static let launchHandler = "launchHandler"
    /// The task's `expirationHandler` closure.
    static let expirationHandler = "expirationHandler"
    /// The app's call marking the task done; the scheduler logs it with its flag
    /// (breadth §1.6), so the log shows where the handler's work ended.
    static let setTaskCompleted = "setTaskCompleted(success:)"
}

/// `URLSessionDelegate` / `URLSessionDownloadDelegate` methods (breadth §2.3).
enum URLSessionDelegateMethod {
    static let didFinishDownloading = "urlSession(_:downloadTask:didFinishDownloadingTo:)"
    static let didComplete = "urlSession(_:task:didCompleteWithError:)"
    static let didFinishEvents = "urlSessionDidFinishEvents(forBackgroundURLSession:)"
}

/// `UIViewController` state-restoration methods (facts §9.1, breadth §8).
extension ViewControllerMethod {
    static let decodeRestorableState = "decodeRestorableState(with:)"
    static let encodeRestorableState = "encodeRestorableState(with:)"
}
