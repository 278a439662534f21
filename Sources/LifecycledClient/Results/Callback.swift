/// One UIKit (or SwiftUI) callback as the app received it (openapi.yaml `Callback`).
public struct Callback: Codable, Hashable, Sendable, CustomStringConvertible {
    /// 1, 2, 3 … per session, never reused.
    public var seq: Int
    /// Who receives it: `appDelegate`, `sceneDelegate`, `viewController`, … (a string:
    /// the list grows with the model).
    public var receiver: String
    /// The Swift method as Apple's documentation writes it, e.g. `applicationDidBecomeActive(_:)`.
    public var method: String
    /// `UIApplication.applicationState` while the method runs.
    public var appState: AppState
    /// The scene, for scene-delegate callbacks (and view controllers in scene-based apps).
    public var sceneId: String?
    /// The scene's activation state while the method runs.
    public var sceneState: SceneState?
    /// The view controller's (or SwiftUI view's) name, for their callbacks.
    public var viewController: String?
    /// The arguments that matter (`launchOptions`, `url`, `userInfo`, …).
    public var args: JSONValue?

    public init(
        seq: Int, receiver: String, method: String, appState: AppState, sceneId: String? = nil,
        sceneState: SceneState? = nil, viewController: String? = nil, args: JSONValue? = nil
    ) {
        self.seq = seq
        self.receiver = receiver
        self.method = method
        self.appState = appState
        self.sceneId = sceneId
        self.sceneState = sceneState
        self.viewController = viewController
        self.args = args
    }

    /// `#3 sceneDelegate@scene-1 sceneDidBecomeActive(_:) (active)`.
    public var description: String {
        var who = receiver
        if let viewController { who += "[\(viewController)]" }
        if let sceneId { who += "@\(sceneId)" }
        return "#\(seq) \(who) \(method) (\(appState))"
    }
}

extension Callback {
    /// The observer channel of an item (`notifications` for `notificationCenter`, else the
    /// lens's name); nil for UIKit's own callbacks.
    public var channel: String? {
        switch receiver {
        case "notificationCenter": "notifications"
        case "reactNative", "flutter", "capacitor", "cordova", "maui", "composeMultiplatform": receiver
        default: nil
        }
    }
}

extension Sequence where Element == Callback {
    /// One observer channel's items, in order (`"notifications"`, `"flutter"`, …).
    public func channel(_ name: String) -> [Callback] { filter { $0.channel == name } }
}
