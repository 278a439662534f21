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
    /// The commonest receivers only; the others are written from their raw value.
    var wireName: StaticString? {
        switch self {
        case .appDelegate: "appDelegate"
        case .sceneDelegate: "sceneDelegate"
        case .viewController: "viewController"
        case .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app, .appDelegateAdaptor, .scene,
            .view, .tabBarControllerDelegate, .bgTask, .urlSessionDelegate, .observer:
            nil
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
