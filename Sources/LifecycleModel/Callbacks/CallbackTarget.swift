/// Who receives a callback, with what identifies it: the scene a scene delegate serves,
/// the name of a view controller and the scene of its window. Each receiver carries
/// exactly the members the wire writes for it.
///
/// The order of the cases without members is the order a switch tests them in, one by
/// one (they share the payload cases' spare bits): the receivers of most callbacks come
/// first, the app delegate and the app-wide lenses (docs/architecture.md, "Observer machinery").
public enum CallbackTarget: Sendable, Equatable {
    case appDelegate
    // Observer channels (issue #20; docs/observers.md), the app-wide ones:
    /// React Native's `AppState` (app-wide).
    case reactNative
    /// Flutter's binding observer and `AppLifecycleListener` (app-wide).
    case flutter
    /// Capacitor's App plugin (app-wide).
    case capacitor
    /// Cordova's document events (app-wide).
    case cordova
    /// A SwiftUI app's `@UIApplicationDelegateAdaptor` delegate (breadth §7.2).
    case appDelegateAdaptor
    /// The delegate of one scene, in its state while the method runs.
    case sceneDelegate(SceneRef)
    /// A view controller; `scene` is its window's, nil in a sceneless app.
    case viewController(name: String, scene: SceneRef?)
    /// A SwiftUI view, named as its hosting controller (breadth §7.5).
    case view(name: String, scene: SceneRef?)
    /// The `UITabBarControllerDelegate` of a window's tab bar (config `tabs`).
    case tabBarControllerDelegate(scene: SceneRef?)
    case notificationCenterDelegate
    case locationManagerDelegate
    /// A `beginBackgroundTask` expiration handler.
    case backgroundTask
    /// A BGTaskScheduler task (breadth §1).
    case bgTask
    /// A background `URLSession`'s delegate (breadth §2).
    case urlSessionDelegate
    /// The SwiftUI `App` (breadth §7).
    case app
    /// A SwiftUI scene's `onChange(of: scenePhase)` handlers (breadth §7.3).
    case scene(SceneRef)
    // Observer channels with members:
    /// `NotificationCenter.default`: a UIScene notification names its scene (with the
    /// state code reads), a UIWindow one its window's scene only, a UIApplication one none.
    case notificationCenter(sceneId: String?, sceneState: SceneState?)
    /// A .NET MAUI `Window`: the scene it belongs to, nil for a sceneless app's window.
    case maui(sceneId: String?)
    /// A Compose Multiplatform lifecycle owner: its host controller and that window's scene.
    case composeMultiplatform(controller: String, sceneId: String?)

    /// The receiver as the wire names it.
    public var receiver: Receiver {
        switch self {
        case .appDelegate: .appDelegate
        case .appDelegateAdaptor: .appDelegateAdaptor
        case .sceneDelegate: .sceneDelegate
        case .viewController: .viewController
        case .view: .view
        case .tabBarControllerDelegate: .tabBarControllerDelegate
        case .notificationCenterDelegate: .notificationCenterDelegate
        case .locationManagerDelegate: .locationManagerDelegate
        case .backgroundTask: .backgroundTask
        case .bgTask: .bgTask
        case .urlSessionDelegate: .urlSessionDelegate
        case .app: .app
        case .scene: .scene
        case .notificationCenter: .notificationCenter
        case .reactNative: .reactNative
        case .flutter: .flutter
        case .capacitor: .capacitor
        case .cordova: .cordova
        case .maui: .maui
        case .composeMultiplatform: .composeMultiplatform
        }
    }

    /// The scene the receiver belongs to, if any.
    public var scene: SceneRef? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s
        case .appDelegate, .appDelegateAdaptor, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .bgTask, .urlSessionDelegate, .app, .reactNative, .flutter, .capacitor, .cordova,
            .maui, .composeMultiplatform:
            nil
        case .notificationCenter(let id?, let state?): SceneRef(id: id, state: state)
        case .notificationCenter: nil
        }
    }

    /// The receiver names a scene (the wire's `sceneId` or `sceneState`). Patterns that
    /// bind nothing: the log asks this of every callback, and binding a member copied it.
    public var namesScene: Bool {
        switch self {
        case .viewController(_, nil), .view(_, nil), .tabBarControllerDelegate(nil), .notificationCenter(nil, nil),
            .maui(nil), .composeMultiplatform(_, nil):
            false
        case .sceneDelegate, .scene, .viewController, .view, .tabBarControllerDelegate, .notificationCenter, .maui,
            .composeMultiplatform:
            true
        case .appDelegate, .appDelegateAdaptor, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .bgTask, .urlSessionDelegate, .app, .reactNative, .flutter, .capacitor, .cordova:
            false
        }
    }

    /// The scene's id: the scene's, or the one an observer item names.
    /// One switch, not by way of `scene`: the log reads it for every callback.
    public var sceneId: String? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s.id
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s?.id
        case .notificationCenter(let id, _), .maui(let id), .composeMultiplatform(_, let id): id
        case .appDelegate, .appDelegateAdaptor, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .bgTask, .urlSessionDelegate, .app, .reactNative, .flutter, .capacitor, .cordova:
            nil
        }
    }

    /// The scene's state, when the receiver reports one.
    public var sceneState: SceneState? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s.state
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s?.state
        case .notificationCenter(_, let state): state
        case .appDelegate, .appDelegateAdaptor, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .bgTask, .urlSessionDelegate, .app, .reactNative, .flutter, .capacitor, .cordova,
            .maui, .composeMultiplatform:
            nil
        }
    }

    /// The view controller's (or SwiftUI view's) name.
    public var name: String? {
        switch self {
        case .viewController(let name, _), .view(let name, _), .composeMultiplatform(let name, _): name
        case .notificationCenter, .reactNative, .flutter, .capacitor, .cordova, .maui: nil
        case .appDelegate, .appDelegateAdaptor, .sceneDelegate, .tabBarControllerDelegate,
            .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .bgTask, .urlSessionDelegate,
            .app, .scene:
            nil
        }
    }

    /// The target the wire's members describe (how a logged callback reads back); nil
    /// when they do not fit the receiver (a scene delegate without its scene, a
    /// controller without its name, members a receiver never has).
    public init?(receiver: Receiver, sceneId: String?, sceneState: SceneState?, viewController: String?) {
        switch receiver {
        case .notificationCenter:
            guard viewController == nil, sceneState == nil || sceneId != nil else { return nil }
            self = .notificationCenter(sceneId: sceneId, sceneState: sceneState)
            return
        case .maui:
            guard sceneState == nil, viewController == nil else { return nil }
            self = .maui(sceneId: sceneId)
            return
        case .composeMultiplatform:
            guard sceneState == nil, let name = viewController else { return nil }
            self = .composeMultiplatform(controller: name, sceneId: sceneId)
            return
        default: break
        }
        let scene: SceneRef?
        switch (sceneId, sceneState) {
        case (let id?, let state?): scene = SceneRef(id: id, state: state)
        case (nil, nil): scene = nil
        default: return nil
        }
        let bare = scene == nil && viewController == nil
        switch receiver {
        case .sceneDelegate, .scene:
            guard let scene, viewController == nil else { return nil }
            self = receiver == .scene ? .scene(scene) : .sceneDelegate(scene)
        case .viewController, .view:
            guard let name = viewController else { return nil }
            self = receiver == .view ? .view(name: name, scene: scene) : .viewController(name: name, scene: scene)
        case .tabBarControllerDelegate:
            guard viewController == nil else { return nil }
            self = .tabBarControllerDelegate(scene: scene)
        case .appDelegate, .appDelegateAdaptor, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .bgTask, .urlSessionDelegate, .app:
            guard bare, let target = Self.bare(receiver) else { return nil }
            self = target
        case .reactNative, .flutter, .capacitor, .cordova:
            guard bare, let target = Self.bare(receiver) else { return nil }
            self = target
        case .notificationCenter, .maui, .composeMultiplatform:
            return nil  // read above: their scene may come without a state
        }
    }

    /// The target of a receiver that carries no members; nil for one that does.
    private static func bare(_ receiver: Receiver) -> CallbackTarget? {
        switch receiver {
        case .appDelegate: .appDelegate
        case .appDelegateAdaptor: .appDelegateAdaptor
        case .notificationCenterDelegate: .notificationCenterDelegate
        case .locationManagerDelegate: .locationManagerDelegate
        case .backgroundTask: .backgroundTask
        case .bgTask: .bgTask
        case .urlSessionDelegate: .urlSessionDelegate
        case .app: .app
        case .reactNative: .reactNative
        case .flutter: .flutter
        case .capacitor: .capacitor
        case .cordova: .cordova
        case .sceneDelegate, .viewController, .view, .tabBarControllerDelegate, .scene, .notificationCenter, .maui,
            .composeMultiplatform:
            nil
        }
    }
}

/// A scene as a callback names it: its id and its activation state while the method runs.
public struct SceneRef: Sendable, Equatable {
    public var id: String
    public var state: SceneState

    public init(id: String, state: SceneState) {
        self.id = id
        self.state = state
    }
}
