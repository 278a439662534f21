/// Something the user or the system does to the app (contract, "Action object").
public enum Action: Sendable, Equatable {
    /// The user taps the app icon: a cold launch, or a return to the foreground.
    case launch
    /// The user leaves the app for the home screen.
    case background
    /// A custom-scheme deep link opens the app.
    case openURL(url: String)
    /// A universal (https) link opens the app.
    case openUniversalLink(url: String)
    /// The user taps a remote notification; `payload` is the APNs JSON object.
    case tapNotification(payload: JSONValue)
    /// The process ends.
    case terminate(by: TerminationCause)
    /// Something covers the active app (an alert, a call, Control Center, …).
    case interruptionBegan(kind: InterruptionKind)
    /// The interruption goes away: back to the app, or the user went elsewhere.
    case interruptionEnded(outcome: InterruptionOutcome)
    /// The device is locked.
    case lock
    /// The device is unlocked.
    case unlock
    /// The system is low on memory.
    case memoryWarning
    /// A remote notification arrives, not tapped (`aps.content-available: 1` for a silent push).
    case receiveNotification(payload: JSONValue)
    /// The system grants a background fetch (launching or waking the app).
    case backgroundFetch
    /// A location update launches or wakes the app (`location` mode).
    case locationEvent
    /// The user picks a home-screen quick action.
    case quickAction(shortcutType: String)
    /// The app's code calls `beginBackgroundTask(withName:expirationHandler:)`.
    case beginBackgroundTask(name: String?)
    /// The app's code calls `endBackgroundTask(_:)` for a task id.
    case endBackgroundTask(id: Int)
    /// Virtual time passes: suspension, task expiry and other timed events happen.
    case advanceTime(seconds: Double)
    /// A new scene (window) is requested; `system` connects it in the background.
    case openScene(by: SceneRequester)
    /// The user brings a scene to the foreground (nil: the one seen last).
    case activateScene(sceneId: String?)
    /// The user closes a scene in the app switcher (disconnect, discard).
    case closeScene(sceneId: String?)
    /// UIKit reclaims a background or suspended scene.
    case disconnectScene(sceneId: String?)
    /// A navigation push of a new view controller (in the scene's window, if named).
    case push(name: String, sceneId: String?)
    /// Pop the top view controller.
    case pop(sceneId: String?)
    /// Modal presentation of a new view controller (nil style: the default, page sheet).
    case present(name: String, style: PresentationStyle?, sceneId: String?)
    /// Dismiss the top presentation.
    case dismiss(sceneId: String?)
    /// The user starts a swipe-back and cancels it.
    case cancelInteractivePop(sceneId: String?)
    /// The system launches or wakes the app for a BGTaskScheduler task; its handler
    /// works `seconds` before `setTaskCompleted` (nil identifier: the config's first).
    /// `deviceUsedAfter`: the user starts using the device that many seconds into a
    /// BGProcessingTask, which the system then ends.
    case runBackgroundTask(identifier: String?, seconds: Double, deviceUsedAfter: Double? = nil)
    /// The system launches or wakes the app for a background URL session's events.
    case backgroundURLSessionEvents(identifier: String)
    /// The system prewarms the app (iOS 15+); a later `launch` continues from there.
    case prewarm
    /// The user's action in the active app starts a `BGContinuedProcessingTask` (iOS
    /// 26+) that works `seconds` and goes on in the background (nil identifier: the
    /// config's first such task).
    case startContinuedProcessingTask(identifier: String?, seconds: Double)
    /// The user cancels the running continued processing task from its Live Activity.
    case cancelContinuedProcessingTask

    // UI (breadth §5–6)
    /// The device (or an iPad window) turns to an orientation.
    case rotate(orientation: InterfaceOrientation, sceneId: String?)
    /// The user switches Dark Mode on or off.
    case setAppearance(style: UserInterfaceStyle)
    /// The user taps a tab (config `tabs`).
    case selectTab(index: Int, sceneId: String?)
    /// The visible view controller embeds a child view controller.
    case addChild(name: String, sceneId: String?)
    /// The visible view controller removes one of its children.
    case removeChild(name: String, sceneId: String?)
    /// The shortest sequence of plain actions to an app state (and a scene state), applied.
    case moveTo(app: AppState, scene: SceneState?)

    public var kind: ActionKind {
        switch self {
        case .launch: .launch
        case .background: .background
        case .openURL: .openURL
        case .openUniversalLink: .openUniversalLink
        case .tapNotification: .tapNotification
        case .terminate: .terminate
        case .interruptionBegan: .interruptionBegan
        case .interruptionEnded: .interruptionEnded
        case .lock: .lock
        case .unlock: .unlock
        case .memoryWarning: .memoryWarning
        case .receiveNotification: .receiveNotification
        case .backgroundFetch: .backgroundFetch
        case .locationEvent: .locationEvent
        case .quickAction: .quickAction
        case .beginBackgroundTask: .beginBackgroundTask
        case .endBackgroundTask: .endBackgroundTask
        case .advanceTime: .advanceTime
        case .openScene: .openScene
        case .activateScene: .activateScene
        case .closeScene: .closeScene
        case .disconnectScene: .disconnectScene
        case .push: .push
        case .pop: .pop
        case .present: .present
        case .dismiss: .dismiss
        case .cancelInteractivePop: .cancelInteractivePop
        case .rotate: .rotate
        case .setAppearance: .setAppearance
        case .selectTab: .selectTab
        case .addChild: .addChild
        case .removeChild: .removeChild
        case .runBackgroundTask: .runBackgroundTask
        case .backgroundURLSessionEvents: .backgroundURLSessionEvents
        case .prewarm: .prewarm
        case .startContinuedProcessingTask: .startContinuedProcessingTask
        case .cancelContinuedProcessingTask: .cancelContinuedProcessingTask
        case .moveTo: .moveTo
        }
    }
}

/// The action `type` names a client sends. Everything about a kind lives in its
/// `definition` (Actions/Kinds/).
public enum ActionKind: String, Sendable, CaseIterable {
    case launch, background, openURL, openUniversalLink, tapNotification, terminate
    case interruptionBegan, interruptionEnded, lock, unlock, memoryWarning
    case receiveNotification, backgroundFetch, locationEvent, quickAction
    case beginBackgroundTask, endBackgroundTask, advanceTime
    case openScene, activateScene, closeScene, disconnectScene
    case push, pop, present, dismiss, cancelInteractivePop
    case rotate, setAppearance, selectTab, addChild, removeChild
    case runBackgroundTask, backgroundURLSessionEvents, prewarm
    case startContinuedProcessingTask, cancelContinuedProcessingTask
    case moveTo

}

/// Who ends the process.
public enum TerminationCause: String, Sendable, CaseIterable {
    /// Swiped away in the app switcher (a force-quit: deletes the restoration archive).
    case user
    /// Killed by the system (keeps the restoration archive).
    case system
}

/// What covers the active app (facts §3, "Interruptions").
public enum InterruptionKind: String, Sendable, CaseIterable {
    case systemAlert, call, notificationCenter, controlCenter, appSwitcher, siri
}

/// How an interruption ends.
public enum InterruptionOutcome: String, Sendable, CaseIterable {
    /// Back to the app (alert dismissed, call declined, switcher closed on this app).
    case resume
    /// The user went elsewhere (call accepted, another app chosen).
    case leave
}
