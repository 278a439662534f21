/// The 409 `needs` texts of BGTaskScheduler, background URL sessions and prewarming
/// (BGTaskScheduler, background URL sessions, prewarming, push registration), beside the others of `Needs`.
extension Needs {
    static let notInForegroundForBGTask =
        "the app not in the foreground (notRunning, background or suspended): the system runs BGTaskScheduler tasks for apps in the background"
    static let notInForegroundForURLSession =
        "the app not in the foreground (notRunning, background or suspended): a foreground app's background session delivers its events to the session delegate directly"
    static let notForceQuitTransfers =
        "the app not force-quit by the user: a force-quit cancels the session's background transfers and the system does not relaunch the app until the user opens it"
    static let deviceIdleForProcessing =
        "the device idle (locked): a BGProcessingTask runs only while the device is idle (send lock first)"
    static let processingTaskForDeviceUse =
        "a BGProcessingTask identifier for deviceUsedAfter: the system ends processing tasks when the user starts using the device; refresh tasks are not affected (leave deviceUsedAfter out)"
    static func deviceUsedWhileWorking(_ seconds: Double) -> String {
        "deviceUsedAfter below seconds (\(seconds)): the user starts using the device while the task works (leave it out for a task that finishes undisturbed)"
    }
    static func deviceUsedBeforeExpiry(_ expiry: Double) -> String {
        "deviceUsedAfter below \(Int(expiry)) s: at that point the task's own time has run out and its expiration handler has already run"
    }
    static let continuedTaskStartsInTheForeground =
        "a BGAppRefreshTask or BGProcessingTask identifier: the system never launches or wakes the app for a continued processing task, which starts in the foreground from the user's action (send startContinuedProcessingTask while the app is active)"
    static func continuedTaskVersion(_ version: IOSVersion) -> String {
        "config iosVersion 26.0 or later: BGContinuedProcessingTask is iOS 26+ (this session is iOS \(version))"
    }
    static let activeToStartContinuedTask =
        "the app active: a BGContinuedProcessingTask is submitted from the foreground, in response to the user's action (launch the app first)"
    static let noContinuedTaskRunning =
        "no continued processing task running: the model runs one at a time (cancel it, or advanceTime until it completes)"
    static let continuedTaskRunning =
        "a continued processing task running (send startContinuedProcessingTask while the app is active first)"
    static func continuedTask(_ identifier: String?, among tasks: [PermittedBackgroundTask]) -> String {
        let listed = tasks.filter { $0.kind == .continuedProcessing }.map { "\"\($0.identifier)\"" }
        guard !listed.isEmpty else {
            return
                "config backgroundTasks to list a continuedProcessing task (e.g. [{\"identifier\":\"com.example.export\",\"kind\":\"continuedProcessing\"}], iOS 26+): this app has none"
        }
        return
            "identifier to be one of the config's continuedProcessing tasks (not \"\(identifier ?? "")\"): \(listed.joined(separator: ", "))"
    }
    static let notRunningToPrewarm =
        "the app not running and not already prewarmed: the system prewarms a process that does not exist yet"
    static let fetchReplacedByBGTasks =
        "an app without backgroundTasks: from iOS 13 an app that lists BGTaskSchedulerPermittedIdentifiers never gets performFetch (send runBackgroundTask with an appRefresh identifier instead)"

    static func prewarmVersion(_ version: IOSVersion) -> String {
        "config iosVersion 15.0 or later: the system prewarms apps from iOS 15 (this session is iOS \(version))"
    }

    /// An identifier the config does not list, or no identifier at all.
    static func permittedTask(_ identifier: String?, among tasks: [PermittedBackgroundTask]) -> String {
        let listed = tasks.map { "\"\($0.identifier)\"" }.joined(separator: ", ")
        guard !tasks.isEmpty else {
            return
                "config backgroundTasks to list the task (e.g. [{\"identifier\":\"com.example.refresh\",\"kind\":\"appRefresh\"}]): this app permits none"
        }
        return "identifier to be one of the config's backgroundTasks (not \"\(identifier ?? "")\"): \(listed)"
    }

    static func backgroundMode(_ mode: BackgroundMode, for kind: BackgroundTaskKind) -> String {
        "backgroundModes to include \"\(mode.rawValue)\" (UIBackgroundModes) for a \(kind.rawValue) task"
    }
}
