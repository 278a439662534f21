import LifecycleModel

// The enums an action result writes most, as static strings: written without an
// escape scan or a String in between (bench/PROFILE.md). Tests/LifecycleServiceTests/
// WireNameTests.swift checks that each equals the case's raw value, the contract's name.

extension AppState {
    var wireName: StaticString {
        switch self {
        case .notRunning: "notRunning"
        case .inactive: "inactive"
        case .active: "active"
        case .background: "background"
        case .suspended: "suspended"
        }
    }
}

extension SceneState {
    var wireName: StaticString {
        switch self {
        case .unattached: "unattached"
        case .foregroundInactive: "foregroundInactive"
        case .foregroundActive: "foregroundActive"
        case .background: "background"
        case .suspended: "suspended"
        }
    }
}

extension Receiver {
    /// The commonest receivers only: the model adds receivers (SwiftUI's), and a new
    /// one is simply written from its raw value.
    var wireName: StaticString? {
        switch self {
        case .appDelegate: "appDelegate"
        case .sceneDelegate: "sceneDelegate"
        case .viewController: "viewController"
        default: nil
        }
    }
}

extension Appearance {
    var wireName: StaticString {
        switch self {
        case .disappeared: "disappeared"
        case .appearing: "appearing"
        case .appeared: "appeared"
        case .disappearing: "disappearing"
        }
    }
}

extension InterfaceOrientation {
    var wireName: StaticString {
        switch self {
        case .portrait: "portrait"
        case .portraitUpsideDown: "portraitUpsideDown"
        case .landscapeLeft: "landscapeLeft"
        case .landscapeRight: "landscapeRight"
        }
    }
}

extension UserInterfaceStyle {
    var wireName: StaticString {
        switch self {
        case .light: "light"
        case .dark: "dark"
        }
    }
}

extension ActionKind {
    /// Every kind: an action's `type` is in every answer (an exhaustive switch, so a new
    /// kind must be named here; WireNameTests checks each against its raw value).
    var wireName: StaticString {
        switch self {
        case .launch: "launch"
        case .background: "background"
        case .openURL: "openURL"
        case .openUniversalLink: "openUniversalLink"
        case .tapNotification: "tapNotification"
        case .terminate: "terminate"
        case .interruptionBegan: "interruptionBegan"
        case .interruptionEnded: "interruptionEnded"
        case .lock: "lock"
        case .unlock: "unlock"
        case .memoryWarning: "memoryWarning"
        case .receiveNotification: "receiveNotification"
        case .backgroundFetch: "backgroundFetch"
        case .locationEvent: "locationEvent"
        case .quickAction: "quickAction"
        case .beginBackgroundTask: "beginBackgroundTask"
        case .endBackgroundTask: "endBackgroundTask"
        case .advanceTime: "advanceTime"
        case .openScene: "openScene"
        case .activateScene: "activateScene"
        case .closeScene: "closeScene"
        case .disconnectScene: "disconnectScene"
        case .push: "push"
        case .pop: "pop"
        case .present: "present"
        case .dismiss: "dismiss"
        case .cancelInteractivePop: "cancelInteractivePop"
        case .rotate: "rotate"
        case .setAppearance: "setAppearance"
        case .selectTab: "selectTab"
        case .addChild: "addChild"
        case .removeChild: "removeChild"
        case .runBackgroundTask: "runBackgroundTask"
        case .backgroundURLSessionEvents: "backgroundURLSessionEvents"
        case .prewarm: "prewarm"
        case .moveTo: "moveTo"
        }
    }
}
