/// What each action means and where its rules come from, as data: the model
/// reference (docs/model.md) is rendered from this table and from the simulator.
public struct ActionRule: Sendable {
    public var summary: String
    /// The sources of the rule (short names of LIFECYCLE.md: S1–S4, R12, A-…, DOC, MULTI).
    public var sources: String
}

extension ActionKind {
    public var rule: ActionRule {
        switch self {
        case .launch: ActionRule(summary: "The user taps the app icon: a cold launch, or a return to the foreground.", sources: "S1, R12, [A-launch]")
        case .background: ActionRule(summary: "The user leaves the app for the home screen; state is saved if the app opts in.", sources: "S1, DOC; LIFECYCLE.md §6")
        case .openURL: ActionRule(summary: "A custom-scheme deep link: in the launch options of a cold launch, then application(_:open:options:).", sources: "S1, R12")
        case .openUniversalLink: ActionRule(summary: "A universal link: willContinueUserActivityWithType, then continue(_:restorationHandler:).", sources: "S1, R12")
        case .tapNotification: ActionRule(summary: "A tapped notification: the notification-center delegate if set, else didReceiveRemoteNotification.", sources: "S1, MULTI")
        case .terminate: ActionRule(summary: "The process ends: silent when suspended, applicationWillTerminate when running; a user's force-quit deletes the restoration archive.", sources: "S3, DOC; quirk switcherKillSequence")
        case .interruptionBegan: ActionRule(summary: "Something covers the active app: willResignActive, the app stays on screen inactive.", sources: "S3, [A-state], MULTI")
        case .interruptionEnded: ActionRule(summary: "Back to the app: didBecomeActive (no willEnterForeground); the user left: didEnterBackground.", sources: "S3, MULTI")
        case .lock: ActionRule(summary: "Resign active and enter the background; protected data goes after a delay.", sources: "MULTI; DOC (protected data); quirk protectedDataDelay")
        case .unlock: ActionRule(summary: "Protected data returns; an app that was in the foreground comes back.", sources: "MULTI, DOC; order a documented choice")
        case .memoryWarning: ActionRule(summary: "Running apps only; suspended apps get nothing.", sources: "[A-mem], DOC")
        case .receiveNotification: ActionRule(summary: "A push arrives: willPresent over an active app (delegate), didReceiveRemoteNotification for content-available (background needs remote-notification mode).", sources: "DOC; S4")
        case .backgroundFetch: ActionRule(summary: "Launch into or wake in the background for a fetch (fetch mode; not after a force-quit).", sources: "S4, DOC; quirk didEnterBackgroundOnBackgroundLaunch")
        case .locationEvent: ActionRule(summary: "A location update launches or wakes the app (location mode; not after a force-quit).", sources: "S2, S4, DOC")
        case .quickAction: ActionRule(summary: "A home-screen quick action: shortcutItem launch option, then application(_:performActionFor:completionHandler:).", sources: "DOC")
        case .beginBackgroundTask: ActionRule(summary: "The app asks for background time: 180 s on iOS ≤ 12, 30 s from 13.", sources: "LIFECYCLE.md §5, MULTI")
        case .endBackgroundTask: ActionRule(summary: "The app ends a task; with none left it is suspended once its suspension time has come.", sources: "DOC")
        case .openScene: ActionRule(summary: "A new scene session: configurationForConnecting, willConnectTo; by the user it comes to the foreground, by the system it stays in the background. iPad with supportsMultipleScenes only.", sources: "S2, DOC")
        case .activateScene: ActionRule(summary: "The user brings a scene to the foreground; the scenes it replaces go to the background.", sources: "S2, DOC; order a documented choice")
        case .closeScene: ActionRule(summary: "The user closes a scene in the app switcher: sceneDidDisconnect, and the session is discarded (reported now if the app runs, else at the next launch).", sources: "LIFECYCLE.md §4, DOC")
        case .disconnectScene: ActionRule(summary: "UIKit reclaims a background or suspended scene: stateRestorationActivity(for:), sceneDidDisconnect; the session survives.", sources: "S2, DOC")
        case .push: ActionRule(summary: "Navigation push: the new controller loads, the old one disappears as it appears.", sources: "[A-vc] DOC (figure); LIFECYCLE.md §7, MULTI")
        case .pop: ActionRule(summary: "Navigation pop of the top controller; nothing to pop is a 409.", sources: "[A-vc]; LIFECYCLE.md §7, MULTI")
        case .present: ActionRule(summary: "Modal presentation: full screen hides the presenter; sheets (iOS 13+) and over-full-screen do not; iOS ≤ 12 iPhone sheets are full screen.", sources: "LIFECYCLE.md §7, MULTI")
        case .dismiss: ActionRule(summary: "Dismissal of the top presentation; nothing presented is a 409.", sources: "LIFECYCLE.md §7; order a documented choice")
        case .cancelInteractivePop: ActionRule(summary: "A swipe-back started and cancelled: both controllers reverse along the figure.", sources: "[A-vc] DOC; LIFECYCLE.md §7, MULTI")
        case .advanceTime: ActionRule(summary: "Virtual time passes: suspension 5 s after entering the background, expiration handlers 5 s before the limit, the 0x8badf00d kill at it.", sources: "LIFECYCLE.md §5, S4, DOC")
        }
    }
}
