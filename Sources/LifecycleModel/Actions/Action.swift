/// Something the user or the system does to the app (contract, "Action object"). A
/// kind with members carries them as its payload, its kind's type (`Actions/Kinds/`);
/// each kind file also gives the shorthand that builds one, `.push(name:sceneId:)`.
public enum Action: Sendable, Equatable {
    /// The user taps the app icon: a cold launch, or a return to the foreground.
    case launch
    /// The user leaves the app for the home screen.
    case background
    /// A custom-scheme deep link opens the app.
    case openURL(OpenURLAction)
    /// A universal (https) link opens the app.
    case openUniversalLink(OpenUniversalLinkAction)
    /// The user taps a remote notification; `payload` is the APNs JSON object.
    case tapNotification(TapNotificationAction)
    /// The process ends.
    case terminate(TerminateAction)
    /// Something covers the active app (an alert, a call, Control Center, …).
    case interruptionBegan(InterruptionBeganAction)
    /// The interruption goes away: back to the app, or the user went elsewhere.
    case interruptionEnded(InterruptionEndedAction)
    /// The device is locked.
    case lock
    /// The device is unlocked.
    case unlock
    /// The system is low on memory.
    case memoryWarning
    /// A remote notification arrives, not tapped (`aps.content-available: 1` for a silent push).
    case receiveNotification(ReceiveNotificationAction)
    /// The system grants a background fetch (launching or waking the app).
    case backgroundFetch
    /// A location update launches or wakes the app (`location` mode).
    case locationEvent
    /// The user picks a home-screen quick action.
    case quickAction(QuickActionAction)
    /// The app's code calls `beginBackgroundTask(withName:expirationHandler:)`.
    case beginBackgroundTask(BeginBackgroundTaskAction)
    /// The app's code calls `endBackgroundTask(_:)` for a task id.
    case endBackgroundTask(EndBackgroundTaskAction)
    /// Virtual time passes: suspension, task expiry and other timed events happen.
    case advanceTime(AdvanceTimeAction)
    /// A new scene (window) is requested; `system` connects it in the background.
    case openScene(OpenSceneAction)
    /// The user brings a scene to the foreground (nil: the one seen last).
    case activateScene(ActivateSceneAction)
    /// The user closes a scene in the app switcher (disconnect, discard).
    case closeScene(CloseSceneAction)
    /// UIKit reclaims a background or suspended scene.
    case disconnectScene(DisconnectSceneAction)
    /// A navigation push of a new view controller (in the scene's window, if named).
    case push(PushAction)
    /// Pop the top view controller.
    case pop(PopAction)
    /// Modal presentation of a new view controller (nil style: the default, page sheet).
    case present(PresentAction)
    /// Dismiss the top presentation.
    case dismiss(DismissAction)
    /// The user starts a swipe-back and cancels it.
    case cancelInteractivePop(CancelInteractivePopAction)
    /// The system launches or wakes the app for a BGTaskScheduler task; its handler
    /// works `seconds` before `setTaskCompleted` (nil identifier: the config's first).
    case runBackgroundTask(RunBackgroundTaskAction)
    /// The system launches or wakes the app for a background URL session's events.
    case backgroundURLSessionEvents(BackgroundURLSessionEventsAction)
    /// The system prewarms the app (iOS 15+); a later `launch` continues from there.
    case prewarm
    /// The user's action in the active app starts a `BGContinuedProcessingTask` (iOS
    /// 26+) that works `seconds` and goes on in the background (nil identifier: the
    /// config's first such task).
    case startContinuedProcessingTask(StartContinuedProcessingTaskAction)
    /// The user cancels the running continued processing task from its Live Activity.
    case cancelContinuedProcessingTask

    // UI (breadth §5–6)
    /// The device (or an iPad window) turns to an orientation.
    case rotate(RotateAction)
    /// The user switches Dark Mode on or off.
    case setAppearance(SetAppearanceAction)
    /// The user taps a tab (config `tabs`).
    case selectTab(SelectTabAction)
    /// The visible view controller embeds a child view controller.
    case addChild(AddChildAction)
    /// The visible view controller removes one of its children.
    case removeChild(RemoveChildAction)
    /// The shortest sequence of plain actions to an app state (and a scene state), applied.
    case moveTo(MoveToAction)

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

extension Action {
    /// Hands the action's payload, as its kind's type, to `V`: the one place an action
    /// is taken apart (applying, encoding and checking it go through here).
    func visit<V: PayloadVisitor>(_: V.Type, _ context: inout V.Context) throws(V.Failure) -> V.Result {
        switch self {
        case .launch: try V.visit(LaunchAction(), &context)
        case .background: try V.visit(BackgroundAction(), &context)
        case .openURL(let payload): try V.visit(payload, &context)
        case .openUniversalLink(let payload): try V.visit(payload, &context)
        case .tapNotification(let payload): try V.visit(payload, &context)
        case .terminate(let payload): try V.visit(payload, &context)
        case .interruptionBegan(let payload): try V.visit(payload, &context)
        case .interruptionEnded(let payload): try V.visit(payload, &context)
        case .lock: try V.visit(LockAction(), &context)
        case .unlock: try V.visit(UnlockAction(), &context)
        case .memoryWarning: try V.visit(MemoryWarningAction(), &context)
        case .receiveNotification(let payload): try V.visit(payload, &context)
        case .backgroundFetch: try V.visit(BackgroundFetchAction(), &context)
        case .locationEvent: try V.visit(LocationEventAction(), &context)
        case .quickAction(let payload): try V.visit(payload, &context)
        case .beginBackgroundTask(let payload): try V.visit(payload, &context)
        case .endBackgroundTask(let payload): try V.visit(payload, &context)
        case .advanceTime(let payload): try V.visit(payload, &context)
        case .openScene(let payload): try V.visit(payload, &context)
        case .activateScene(let payload): try V.visit(payload, &context)
        case .closeScene(let payload): try V.visit(payload, &context)
        case .disconnectScene(let payload): try V.visit(payload, &context)
        case .push(let payload): try V.visit(payload, &context)
        case .pop(let payload): try V.visit(payload, &context)
        case .present(let payload): try V.visit(payload, &context)
        case .dismiss(let payload): try V.visit(payload, &context)
        case .cancelInteractivePop(let payload): try V.visit(payload, &context)
        case .runBackgroundTask(let payload): try V.visit(payload, &context)
        case .backgroundURLSessionEvents(let payload): try V.visit(payload, &context)
        case .prewarm: try V.visit(PrewarmAction(), &context)
        case .startContinuedProcessingTask(let payload): try V.visit(payload, &context)
        case .cancelContinuedProcessingTask: try V.visit(CancelContinuedProcessingTaskAction(), &context)
        case .rotate(let payload): try V.visit(payload, &context)
        case .setAppearance(let payload): try V.visit(payload, &context)
        case .selectTab(let payload): try V.visit(payload, &context)
        case .addChild(let payload): try V.visit(payload, &context)
        case .removeChild(let payload): try V.visit(payload, &context)
        case .moveTo(let payload): try V.visit(payload, &context)
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
