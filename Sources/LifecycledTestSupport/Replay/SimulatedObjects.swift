import Foundation
import LifecycledClient

/// The stand-in for `UIApplication` that replayed notifications carry as their object and
/// delegate methods receive. `applicationState` reads as UIKit's would while each
/// notification is delivered or each method runs (the callback's `appState`): a
/// `UIScene.didActivateNotification` at a cold launch arrives before the app is active.
public final class SimulatedApplication: Sendable, CustomStringConvertible {
    private let state = ReplayedValue<AppState>(.notRunning)
    /// `UIApplication.applicationState` now (`notRunning` before the first launch).
    public internal(set) var applicationState: AppState {
        get { state.value }
        set { state.value = newValue }
    }

    init() {}

    public var description: String { "SimulatedApplication(\(applicationState))" }
}

/// The stand-in for a `UIScene`: UIScene notifications carry it as their object (one per
/// `sceneId`, the same object every time), and scene-delegate methods receive it.
public final class SimulatedScene: Sendable, CustomStringConvertible, Hashable {
    /// The session's scene id (`scene-1`, …).
    public let id: String
    private let state = ReplayedValue<SceneState?>(nil)
    /// `UIScene.activationState` now (the callback's `sceneState`).
    public internal(set) var activationState: SceneState? {
        get { state.value }
        set { state.value = newValue }
    }

    init(id: String) { self.id = id }

    public var description: String { "SimulatedScene(\(id), \(activationState.map(\.rawValue) ?? "-"))" }
    public static func == (a: SimulatedScene, b: SimulatedScene) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The stand-in for a `UIWindow`: the object of `UIWindow.didBecomeKeyNotification` and
/// `didResignKeyNotification`, one per scene (one for an app without scenes).
public final class SimulatedWindow: Sendable, CustomStringConvertible {
    /// The scene the window belongs to; nil in an app without scenes.
    public let sceneId: String?

    init(sceneId: String?) { self.sceneId = sceneId }

    public var description: String { "SimulatedWindow(\(sceneId ?? "app"))" }
}

/// A value the replay changes as it plays and observers read, behind a lock: the replay
/// writes on the thread that plays, before it posts, and NotificationCenter delivers on
/// that thread, but an observer may keep the object and read it from anywhere. NSLock,
/// not `Mutex`, because `Mutex` needs iOS 18 and this module builds for any iOS.
final class ReplayedValue<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `stored` is read and written under `lock` only.
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
