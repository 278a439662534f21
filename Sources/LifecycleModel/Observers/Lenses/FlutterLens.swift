/// Flutter's `AppLifecycleState` and `AppLifecycleListener` on iOS: the engine's
/// `FlutterViewController` turns UIApplication notifications and its own appearance
/// into messages on the lifecycle channel ([FL-engine]); the framework's
/// `ServicesBinding` turns each message into the states on the way to it and tells
/// `WidgetsBindingObserver.didChangeAppLifecycleState` ([FL-binding]); an
/// `AppLifecycleListener` adds one callback per step ([FL-listener]).
///
/// The engine's messages (the `FlutterViewController` is `hostController`):
/// viewWillAppear → inactive; viewDidAppear → resumed if applicationState is active;
/// viewWillDisappear → inactive; viewDidDisappear → paused. Notifications, only
/// while the controller's view is in a window: didBecomeActive → resumed (deferred to
/// the end of the turn, cancelled by a resign in between); willResignActive →
/// inactive; didEnterBackground → paused; willEnterForeground → inactive;
/// willTerminate → detached. App-wide in scene apps: an app observes UIApplication
/// notifications (the UIScene ones only in app extensions).
public enum FlutterLens: FrameworkLens {
    public static let channel = ObserverChannel.flutter

    public struct Options: Sendable, Equatable {
        /// The Dart framework's handling of the messages.
        public var framework: FlutterFrameworkGeneration
        /// When the engine sends `resumed` for didBecomeActive.
        public var resumedTiming: FlutterResumedTiming
        /// The name of the `FlutterViewController` (the engine's view controller). In a
        /// scene app the one in the first scene that shows it is the engine's; one of
        /// that name in another scene belongs to another engine and is not observed.
        public var hostController: String

        public init(
            framework: FlutterFrameworkGeneration = .since313, resumedTiming: FlutterResumedTiming = .deferred,
            hostController: String = "root"
        ) {
            self.framework = framework
            self.resumedTiming = resumedTiming
            self.hostController = hostController
        }
    }

    public static func defaultOptions(hostController: String) -> Options { Options(hostController: hostController) }
    public static let optionMembers = ["framework", "resumedTiming", "hostController"]
    public static let optionsName = "Flutter's options"

    public static func options<F: ActionFields>(_ f: F, hostController: String) throws(F.Failure) -> Options {
        Options(
            framework: try f.choice("framework", FlutterFrameworkGeneration.self) ?? .since313,
            resumedTiming: try f.choice("resumedTiming", FlutterResumedTiming.self) ?? .deferred,
            hostController: try f.hostController() ?? hostController)
    }

    public static func members(of options: Options) -> [JSONMember] {
        [
            JSONMember("framework", .string(options.framework.rawValue)),
            JSONMember("resumedTiming", .string(options.resumedTiming.rawValue)),
            JSONMember("hostController", .string(options.hostController)),
        ]
    }

    public struct State: Sendable, Equatable {
        /// `ServicesBinding.lifecycleState`: nil until the first message.
        public var lifecycleState: FlutterAppLifecycleState?
        /// A `resumed` queued with `performSelector:afterDelay:0` ([FL-engine]).
        public var resumedPending = false
        /// The engine's view controller once it has appeared: its scene (nil when sceneless).
        public var hostScene: HostScene?
        /// `viewIfLoaded.window != nil` for the engine's view controller: from its
        /// viewWillAppear to its viewDidDisappear or its scene's disconnection.
        public var hostInWindow = false
    }

    /// Which scene the engine's view controller is in.
    public struct HostScene: Sendable, Equatable {
        public var sceneId: String?
    }

    /// The observer's method and the listener's callbacks.
    public enum Method: Int, LensMethod {
        public typealias Lens = FlutterLens
        case didChangeAppLifecycleState
        case onResume
        case onInactive
        case onHide
        case onShow
        case onPause
        case onRestart
        case onDetach
    }

    public enum Event: LensEvent {
        /// `WidgetsBindingObserver.didChangeAppLifecycleState` with `args.state`.
        case didChangeAppLifecycleState(FlutterAppLifecycleState)
        /// The `AppLifecycleListener` callback the step triggers.
        case listener(FlutterListenerCallback)

        public var method: Method {
            switch self {
            case .didChangeAppLifecycleState: .didChangeAppLifecycleState
            case .listener(let callback): callback.method
            }
        }

        public var arguments: CallbackArguments {
            switch self {
            case .didChangeAppLifecycleState(let state): .observer(.flutterState(state))
            case .listener: .none
            }
        }
    }

    public static let initialState = State()

    /// The host's appearance, UIApplication notifications, a scene's disconnection, the
    /// turns' ends (the deferred `resumed`) and the start.
    public static func inputs(_ options: Options) -> LensInputKinds {
        [.processStart, .appearance, .application, .scene, .endOfTurn]
    }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        switch input {
        case .processStart:
            state = State()
        case .appearance(let call):
            appearance(call, &state, options, emit)
        case .application(let note, _):
            notification(note, &state, options, emit)
        case .scene(.didDisconnect, let sceneId, _):
            // The window goes with its scene; a later host in another scene is the engine's.
            if let host = state.hostScene, host.sceneId == sceneId {
                state.hostScene = nil
                state.hostInWindow = false
            }
        case .endOfTurn:
            guard state.resumedPending else { return }
            state.resumedPending = false
            // [FL-engine] goToApplicationLifecycle checks the window when the deferred call runs.
            if state.hostInWindow { deliver(.resumed, &state, options, emit) }
        default:
            break
        }
    }

    /// [FL-engine] viewWillAppear / viewDidAppear / viewWillDisappear / viewDidDisappear,
    /// each only when the controller is the engine's (`engine.viewController == self`).
    private static func appearance(
        _ call: ControllerAppearance, _ state: inout State, _ options: Options, _ emit: (Event) -> Void
    ) {
        guard call.controller == options.hostController else { return }
        if let host = state.hostScene {
            guard host.sceneId == call.sceneId else { return }
        } else {
            state.hostScene = HostScene(sceneId: call.sceneId)
        }
        switch call.event {
        case .viewWillAppear:
            state.hostInWindow = true
            deliver(.inactive, &state, options, emit)
        case .viewDidAppear:
            if call.appState == .active { deliver(.resumed, &state, options, emit) }
        case .viewWillDisappear:
            deliver(.inactive, &state, options, emit)
        case .viewDidDisappear:
            state.hostInWindow = false
            deliver(.paused, &state, options, emit)
        }
    }

    /// [FL-engine] the five UIApplication observers, through goToApplicationLifecycle
    /// (sent only while the view is in a window).
    private static func notification(
        _ note: UIApplicationNotification, _ state: inout State, _ options: Options, _ emit: (Event) -> Void
    ) {
        let message: FlutterAppLifecycleState
        switch note {
        case .didBecomeActive:
            if options.resumedTiming == .deferred {
                state.resumedPending = true
                return
            }
            message = .resumed
        case .willResignActive:
            // [FL44947]: a resign in the same turn cancels the pending resumed.
            state.resumedPending = false
            message = .inactive
        case .didEnterBackground: message = .paused
        case .willEnterForeground: message = .inactive
        case .willTerminate: message = .detached
        default: return
        }
        if state.hostInWindow { deliver(message, &state, options, emit) }
    }

    /// The framework's handling of one lifecycle message.
    private static func deliver(
        _ message: FlutterAppLifecycleState, _ state: inout State, _ options: Options, _ emit: (Event) -> Void
    ) {
        switch options.framework {
        case .before313:
            // [FL-binding] (before 3.13): the message becomes the state as is, every
            // time, and there is no AppLifecycleListener.
            state.lifecycleState = message
            emit(.didChangeAppLifecycleState(message))
        case .since313:
            var previous = state.lifecycleState
            forEachTransition(from: previous, to: message) { step in
                emit(.didChangeAppLifecycleState(step))
                if let callback = FlutterListenerCallback(from: previous, to: step) {
                    emit(.listener(callback))
                }
                previous = step
            }
            state.lifecycleState = previous
        }
    }

    /// [FL-binding] `_generateStateTransitions`: nothing for a repeat; straight to the
    /// state from no state; otherwise every state on the way along the declaration
    /// order (detached, resumed, inactive, hidden, paused), and to detached by way of
    /// every state after the current one.
    public static func transitions(
        from previous: FlutterAppLifecycleState?, to state: FlutterAppLifecycleState
    ) -> [FlutterAppLifecycleState] {
        var steps: [FlutterAppLifecycleState] = []
        forEachTransition(from: previous, to: state) { steps.append($0) }
        return steps
    }

    /// `transitions(from:to:)` handed to `body` one by one, as the fold walks them for
    /// every message.
    static func forEachTransition(
        from previous: FlutterAppLifecycleState?, to state: FlutterAppLifecycleState,
        _ body: (FlutterAppLifecycleState) -> Void
    ) {
        guard previous != state else { return }
        guard let previous else { return body(state) }
        let from = previous.rank
        let to = state.rank
        if state == .detached {
            for rank in (from + 1)..<FlutterAppLifecycleState.count { body(FlutterAppLifecycleState(rank: rank)) }
            return body(.detached)
        }
        if from > to {
            for rank in (to..<from).reversed() { body(FlutterAppLifecycleState(rank: rank)) }
        } else {
            for rank in (from + 1)...to { body(FlutterAppLifecycleState(rank: rank)) }
        }
    }
}

/// Dart's `AppLifecycleState`, in its declaration order (the order the framework walks).
public enum FlutterAppLifecycleState: String, Sendable, CaseIterable {
    case detached
    case resumed
    case inactive
    case hidden
    case paused

    /// How many states there are (`allCases.count`, without building the array).
    static var count: Int { 5 }

    /// The state's position in the declaration order (the order the framework walks).
    var rank: Int {
        switch self {
        case .detached: 0
        case .resumed: 1
        case .inactive: 2
        case .hidden: 3
        case .paused: 4
        }
    }

    /// The state at position `rank` of the declaration order (0 ..< `count`).
    init(rank: Int) {
        switch rank {
        case 0: self = .detached
        case 1: self = .resumed
        case 2: self = .inactive
        case 3: self = .hidden
        default: self = .paused
        }
    }
}

/// The `AppLifecycleListener` callbacks ([FL-listener]).
public enum FlutterListenerCallback: String, Sendable, CaseIterable {
    case onResume
    case onInactive
    case onHide
    case onShow
    case onPause
    case onRestart
    case onDetach

    /// The lens's method of the callback.
    var method: FlutterLens.Method {
        switch self {
        case .onResume: .onResume
        case .onInactive: .onInactive
        case .onHide: .onHide
        case .onShow: .onShow
        case .onPause: .onPause
        case .onRestart: .onRestart
        case .onDetach: .onDetach
        }
    }

    /// [FL-listener] didChangeAppLifecycleState: the callback for one step, nil when
    /// the step has none (the listener starts with no state).
    init?(from previous: FlutterAppLifecycleState?, to state: FlutterAppLifecycleState) {
        switch (previous, state) {
        case (_, .resumed): self = .onResume
        case (.hidden, .inactive): self = .onShow
        case (nil, .inactive), (.resumed, .inactive): self = .onInactive
        case (.paused, .hidden): self = .onRestart
        case (nil, .hidden), (.inactive, .hidden): self = .onHide
        case (nil, .paused), (.hidden, .paused): self = .onPause
        case (_, .detached): self = .onDetach
        default: return nil
        }
    }
}

/// The Dart framework's handling of lifecycle messages.
public enum FlutterFrameworkGeneration: String, Sendable, CaseIterable {
    /// Flutter 3.13 and later: `hidden`, the generated steps, no repeats, and
    /// `AppLifecycleListener` ([FL-binding], [FL-listener]).
    case since313 = "since3.13"
    /// Before 3.13: no `hidden`, no `AppLifecycleListener`; every message reaches the
    /// observers as is, repeats included ([FL-binding]).
    case before313 = "before3.13"
}

/// When the engine sends `resumed` after `UIApplication.didBecomeActiveNotification`.
public enum FlutterResumedTiming: String, Sendable, CaseIterable {
    /// The newest engine: at the end of the turn, and not at all if the app resigns
    /// active first ([FL-engine], [FL44947]).
    case deferred
    /// Older engines (3.27 still, per [FL60683]): at once, so locking the phone shows
    /// inactive, resumed, inactive.
    case immediate
}
