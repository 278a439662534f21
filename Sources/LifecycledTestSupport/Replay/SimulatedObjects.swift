import Foundation
import LifecycledClient

/// The stand-in for `UIApplication` that replayed notifications carry as their object and
/// delegate methods receive. `applicationState` reads as UIKit's would while each
/// notification is delivered or each method runs (the callback's `appState`): a
/// `UIScene.didActivateNotification` at a cold launch arrives before the app is active.
public final class SimulatedApplication: @unchecked Sendable, CustomStringConvertible {
    // @unchecked: the replay writes `applicationState` on the thread that plays, before it
    // posts; observers read it on that same thread (NotificationCenter delivers in `post`).
    /// `UIApplication.applicationState` now (`notRunning` before the first launch).
    public internal(set) var applicationState: AppState = .notRunning

    init() {}

    public var description: String { "SimulatedApplication(\(applicationState))" }
}

/// The stand-in for a `UIScene`: UIScene notifications carry it as their object (one per
/// `sceneId`, the same object every time), and scene-delegate methods receive it.
public final class SimulatedScene: @unchecked Sendable, CustomStringConvertible, Hashable {
    // @unchecked: as `SimulatedApplication`.
    /// The session's scene id (`scene-1`, …).
    public let id: String
    /// `UIScene.activationState` now (the callback's `sceneState`).
    public internal(set) var activationState: SceneState?

    init(id: String) { self.id = id }

    public var description: String { "SimulatedScene(\(id), \(activationState.map(\.rawValue) ?? "-"))" }
    public static func == (a: SimulatedScene, b: SimulatedScene) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The stand-in for a `UIWindow`: the object of `UIWindow.didBecomeKeyNotification` and
/// `didResignKeyNotification`, one per scene (one for an app without scenes).
public final class SimulatedWindow: @unchecked Sendable, CustomStringConvertible {
    /// The scene the window belongs to; nil in an app without scenes.
    public let sceneId: String?

    init(sceneId: String?) { self.sceneId = sceneId }

    public var description: String { "SimulatedWindow(\(sceneId ?? "app"))" }
}
