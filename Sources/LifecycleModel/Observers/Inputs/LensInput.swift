/// One thing a framework bridge can observe, in the order the app observes it.
///
/// The lenses are pure folds over a stream of these: whoever builds the stream (the
/// notification poster, from the model's callbacks and state changes) sends the
/// notifications and delegate calls where UIKit makes them, the appearance calls of
/// view controllers, `processStart` before anything of a new process, and
/// `endOfTurn` after the UIKit calls of each action. Each case carries what a lens
/// reads at that moment (`UIApplication.applicationState`, a scene's activation
/// state), so no lens needs the model's state.
public enum LensInput: Sendable, Equatable {
    /// A new process: sent before anything else of a cold launch or a prewarm. Every
    /// lens forgets the previous process here (its objects died with it).
    case processStart
    /// A `UIApplication` notification; `appState` is `applicationState` while the
    /// observers run.
    case application(UIApplicationNotification, appState: AppState)
    /// A `UIScene` notification about the scene `sceneId` (nil: the implicit scene of a
    /// sceneless app on iOS 13+).
    case scene(UISceneNotification, sceneId: String?, appState: AppState)
    /// A `UIWindow` key-window notification for the window of the scene `sceneId`
    /// (nil in a sceneless app).
    case window(UIWindowNotification, sceneId: String?, appState: AppState)
    /// A view controller's appearance call.
    case appearance(ControllerAppearance)
    /// An app-delegate life-cycle call. `hasSceneManifest`: the app declares scenes in
    /// its Info.plist (the test .NET MAUI makes before it acts on an app-level call).
    case appDelegate(AppDelegateLifecycleCall, appState: AppState, hasSceneManifest: Bool)
    /// A scene-delegate life-cycle call for the scene `sceneId`. `sceneState` is the
    /// scene's `activationState` as code inside the call reads it: at the first
    /// `sceneWillEnterForeground` after the scene connected it is still `unattached`.
    case sceneDelegate(SceneDelegateLifecycleCall, sceneId: String, sceneState: SceneState, appState: AppState)
    /// The main run loop's turn ends: work queued with `performSelector:afterDelay:` or
    /// `performSelectorOnMainThread:…waitUntilDone:NO` during the turn runs now.
    case endOfTurn
}

/// A view controller's appearance call, with where its window is.
public struct ControllerAppearance: Sendable, Equatable {
    /// `viewWillAppear(_:)`, `viewDidAppear(_:)`, `viewWillDisappear(_:)` or `viewDidDisappear(_:)`.
    public var event: Appearance.Event
    /// The controller's name (the model's `viewController`).
    public var controller: String
    /// The scene of the controller's window; nil in a sceneless app.
    public var sceneId: String?
    /// That scene's `activationState` during the call; nil in a sceneless app.
    public var sceneState: SceneState?
    /// `UIApplication.applicationState` during the call.
    public var appState: AppState

    public init(
        _ event: Appearance.Event, controller: String, sceneId: String? = nil, sceneState: SceneState? = nil,
        appState: AppState
    ) {
        self.event = event
        self.controller = controller
        self.sceneId = sceneId
        self.sceneState = sceneState
        self.appState = appState
    }
}

/// Kinds of `LensInput`, as a set: what a lens subscribes to (`FrameworkLens.inputs`).
public struct LensInputKinds: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let processStart = Self(rawValue: 1 << 0)
    public static let application = Self(rawValue: 1 << 1)
    public static let scene = Self(rawValue: 1 << 2)
    public static let window = Self(rawValue: 1 << 3)
    public static let appearance = Self(rawValue: 1 << 4)
    public static let appDelegate = Self(rawValue: 1 << 5)
    public static let sceneDelegate = Self(rawValue: 1 << 6)
    public static let endOfTurn = Self(rawValue: 1 << 7)
    /// Every kind.
    public static let all = Self(rawValue: .max)
}

extension LensInput {
    /// The input's kind.
    public var kind: LensInputKinds {
        switch self {
        case .processStart: .processStart
        case .application: .application
        case .scene: .scene
        case .window: .window
        case .appearance: .appearance
        case .appDelegate: .appDelegate
        case .sceneDelegate: .sceneDelegate
        case .endOfTurn: .endOfTurn
        }
    }
}
