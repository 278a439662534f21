/// Compose Multiplatform's `LifecycleOwner` for a `ComposeUIViewController`
/// ([CMP-life]): its state is a function of three flags, and the androidx
/// `LifecycleRegistry` delivers every event between the old state and the new one,
/// never one for an unchanged state ([AX-lifecycle]).
///
/// RESUMED when the view has appeared (viewWillAppear until viewDidDisappear) and
/// its scene is in the foreground and active; STARTED when appeared and in the
/// foreground but not active; CREATED otherwise; DESTROYED when the controller goes
/// away. The newest releases take foreground and active from the controller's own
/// window scene (UIScene notifications, per window); the earlier releases
/// (2024–2025) from the app (UIApplication notifications, app-wide) ([CMP-app]).
///
/// In every app kind RESUMED comes only once the app (or the window's scene) is
/// active: a scene app's scene activates with `UIScene.didActivateNotification`, a
/// sceneless app's implicit scene too on iOS 13+ (the poster's
/// `sceneNotificationsInSceneless`), and iOS 12, which has no UIScene, falls back to
/// the UIApplication notifications the releases that ran there read ([CMP-app]:
/// their `available(iOS 13)` checks; the newest code needs a window scene, [CMP-life]).
///
/// Named choices (UNSURE): the owner is created at the host controller's first
/// viewWillAppear (the earlier code at the controller's creation, the newest when the
/// controller enters the window hierarchy: both just before); one owner lives until
/// its scene disconnects (`ON_DESTROY` there; the newest code builds a fresh owner
/// each time the controller re-enters a window, which the lens does not follow); a
/// sceneless app's implicit scene reads as applicationState does (inactive:
/// foregroundInactive); an owner of the app-notification releases starts active only
/// if the app is (option `initialActive`).
public enum ComposeMultiplatformLens: FrameworkLens {
    public static let channel = ObserverChannel.composeMultiplatform

    public struct Options: Sendable, Equatable {
        /// Where foreground and active come from.
        public var source: ComposeLifecycleSource
        /// The name of the `ComposeUIViewController`: each controller of that name (one
        /// per scene) has its own owner.
        public var hostController: String
        /// How a new owner of the app-notification releases reads "active".
        public var initialActive: ComposeInitialActive
        /// UIWindowScene exists (iOS 13+): resolved from the session's version, not a
        /// config field.
        public var windowScenes: Bool

        public init(
            source: ComposeLifecycleSource = .sceneNotifications, hostController: String = "root",
            initialActive: ComposeInitialActive = .applicationState, windowScenes: Bool = true
        ) {
            self.source = source
            self.hostController = hostController
            self.initialActive = initialActive
            self.windowScenes = windowScenes
        }

        /// The source the lens follows: the configured one where it can exist; on iOS 12,
        /// which has no UIScene, the UIApplication notifications ([CMP-app]).
        public var effectiveSource: ComposeLifecycleSource { windowScenes ? source : .appNotifications }
    }

    public static func defaultOptions(hostController: String) -> Options { Options(hostController: hostController) }
    public static let optionMembers = ["source", "hostController", "initialActive"]
    public static let optionsName = "Compose Multiplatform's options"

    public static func options<F: ActionFields>(_ f: F, hostController: String) throws(F.Failure) -> Options {
        Options(
            source: try f.choice("source", ComposeLifecycleSource.self) ?? .sceneNotifications,
            hostController: try f.hostController() ?? hostController,
            initialActive: try f.choice("initialActive", ComposeInitialActive.self) ?? .applicationState)
    }

    public static func members(of options: Options) -> [JSONMember] {
        [
            JSONMember("source", .string(options.source.rawValue)),
            JSONMember("hostController", .string(options.hostController)),
            JSONMember("initialActive", .string(options.initialActive.rawValue)),
        ]
    }

    public static func options(_ options: Options, windowScenes: Bool) -> Options {
        var options = options
        options.windowScenes = windowScenes
        return options
    }

    public struct State: Sendable, Equatable {
        /// The live owners, by scene (nil: the sceneless app's window), in creation order.
        public var owners: [Owner] = []
    }

    /// One `LifecycleOwner` and the flags it derives its state from.
    public struct Owner: Sendable, Equatable {
        public var sceneId: String?
        public var isViewAppeared = false
        public var isForeground: Bool
        public var isActive: Bool
        public var current: ComposeLifecycleState = .initialized
    }

    public struct Event: LensEvent {
        public var event: ComposeLifecycleEvent
        /// The owner's controller (the host) and its scene (nil when sceneless).
        public var controller: String
        public var sceneId: String?

        public init(_ event: ComposeLifecycleEvent, controller: String, sceneId: String?) {
            self.event = event
            self.controller = controller
            self.sceneId = sceneId
        }

        public var method: ComposeLifecycleEvent { event }
        // [CMP-life]: every Compose item belongs to its host controller's owner.
        public var viewController: String? { controller }
    }

    /// Its items are a host controller's (and that window's scene's).
    public static let itemPlace = LensItemPlace.controller

    public typealias Method = ComposeLifecycleEvent

    public static let initialState = State()

    /// The host's appearance, UIScene notifications (a disconnection with either
    /// source), UIApplication ones with `appNotifications`, and the start.
    public static func inputs(_ options: Options) -> LensInputKinds {
        options.effectiveSource == .appNotifications
            ? [.processStart, .appearance, .scene, .application] : [.processStart, .appearance, .scene]
    }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        switch input {
        case .processStart:
            state = State()
        case .appearance(let call) where call.controller == options.hostController:
            appearance(call, &state, options, emit)
        case .scene(let note, let sceneId, _) where options.effectiveSource == .sceneNotifications:
            // [CMP-life] Scene(Foreground|Active)StateListener: only the owner's own scene.
            update(&state, options, emit) { owner in
                guard owner.sceneId == sceneId else { return }
                switch note {
                case .willEnterForeground: owner.isForeground = true
                case .didEnterBackground: owner.isForeground = false
                case .didActivate: owner.isActive = true
                case .willDeactivate: owner.isActive = false
                default: break
                }
            }
            disconnect(note, sceneId, &state, options, emit)
        case .scene(.didDisconnect, let sceneId, _):
            disconnect(.didDisconnect, sceneId, &state, options, emit)
        case .application(let note, _) where options.effectiveSource == .appNotifications:
            // [CMP-app] Application(Foreground|Active)StateListener: every owner.
            update(&state, options, emit) { owner in
                switch note {
                case .willEnterForeground: owner.isForeground = true
                case .didEnterBackground: owner.isForeground = false
                case .didBecomeActive: owner.isActive = true
                case .willResignActive: owner.isActive = false
                default: break
                }
            }
        default:
            break
        }
    }

    /// [CMP-life] composeContainerWillAppear / composeContainerDidDisappear, and the
    /// owner's creation at the first appearance.
    private static func appearance(
        _ call: ControllerAppearance, _ state: inout State, _ options: Options, _ emit: (Event) -> Void
    ) {
        if !state.owners.contains(where: { $0.sceneId == call.sceneId }) {
            guard call.event == .viewWillAppear else { return }
            state.owners.append(makeOwner(call, options))
        }
        update(&state, options, emit) { owner in
            guard owner.sceneId == call.sceneId else { return }
            switch call.event {
            case .viewWillAppear: owner.isViewAppeared = true
            case .viewDidDisappear: owner.isViewAppeared = false
            case .viewDidAppear, .viewWillDisappear: break
            }
        }
    }

    /// The flags an owner starts with.
    private static func makeOwner(_ call: ControllerAppearance, _ options: Options) -> Owner {
        switch options.effectiveSource {
        case .sceneNotifications:
            // [CMP-life] windowScene's setter: foreground is neither background nor
            // unattached (the later revision of SceneForegroundStateListener; the earlier
            // one counted unattached), active is foregroundActive.
            let scene = call.sceneState ?? implicitSceneState(call.appState)
            return Owner(
                sceneId: call.sceneId, isForeground: scene != .background && scene != .unattached,
                isActive: scene == .foregroundActive)
        case .appNotifications:
            // [CMP-app]: foreground is applicationState != background; active starts equal
            // to foreground in the code, so option `initialActive` (named choice).
            let foreground = call.appState != .background
            let active = options.initialActive == .sameAsForeground ? foreground : call.appState == .active
            return Owner(sceneId: call.sceneId, isForeground: foreground, isActive: active)
        }
    }

    /// A sceneless app's implicit window scene, read through applicationState (named choice).
    private static func implicitSceneState(_ appState: AppState) -> SceneState {
        switch appState {
        case .active: .foregroundActive
        case .inactive: .foregroundInactive
        case .background, .suspended, .notRunning: .background
        }
    }

    /// The scene's window (and its controller) goes away: the owner is destroyed.
    private static func disconnect(
        _ note: UISceneNotification, _ sceneId: String?, _ state: inout State, _ options: Options,
        _ emit: (Event) -> Void
    ) {
        guard note == .didDisconnect, let index = state.owners.firstIndex(where: { $0.sceneId == sceneId }) else {
            return
        }
        let owner = state.owners.remove(at: index)
        steps(owner, to: .destroyed, options, emit)
    }

    /// Applies `change` to every owner, then moves each to the state its flags give.
    private static func update(
        _ state: inout State, _ options: Options, _ emit: (Event) -> Void, _ change: (inout Owner) -> Void
    ) {
        for index in state.owners.indices {
            change(&state.owners[index])
            let owner = state.owners[index]
            let target = ComposeLifecycleState(
                appeared: owner.isViewAppeared, foreground: owner.isForeground, active: owner.isActive)
            steps(owner, to: target, options, emit)
            state.owners[index].current = target
        }
    }

    /// [AX-lifecycle] LifecycleRegistry.moveToState: one event per step, none for the same state.
    private static func steps(
        _ owner: Owner, to target: ComposeLifecycleState, _ options: Options, _ emit: (Event) -> Void
    ) {
        ComposeLifecycleState.forEachEvent(from: owner.current, to: target) { event in
            emit(Event(event, controller: options.hostController, sceneId: owner.sceneId))
        }
    }
}

/// androidx `Lifecycle.State`, in its order.
public enum ComposeLifecycleState: Int, Sendable, CaseIterable, Comparable {
    case destroyed
    case initialized
    case created
    case started
    case resumed

    /// [CMP-life] updateLifecycleState.
    init(appeared: Bool, foreground: Bool, active: Bool) {
        self = appeared && foreground ? (active ? .resumed : .started) : .created
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// [AX-lifecycle] the events between two states: up by ON_CREATE, ON_START,
    /// ON_RESUME; down by ON_PAUSE, ON_STOP, ON_DESTROY. Nothing leaves DESTROYED.
    public static func events(from: Self, to: Self) -> [ComposeLifecycleEvent] {
        var events: [ComposeLifecycleEvent] = []
        forEachEvent(from: from, to: to) { events.append($0) }
        return events
    }

    /// `events(from:to:)`, each handed to `body` in order (a lens step needs no list).
    static func forEachEvent(from: Self, to: Self, _ body: (ComposeLifecycleEvent) -> Void) {
        guard from != .destroyed else { return }
        var state = from
        while state < to, let up = ComposeLifecycleEvent.up(from: state) {
            body(up)
            state = Self(rawValue: state.rawValue + 1) ?? to
        }
        while state > to, let down = ComposeLifecycleEvent.down(from: state) {
            body(down)
            state = down == .onDestroy ? .destroyed : Self(rawValue: state.rawValue - 1) ?? to
        }
    }
}

/// androidx `Lifecycle.Event`, named as androidx spells it.
public enum ComposeLifecycleEvent: Int, LensMethod {
    public typealias Lens = ComposeMultiplatformLens
    case onCreate
    case onStart
    case onResume
    case onPause
    case onStop
    case onDestroy

    public var name: String {
        switch self {
        case .onCreate: "ON_CREATE"
        case .onStart: "ON_START"
        case .onResume: "ON_RESUME"
        case .onPause: "ON_PAUSE"
        case .onStop: "ON_STOP"
        case .onDestroy: "ON_DESTROY"
        }
    }

    static func up(from state: ComposeLifecycleState) -> Self? {
        switch state {
        case .initialized: .onCreate
        case .created: .onStart
        case .started: .onResume
        case .destroyed, .resumed: nil
        }
    }

    static func down(from state: ComposeLifecycleState) -> Self? {
        switch state {
        case .resumed: .onPause
        case .started: .onStop
        case .created: .onDestroy
        case .destroyed, .initialized: nil
        }
    }
}

/// How an owner of the app-notification releases ([CMP-app]) reads "active" when it is
/// created; the two differ only for a controller that appears while the app is inactive
/// (a sceneless app's launch).
public enum ComposeInitialActive: String, Sendable, CaseIterable {
    /// Active if `applicationState` is: RESUMED only once the app is active, the intent
    /// the releases state for STARTED, "visible but not active" ([CMP1319]); the default
    /// (named choice).
    case applicationState
    /// Active equal to foreground, as the code initialises it ([CMP-app]): a controller
    /// appearing in an inactive app is RESUMED at once, before didBecomeActive.
    case sameAsForeground
}

/// Where a Compose Multiplatform lifecycle owner learns foreground and active.
public enum ComposeLifecycleSource: String, Sendable, CaseIterable {
    /// The newest releases: its window scene's UIScene notifications ([CMP-life]).
    case sceneNotifications
    /// The earlier releases (2024–2025): the app's UIApplication notifications ([CMP-app]).
    case appNotifications
}
