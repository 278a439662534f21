import Foundation
import LifecycledClient

/// Replays a simulated run into a real `NotificationCenter` and into your delegate objects,
/// in the order the service reports: an SDK's own observer code runs against the true iOS
/// sequence in `swift test`, on Linux or a Mac, without a simulator.
///
/// ```swift
/// let center = NotificationCenter()
/// let tracker = SessionTracker(center: center)      // your code: observes didBecomeActive, …
/// let replay = NotificationReplay(center: center)
/// let run = try await client.simulate([.launch, .background, .launch],
///                                     config: SessionConfig(observers: ["notifications"]))
/// replay.play(run)
/// #expect(tracker.sessions == 2)
/// ```
///
/// - The `notifications` channel's items (config `observers: ["notifications"]`) are posted
///   under UIKit's names (`UIKitNotification`: `UIApplicationDidBecomeActiveNotification`,
///   `UISceneWillEnterForegroundNotification`, …) with a stand-in object:
///   `application` for UIApplication ones, one `SimulatedScene` per scene for UIScene ones,
///   a `SimulatedWindow` for UIWindow ones. `UIApplicationDidFinishLaunchingNotification`
///   carries the launch options as `userInfo` when the launch had some (UIKit's
///   `UIApplicationLaunchOptions…Key` names; a URL as `URL`), as iOS sends it ([A-appnotes]).
/// - App- and scene-delegate callbacks call `appDelegate` and `sceneDelegate`
///   (`AppDelegateCallbacks`, `SceneDelegateCallbacks`), in their places among the posts.
/// - While each is delivered, `application.applicationState` and the scene's
///   `activationState` read what UIKit's would at that moment.
///
/// Post into a center of your own, not `.default`: in a test built for iOS, UIKit's real
/// posts go to `.default` too. Observers run synchronously in `play` (as with `queue: nil`).
/// Not thread-safe: play from one task.
public final class NotificationReplay {
    /// Where the notifications are posted.
    public let center: NotificationCenter
    /// The stand-in `UIApplication`: the object of UIApplication notifications.
    public let application = SimulatedApplication()
    /// Called for app-delegate callbacks.
    public var appDelegate: (any AppDelegateCallbacks)?
    /// Called for scene-delegate callbacks.
    public var sceneDelegate: (any SceneDelegateCallbacks)?
    /// Every notification posted so far, in order.
    public private(set) var posted: [Notification] = []
    private var scenes: [String: SimulatedScene] = [:]
    private var windows: [String: SimulatedWindow] = [:]
    /// The launch options of the last `application(_:didFinishLaunchingWithOptions:)`,
    /// which `UIApplicationDidFinishLaunchingNotification` carries as its `userInfo`.
    private var launchOptions: JSONValue?

    /// A replay posting into `center` (a new one by default).
    public init(
        center: NotificationCenter = NotificationCenter(), appDelegate: (any AppDelegateCallbacks)? = nil,
        sceneDelegate: (any SceneDelegateCallbacks)? = nil
    ) {
        self.center = center
        self.appDelegate = appDelegate
        self.sceneDelegate = sceneDelegate
    }

    /// The stand-in for the scene `id` (the same object for every notification of that scene).
    public func scene(_ id: String) -> SimulatedScene {
        if let scene = scenes[id] { return scene }
        let scene = SimulatedScene(id: id)
        scenes[id] = scene
        return scene
    }

    /// Plays every callback of `result` (one action, a batch, a simulate run, a path or a
    /// list of callbacks), in order; `application.applicationState` then reads the state it ended in.
    public func play(_ result: some CallbackList) {
        for callback in result.callbacks { play(callback) }
        if let state = (result as? ActionResult)?.state ?? (result as? BatchResult)?.state
            ?? (result as? SimulateResult)?.state ?? (result as? PathsResult)?.state
        {
            settle(state)
        }
    }

    /// Plays one step of a result at a time: `for step in run.steps { replay.play(step); … }`.
    public func play(_ step: ActionResult) {
        for callback in step.callbacks { play(callback) }
        settle(step.state)
    }

    /// Plays one callback: posts it (a notification), calls the delegate (a delegate
    /// callback), or does nothing (any other receiver).
    public func play(_ callback: Callback) {
        application.applicationState = callback.appState
        let object = callback.sceneId.map { self.scene($0) }
        if let object, let state = callback.sceneState { object.activationState = state }
        switch callback.receiver {
        case "notificationCenter": post(callback, scene: object)
        case "appDelegate": callAppDelegate(callback)
        case "sceneDelegate": if let object { callSceneDelegate(callback, object) }
        default: break
        }
    }

    /// Between steps: the state the step ended in (the scenes' too).
    private func settle(_ state: State) {
        application.applicationState = state.app
        for scene in state.scenes ?? [] {
            self.scene(scene.id).activationState = scene.state
        }
    }

    private func post(_ callback: Callback, scene: SimulatedScene?) {
        guard let notification = UIKitNotification(rawValue: callback.method) else { return }
        let object: AnyObject
        switch notification.objectKind {
        case .application: object = application
        case .scene: object = scene ?? self.scene("scene-1")
        case .window:
            let key = callback.sceneId ?? ""
            let window = windows[key] ?? SimulatedWindow(sceneId: callback.sceneId)
            windows[key] = window
            object = window
        }
        var userInfo: [AnyHashable: Any]?
        if notification == .applicationDidFinishLaunching, let options = launchOptions {
            userInfo = Self.userInfo(launchOptions: options)
        }
        let note = Notification(name: notification.name, object: object, userInfo: userInfo)
        posted.append(note)
        center.post(note)
    }

    private func callAppDelegate(_ callback: Callback) {
        switch callback.method {
        case "application(_:willFinishLaunchingWithOptions:)":
            launchOptions = callback.args?["launchOptions"].flatMap { $0.isNull ? nil : $0 }
            appDelegate?.application(application, willFinishLaunchingWithOptions: launchOptions)
        case "application(_:didFinishLaunchingWithOptions:)":
            launchOptions = callback.args?["launchOptions"].flatMap { $0.isNull ? nil : $0 }
            appDelegate?.application(application, didFinishLaunchingWithOptions: launchOptions)
        case "applicationDidBecomeActive(_:)": appDelegate?.applicationDidBecomeActive(application)
        case "applicationWillResignActive(_:)": appDelegate?.applicationWillResignActive(application)
        case "applicationDidEnterBackground(_:)": appDelegate?.applicationDidEnterBackground(application)
        case "applicationWillEnterForeground(_:)": appDelegate?.applicationWillEnterForeground(application)
        case "applicationWillTerminate(_:)": appDelegate?.applicationWillTerminate(application)
        case "applicationDidReceiveMemoryWarning(_:)": appDelegate?.applicationDidReceiveMemoryWarning(application)
        case "application(_:open:options:)":
            if let url = callback.args?["url"]?.stringValue { appDelegate?.application(application, open: url) }
        default: break
        }
    }

    private func callSceneDelegate(_ callback: Callback, _ scene: SimulatedScene) {
        switch callback.method {
        case "scene(_:willConnectTo:options:)":
            sceneDelegate?.scene(scene, willConnectWithOptions: callback.args?["options"])
        case "sceneDidDisconnect(_:)": sceneDelegate?.sceneDidDisconnect(scene)
        case "sceneDidBecomeActive(_:)": sceneDelegate?.sceneDidBecomeActive(scene)
        case "sceneWillResignActive(_:)": sceneDelegate?.sceneWillResignActive(scene)
        case "sceneWillEnterForeground(_:)": sceneDelegate?.sceneWillEnterForeground(scene)
        case "sceneDidEnterBackground(_:)": sceneDelegate?.sceneDidEnterBackground(scene)
        case "scene(_:openURLContexts:)":
            for context in callback.args?["urlContexts"]?.arrayValue ?? [] {
                if let url = context["url"]?.stringValue { sceneDelegate?.scene(scene, openURL: url) }
            }
        default: break
        }
    }

    /// UIKit's `UIApplication.LaunchOptionsKey` constant names for the members lifecycled
    /// reports in `launchOptions` (S1: the key a URL, notification, shortcut, location or
    /// user activity launch sets).
    static let launchOptionKeys: [String: String] = [
        "url": "UIApplicationLaunchOptionsURLKey",
        "sourceApplication": "UIApplicationLaunchOptionsSourceApplicationKey",
        "remoteNotification": "UIApplicationLaunchOptionsRemoteNotificationKey",
        "shortcutItem": "UIApplicationLaunchOptionsShortcutItemKey",
        "location": "UIApplicationLaunchOptionsLocationKey",
        "userActivityDictionary": "UIApplicationLaunchOptionsUserActivityDictionaryKey",
    ]

    /// The launch options as `userInfo`: UIKit's key names, Foundation values (a URL as `URL`).
    static func userInfo(launchOptions: JSONValue) -> [AnyHashable: Any]? {
        guard let members = launchOptions.objectValue, !members.isEmpty else { return nil }
        var info: [AnyHashable: Any] = [:]
        for (member, value) in members {
            let key = launchOptionKeys[member] ?? member
            if member == "url", let text = value.stringValue, let url = URL(string: text) {
                info[key] = url
            } else {
                info[key] = foundation(value)
            }
        }
        return info
    }

    private static func foundation(_ value: JSONValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n
        case .string(let s): return s
        case .array(let items): return items.map(foundation)
        case .object(let members): return members.mapValues(foundation)
        }
    }
}
