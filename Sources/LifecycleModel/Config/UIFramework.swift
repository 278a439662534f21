/// Which UI framework drives the app's life cycle (config `ui`, contract v1.1).
public enum UIFramework: String, Sendable, CaseIterable {
    /// UIKit delegates: the app (and, in a scene app, scene) delegate hears the life cycle.
    case uikit
    /// The SwiftUI `App` life cycle (iOS 14+; breadth §7): `App.init`, a
    /// `@UIApplicationDelegateAdaptor` for the app-level calls SwiftUI forwards,
    /// `scenePhase` changes instead of scene-delegate calls, and `onAppear` /
    /// `onDisappear` / `onOpenURL` / `onContinueUserActivity` on views. Always
    /// scene-based.
    case swiftUI = "swiftui"
}

extension SessionConfig {
    /// The oldest iOS with the SwiftUI `App` life cycle (`@main` App, breadth §7).
    public static let swiftUIMinimumVersion = IOSVersion.known(14, 0)

    /// Why `ui: "swiftui"` cannot be simulated with this config, if it cannot.
    var swiftUIIssue: ConfigIssue? {
        guard ui == .swiftUI else { return nil }
        // breadth §7 (heading): the SwiftUI App life cycle exists from iOS 14.
        if iosVersion < Self.swiftUIMinimumVersion {
            return ConfigIssue(
                field: "ui",
                detail:
                    "ui \"swiftui\" (the SwiftUI App life cycle) needs iosVersion 14.0 or later; send iosVersion 14.0 or later, or ui \"uikit\" for iOS \(iosVersion)",
                allowed: ["uikit"])
        }
        // breadth §7.2: a SwiftUI app is a scene app.
        if lifecycle != .scene {
            return ConfigIssue(
                field: "lifecycle",
                detail:
                    "ui \"swiftui\" is always scene-based: send lifecycle \"scene\" (or leave it out), or ui \"uikit\" for a sceneless app",
                allowed: ["scene"])
        }
        return nil
    }
}
