/// .NET MAUI's `Window` events on iOS ([MAUI-life]): MAUI is the app's (and scene's)
/// delegate, and its cross-platform lifecycle hooks raise the events from the
/// delegate calls, per window.
///
/// Sceneless (no scene manifest): didFinishLaunching creates the window (`Created`);
/// didBecomeActive → `Activated`; willResignActive → `Deactivated`;
/// didEnterBackground → `Stopped`; willEnterForeground → `Resumed`. Scene apps: the
/// scene delegate's willConnect → `Created`; sceneDidBecomeActive → `Activated`;
/// sceneWillResignActive → `Deactivated`; sceneDidEnterBackground → `Stopped`;
/// sceneWillEnterForeground → `Resumed` unless the scene is still `unattached` (its
/// first foreground entry); sceneDidDisconnect → `Destroying`. willTerminate →
/// `Destroying` for the window `UIApplication.GetWindow()` finds, in either kind.
///
/// `Window` guards ([MAUI-life] Window.cs, [MAUI21948]): a second `Activated` without
/// `Deactivated` (or the reverse), a second `Created`, throw `InvalidOperationException`.
/// The lens drops such a call and counts it in `State.rejectedCalls`: a crash is not a
/// life-cycle event, and a well-formed stream never has one.
public enum MAUILens: FrameworkLens {
    public static let channel = ObserverChannel.maui

    /// MAUI has no version-dependent behaviour this lens models (.NET 8–10 sources).
    public struct Options: Sendable, Equatable, LensWithoutOptions {
        public init() {}
    }

    public struct State: Sendable, Equatable {
        /// The live windows, in the order they were created (GetWindow's fallback). A
        /// list, not a dictionary by scene: an app has a window or a few, and the order
        /// is what the fallback reads.
        public var windows: [WindowState] = []
        /// The last window `Activated` went to.
        public var lastActivated: WindowKey?
        /// Calls MAUI's `Window` would have thrown on; zero for a well-formed stream.
        public var rejectedCalls = 0
    }

    /// A window: the scene it belongs to, nil in a sceneless app.
    public struct WindowKey: Sendable, Hashable {
        public var sceneId: String?
    }

    /// A live window and what `Window` remembers ([MAUI-life] Window.cs `IsActivated`).
    public struct WindowState: Sendable, Equatable {
        public var key: WindowKey
        public var isActivated = false
    }

    public static let itemPlace = LensItemPlace.window

    /// A `Window` event, named as C# spells it.
    public enum WindowEvent: Int, LensMethod {
        public typealias Lens = MAUILens
        case created
        case activated
        case deactivated
        case stopped
        case resumed
        case destroying

        public var name: String {
            switch self {
            case .created: "Created"
            case .activated: "Activated"
            case .deactivated: "Deactivated"
            case .stopped: "Stopped"
            case .resumed: "Resumed"
            case .destroying: "Destroying"
            }
        }
    }

    public typealias Method = WindowEvent

    public struct Event: LensEvent {
        public var event: WindowEvent
        /// The window's scene; nil in a sceneless app.
        public var sceneId: String?

        public init(_ event: WindowEvent, sceneId: String?) {
            self.event = event
            self.sceneId = sceneId
        }

        public var method: WindowEvent { event }
    }

    public static let initialState = State()

    /// The delegate calls MAUI is, and the start.
    public static func inputs(_ options: Options) -> LensInputKinds { [.processStart, .appDelegate, .sceneDelegate] }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        let event: Event?
        switch input {
        case .processStart:
            state = State()
            return
        case .appDelegate(let call, _, let hasSceneManifest):
            event = appDelegate(call, hasSceneManifest: hasSceneManifest, &state)
        case .sceneDelegate(let call, let sceneId, let sceneState, _):
            event = sceneDelegate(call, WindowKey(sceneId: sceneId), sceneState, &state)
        default:
            return
        }
        // Each call raises one event at most.
        if let event { emit(event) }
    }

    /// [MAUI-life] MauiUIApplicationDelegate + the iOS lifecycle hooks: the app-level
    /// ones act only without a scene manifest, except willTerminate.
    private static func appDelegate(
        _ call: AppDelegateLifecycleCall, hasSceneManifest: Bool, _ state: inout State
    ) -> Event? {
        let key = WindowKey(sceneId: nil)
        if call == .willTerminate {
            // "By this point if we were a multi window app, the GetWindow would be null anyway".
            guard let window = getWindow(state) else { return nil }
            return destroy(window, &state)
        }
        guard !hasSceneManifest else { return nil }
        switch call {
        case .didFinishLaunching: return create(key, &state)
        case .didBecomeActive: return activate(key, &state)
        case .willResignActive: return deactivate(key, &state)
        case .didEnterBackground: return state.window(key) == nil ? nil : Event(.stopped, sceneId: nil)
        case .willEnterForeground: return state.window(key) == nil ? nil : Event(.resumed, sceneId: nil)
        case .willTerminate: return nil
        }
    }

    /// [MAUI-life] MauiUISceneDelegate + the scene hooks.
    private static func sceneDelegate(
        _ call: SceneDelegateLifecycleCall, _ key: WindowKey, _ sceneState: SceneState, _ state: inout State
    ) -> Event? {
        switch call {
        case .willConnect: return create(key, &state)
        case .willEnterForeground:
            // [MAUI-life]: `scene.ActivationState != Unattached`, so not at the first entry.
            guard sceneState != .unattached, state.window(key) != nil else { return nil }
            return Event(.resumed, sceneId: key.sceneId)
        case .didBecomeActive: return activate(key, &state)
        case .willResignActive: return deactivate(key, &state)
        case .didEnterBackground: return state.window(key) == nil ? nil : Event(.stopped, sceneId: key.sceneId)
        case .didDisconnect: return state.window(key) == nil ? nil : destroy(key, &state)
        }
    }

    private static func create(_ key: WindowKey, _ state: inout State) -> Event? {
        guard state.window(key) == nil else {
            state.rejectedCalls += 1  // "Window was already created"
            return nil
        }
        state.windows.append(WindowState(key: key))
        return Event(.created, sceneId: key.sceneId)
    }

    private static func activate(_ key: WindowKey, _ state: inout State) -> Event? {
        guard let window = state.window(key) else { return nil }
        guard !state.windows[window].isActivated else {
            state.rejectedCalls += 1  // "Window was already activated" ([MAUI21948])
            return nil
        }
        state.windows[window].isActivated = true
        state.lastActivated = key
        return Event(.activated, sceneId: key.sceneId)
    }

    private static func deactivate(_ key: WindowKey, _ state: inout State) -> Event? {
        guard let window = state.window(key) else { return nil }
        guard state.windows[window].isActivated else {
            state.rejectedCalls += 1  // "Window was already deactivated"
            return nil
        }
        state.windows[window].isActivated = false
        return Event(.deactivated, sceneId: key.sceneId)
    }

    /// [MAUI-life] Window.Destroying: the window leaves the application (and stops
    /// being activated without a `Deactivated`).
    private static func destroy(_ key: WindowKey, _ state: inout State) -> Event? {
        state.windows.removeAll { $0.key == key }
        if state.lastActivated == key { state.lastActivated = nil }
        return Event(.destroying, sceneId: key.sceneId)
    }

    /// `UIApplication.GetWindow()`, a named choice: the key window's MAUI window, taken
    /// as the live window activated last, else the first live one.
    private static func getWindow(_ state: State) -> WindowKey? {
        if let last = state.lastActivated, state.window(last) != nil { return last }
        return state.windows.first?.key
    }
}

extension MAUILens.State {
    /// The index of the live window `key` in `windows`; nil when it has none.
    func window(_ key: MAUILens.WindowKey) -> Int? {
        windows.firstIndex { $0.key == key }
    }
}
