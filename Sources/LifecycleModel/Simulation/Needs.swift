/// What a refused action needs, in words (the `needs` of a 409): every refusal text
/// of the model, in one place, so the same condition reads the same in every path.
enum Needs {
    static let sceneBasedSession = "a scene-based session (config lifecycle \"scene\", iOS 13 or later)"
    static let unlocked = "the device unlocked (send unlock first)"
    static let deviceUnlocked = "the device unlocked"
    static let deviceLocked = "the device locked (lock)"
    static let notInForeground =
        "the app not in the foreground (notRunning, background or suspended): the user starts it from the home screen"
    static let delegateToPresent =
        "a notification-center delegate to present the notification while the app is active (config notificationCenterDelegate), or the app not active"
    static let interruptionToEnd =
        "the app not in the foreground; while an interruption covers it, end the interruption (interruptionEnded)"
    static let inForeground = "the app in the foreground (active, or inactive under an interruption)"
    static let unlockedSwitcher =
        "the device unlocked: the user swipes apps away in the app switcher (send unlock first, or terminate by system)"
    static let activeInForeground = "the app active in the foreground"
    static let interruptionInProgress = "an interruption in progress (interruptionBegan)"
    static let notInForegroundToFetch = "the app not in the foreground (the system fetches for background apps)"
    static let notForceQuit =
        "the app not force-quit by the user: the system does not relaunch it in the background until the user opens it"
    static let runningTask = "a running background task (none is running)"
    static let multipleScenes =
        "an iPad app with supportsMultipleScenes (UIApplicationSupportsMultipleScenes): without it the app has one scene"
    static let fewerScenes =
        "fewer than \(SceneSessions.maximum) scene sessions (the model holds at most \(SceneSessions.maximum) an app): close one first (closeScene)"
    static let multipleScenesToClose =
        "an iPad app with supportsMultipleScenes; on iPhone, swiping the app away is terminate by user"
    static let noInterruptionCovering = "no interruption covering the app (interruptionEnded first)"
    static let noInterruption = "no interruption in progress (interruptionEnded first)"
    static let sceneInBackground = "a scene in the background or suspended"
    static let appOnScreen = "the app on screen (active or inactive)"
    static let appWindow = "the app's window (launch first)"
    static let sceneWithWindow = "a connected scene with a window"
    static let activeToSwipe = "the app active (the user swipes)"
    static let pushedToSwipeBack = "a pushed view controller to swipe back from"
    static let presentedToDismiss = "a presented view controller to dismiss (none is presented)"

    /// moveTo: the search's own words on why the target is out of reach.
    static func reachableTarget(_ why: String) -> String { "a target plain actions can reach: \(why)" }

    static func backgroundMode(_ mode: BackgroundMode) -> String {
        "backgroundModes to include \"\(mode.rawValue)\" (UIBackgroundModes)"
    }

    static func codeRunning(_ app: AppState) -> String {
        "the app's code running (active, inactive or background), not \(app.rawValue)"
    }

    static func runningTaskId(_ running: [Int]) -> String {
        "the id of a running background task: \(running.map(String.init).joined(separator: ", "))"
    }

    static func sceneNotActive(_ id: String) -> String {
        "a scene that is not already active (\(id) is foregroundActive)"
    }

    static func sceneInBackground(_ scene: SceneSnapshot) -> String {
        "a scene in the background or suspended (\(scene.id) is \(scene.state.rawValue))"
    }

    /// A named scene that does not exist, or no scene at all.
    static func scene(_ id: String?, among scenes: [SceneSnapshot]) -> String {
        let ids = scenes.map(\.id)
        if let id {
            return
                "an existing sceneId (not \"\(id)\"): \(ids.isEmpty ? "there are none" : ids.joined(separator: ", "))"
        }
        return "a scene session (there is none: launch or openScene first)"
    }

    /// No stage on screen to navigate in: the app, or the (named) scene.
    static func onScreen(sceneId: String?, perScene: Bool) -> String {
        guard perScene else { return appOnScreen }
        return sceneId.map { "an existing scene on screen (not \"\($0)\")" } ?? "a scene on screen (launch first)"
    }

    static func sceneOnScreen(_ scene: SceneSnapshot) -> String {
        "the scene \(scene.id) on screen (it is \(scene.state.rawValue))"
    }

    static func pushedToPop(root: String) -> String {
        "a pushed view controller to pop (the navigation stack holds only \(root))"
    }
}
