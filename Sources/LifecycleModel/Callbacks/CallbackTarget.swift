/// Who receives a callback, with what identifies it: the scene a scene delegate serves,
/// the name of a view controller and the scene of its window. Each receiver carries
/// exactly the members the wire writes for it.
public enum CallbackTarget: Sendable, Equatable {
    case appDelegate
    /// The delegate of one scene, in its state while the method runs.
    case sceneDelegate(SceneRef)
    /// A view controller; `scene` is its window's, nil in a sceneless app.
    case viewController(name: String, scene: SceneRef?)
    case notificationCenterDelegate
    case locationManagerDelegate
    /// A `beginBackgroundTask` expiration handler.
    case backgroundTask
    /// The SwiftUI `App` (breadth §7).
    case app
    /// A SwiftUI app's `@UIApplicationDelegateAdaptor` delegate (breadth §7.2).
    case appDelegateAdaptor
    /// A SwiftUI scene's `onChange(of: scenePhase)` handlers (breadth §7.3).
    case scene(SceneRef)
    /// A SwiftUI view, named as its hosting controller (breadth §7.5).
    case view(name: String, scene: SceneRef?)
    /// The `UITabBarControllerDelegate` of a window's tab bar (config `tabs`).
    case tabBarControllerDelegate(scene: SceneRef?)
    /// A BGTaskScheduler task (breadth §1).
    case bgTask
    /// A background `URLSession`'s delegate (breadth §2).
    case urlSessionDelegate
    // Observer channels (issue #20; docs/observers.md):
    /// `NotificationCenter.default`: a UIScene notification names its scene (with the
    /// state code reads), a UIWindow one its window's scene only, a UIApplication one none.
    case notificationCenter(sceneId: String?, sceneState: SceneState?)
    /// A framework lens's channel: app-wide (nothing more), a window's (its scene, nil
    /// for a sceneless app's window) or a view controller's (its name and its window's
    /// scene), as the lens's events say.
    case lens(ObserverChannel, sceneId: String?, viewController: String?)

    /// The receiver as the wire names it.
    public var receiver: Receiver {
        switch self {
        case .appDelegate: .appDelegate
        case .sceneDelegate: .sceneDelegate
        case .viewController: .viewController
        case .notificationCenterDelegate: .notificationCenterDelegate
        case .locationManagerDelegate: .locationManagerDelegate
        case .backgroundTask: .backgroundTask
        case .app: .app
        case .appDelegateAdaptor: .appDelegateAdaptor
        case .scene: .scene
        case .view: .view
        case .tabBarControllerDelegate: .tabBarControllerDelegate
        case .bgTask: .bgTask
        case .urlSessionDelegate: .urlSessionDelegate
        case .notificationCenter: .observer(.notifications)
        case .lens(let channel, _, _): .observer(channel)
        }
    }

    /// The scene the receiver belongs to, if any.
    public var scene: SceneRef? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s
        case .notificationCenter(let id?, let state?): SceneRef(id: id, state: state)
        case .appDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app,
            .appDelegateAdaptor, .bgTask, .urlSessionDelegate, .notificationCenter, .lens:
            nil
        }
    }

    /// The scene's id: the scene's, or the one an observer item names.
    public var sceneId: String? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s.id
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s?.id
        case .notificationCenter(let id, _), .lens(_, let id, _): id
        case .appDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app,
            .appDelegateAdaptor, .bgTask, .urlSessionDelegate:
            nil
        }
    }

    /// The scene's state, when the receiver reports one.
    public var sceneState: SceneState? {
        switch self {
        case .sceneDelegate(let s), .scene(let s): s.state
        case .viewController(_, let s), .view(_, let s), .tabBarControllerDelegate(let s): s?.state
        case .notificationCenter(_, let state): state
        case .appDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app,
            .appDelegateAdaptor, .bgTask, .urlSessionDelegate, .lens:
            nil
        }
    }

    /// The view controller's (or SwiftUI view's) name.
    public var name: String? {
        switch self {
        case .viewController(let name, _), .view(let name, _): name
        case .lens(_, _, let name): name
        case .appDelegate, .sceneDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask,
            .app, .appDelegateAdaptor, .scene, .tabBarControllerDelegate, .bgTask, .urlSessionDelegate,
            .notificationCenter:
            nil
        }
    }

    /// What the receiver names besides itself, as the wire's members: its scene's id and
    /// state, and its view controller's (or SwiftUI view's) name.
    public var members: (sceneId: String?, sceneState: SceneState?, viewController: String?) {
        switch self {
        case .sceneDelegate(let s), .scene(let s): (s.id, s.state, nil)
        case .viewController(let name, let s), .view(let name, let s): (s?.id, s?.state, name)
        case .tabBarControllerDelegate(let s): (s?.id, s?.state, nil)
        case .notificationCenter(let id, let state): (id, state, nil)
        case .lens(_, let id, let name): (id, nil, name)
        case .appDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app,
            .appDelegateAdaptor, .bgTask, .urlSessionDelegate:
            (nil, nil, nil)
        }
    }

    /// The receiver names a scene (the wire's `sceneId` or `sceneState`).
    public var namesScene: Bool { sceneId != nil || sceneState != nil }

    /// The target the wire's members describe (how a logged callback reads back); nil
    /// when they do not fit the receiver (a scene delegate without its scene, a
    /// controller without its name, members a receiver never has).
    public init?(receiver: Receiver, sceneId: String?, sceneState: SceneState?, viewController: String?) {
        switch receiver {
        case .observer(.notifications):
            guard viewController == nil, sceneState == nil || sceneId != nil else { return nil }
            self = .notificationCenter(sceneId: sceneId, sceneState: sceneState)
            return
        case .observer(let channel):
            guard sceneState == nil,
                channel.lens?.itemPlace.fits(sceneId: sceneId, viewController: viewController) == true
            else { return nil }
            self = .lens(channel, sceneId: sceneId, viewController: viewController)
            return
        case .appDelegate, .sceneDelegate, .viewController, .notificationCenterDelegate, .locationManagerDelegate,
            .backgroundTask, .app, .appDelegateAdaptor, .scene, .view, .tabBarControllerDelegate, .bgTask,
            .urlSessionDelegate:
            break
        }
        let scene: SceneRef?
        switch (sceneId, sceneState) {
        case (let id?, let state?): scene = SceneRef(id: id, state: state)
        case (nil, nil): scene = nil
        case (_?, nil), (nil, _?): return nil
        }
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
        case .appDelegate, .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .app,
            .appDelegateAdaptor, .bgTask, .urlSessionDelegate, .observer:
            guard scene == nil, viewController == nil, let target = Self.bare(receiver) else { return nil }
            self = target
        }
    }

    /// The target of a receiver that carries no members; nil for one that does.
    private static func bare(_ receiver: Receiver) -> CallbackTarget? {
        switch receiver {
        case .appDelegate: .appDelegate
        case .notificationCenterDelegate: .notificationCenterDelegate
        case .locationManagerDelegate: .locationManagerDelegate
        case .backgroundTask: .backgroundTask
        case .app: .app
        case .appDelegateAdaptor: .appDelegateAdaptor
        case .bgTask: .bgTask
        case .urlSessionDelegate: .urlSessionDelegate
        case .sceneDelegate, .viewController, .scene, .view, .tabBarControllerDelegate, .observer: nil
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
