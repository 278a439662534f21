// One constructor per action kind of openapi.yaml's `ActionType` (its `Action.oneOf`
// members give the parameters); optional parameters are sent only when given.

extension Action {
    /// Members from `pairs`, leaving out the nil ones.
    private static func make(_ type: String, _ pairs: [(String, JSONValue?)] = []) -> Action {
        var parameters: [String: JSONValue] = [:]
        for (name, value) in pairs { if let value { parameters[name] = value } }
        return Action(type: type, parameters: parameters)
    }

    private static func string(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
    private static func number(_ value: Double?) -> JSONValue? { value.map(JSONValue.number) }

    // MARK: the app

    /// The user taps the app's icon (a cold launch, or a return to the foreground).
    public static let launch = Action(type: "launch")
    /// The user goes to the home screen.
    public static let background = Action(type: "background")
    /// The system prewarms a not-running app (iOS 15 and later).
    public static let prewarm = Action(type: "prewarm")
    /// The process ends: `by` is `user` (swiped away in the app switcher) or `system`.
    public static func terminate(by: String = "user") -> Action { make("terminate", [("by", .string(by))]) }
    /// A custom-scheme URL opens the app.
    public static func openURL(_ url: String) -> Action { make("openURL", [("url", .string(url))]) }
    /// A universal link (`https://…`) opens the app.
    public static func openUniversalLink(_ url: String) -> Action {
        make("openUniversalLink", [("url", .string(url))])
    }
    /// The user taps a remote notification with this APNs payload.
    public static func tapNotification(_ payload: JSONValue = ["aps": ["alert": "Hi"]]) -> Action {
        make("tapNotification", [("payload", payload)])
    }
    /// A remote notification arrives with this APNs payload.
    public static func receiveNotification(_ payload: JSONValue = ["aps": ["alert": "Hi"]]) -> Action {
        make("receiveNotification", [("payload", payload)])
    }
    /// The user picks a Home Screen quick action.
    public static func quickAction(_ shortcutType: String) -> Action {
        make("quickAction", [("shortcutType", .string(shortcutType))])
    }
    /// Something covers the active app: `systemAlert`, `call`, `notificationCenter`,
    /// `controlCenter`, `appSwitcher` or `siri`.
    public static func interruptionBegan(_ kind: String) -> Action {
        make("interruptionBegan", [("kind", .string(kind))])
    }
    /// The interruption goes away: `resume` (back to the app) or `leave`.
    public static func interruptionEnded(_ outcome: String = "resume") -> Action {
        make("interruptionEnded", [("outcome", .string(outcome))])
    }
    /// The user locks the device.
    public static let lock = Action(type: "lock")
    /// The user unlocks the device.
    public static let unlock = Action(type: "unlock")
    /// The system sends a memory warning.
    public static let memoryWarning = Action(type: "memoryWarning")
    /// The system grants a background fetch.
    public static let backgroundFetch = Action(type: "backgroundFetch")
    /// A location event arrives.
    public static let locationEvent = Action(type: "locationEvent")

    // MARK: background work and time

    /// The app begins a background task (`beginBackgroundTask(withName:)`).
    public static func beginBackgroundTask(name: String? = nil) -> Action {
        make("beginBackgroundTask", [("name", string(name))])
    }
    /// The app ends the background task with this identifier.
    public static func endBackgroundTask(id: Int) -> Action {
        make("endBackgroundTask", [("id", .number(Double(id)))])
    }
    /// Virtual time passes (suspension, expiration handlers and kills happen on the way).
    public static func advanceTime(_ seconds: Double) -> Action {
        make("advanceTime", [("seconds", .number(seconds))])
    }
    /// The system runs a BGTaskScheduler task (absent `identifier`: the config's first).
    public static func runBackgroundTask(identifier: String? = nil, seconds: Double? = nil) -> Action {
        make("runBackgroundTask", [("identifier", string(identifier)), ("seconds", number(seconds))])
    }
    /// Every transfer of the background URL session `identifier` has finished.
    public static func backgroundURLSessionEvents(_ identifier: String) -> Action {
        make("backgroundURLSessionEvents", [("identifier", .string(identifier))])
    }
    /// The shortest sequence of plain actions to app state `app` (and a scene in `scene`).
    public static func moveTo(_ app: AppState, scene: SceneState? = nil) -> Action {
        make("moveTo", [("app", .string(app.rawValue)), ("scene", string(scene?.rawValue))])
    }

    // MARK: scenes

    /// A new scene (window) is requested, `by` the `user` or the `system`.
    public static func openScene(by: String = "user") -> Action { make("openScene", [("by", .string(by))]) }
    /// The user brings a scene to the foreground.
    public static func activateScene(_ sceneId: String? = nil) -> Action {
        make("activateScene", [("sceneId", string(sceneId))])
    }
    /// The user closes a scene's window.
    public static func closeScene(_ sceneId: String? = nil) -> Action {
        make("closeScene", [("sceneId", string(sceneId))])
    }
    /// The system disconnects a background scene.
    public static func disconnectScene(_ sceneId: String? = nil) -> Action {
        make("disconnectScene", [("sceneId", string(sceneId))])
    }

    // MARK: view controllers

    /// Pushes a view controller named `name` on the visible navigation stack.
    public static func push(_ name: String, sceneId: String? = nil) -> Action {
        make("push", [("name", .string(name)), ("sceneId", string(sceneId))])
    }
    /// Pops the top view controller.
    public static func pop(sceneId: String? = nil) -> Action { make("pop", [("sceneId", string(sceneId))]) }
    /// Presents a view controller (`style`: `fullScreen`, `pageSheet`, `formSheet`, `overFullScreen`).
    public static func present(_ name: String, style: String? = nil, sceneId: String? = nil) -> Action {
        make("present", [("name", .string(name)), ("style", string(style)), ("sceneId", string(sceneId))])
    }
    /// Dismisses the top presentation.
    public static func dismiss(sceneId: String? = nil) -> Action {
        make("dismiss", [("sceneId", string(sceneId))])
    }
    /// The user starts an interactive pop and lets go.
    public static func cancelInteractivePop(sceneId: String? = nil) -> Action {
        make("cancelInteractivePop", [("sceneId", string(sceneId))])
    }
    /// The device rotates (`portrait`, `portraitUpsideDown`, `landscapeLeft`, `landscapeRight`).
    public static func rotate(_ orientation: String, sceneId: String? = nil) -> Action {
        make("rotate", [("orientation", .string(orientation)), ("sceneId", string(sceneId))])
    }
    /// The user switches Dark Mode: `light` or `dark`.
    public static func setAppearance(_ style: String) -> Action {
        make("setAppearance", [("style", .string(style))])
    }
    /// The user selects the tab at `index` (config `tabs`).
    public static func selectTab(_ index: Int, sceneId: String? = nil) -> Action {
        make("selectTab", [("index", .number(Double(index))), ("sceneId", string(sceneId))])
    }
    /// The visible controller adds a child view controller.
    public static func addChild(_ name: String, sceneId: String? = nil) -> Action {
        make("addChild", [("name", .string(name)), ("sceneId", string(sceneId))])
    }
    /// The visible controller removes its child `name`.
    public static func removeChild(_ name: String, sceneId: String? = nil) -> Action {
        make("removeChild", [("name", .string(name)), ("sceneId", string(sceneId))])
    }
}
