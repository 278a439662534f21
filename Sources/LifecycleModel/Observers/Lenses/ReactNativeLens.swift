/// React Native's `AppState` ([RN-appstate]): `RCTAppState` observes five
/// UIApplication notifications and the memory warning, maps each to a state string
/// and sends `appStateDidChange` to JavaScript only when the string differs from the
/// last one it sent; `AppState.js` hands it to `change` listeners.
///
/// Scene apps see the aggregate app-level notifications (the module observes no
/// UIScene notification). Nothing is heard while the process's first turn runs
/// (`ScriptBridgeReadiness`), so no `change` fires at launch.
public enum ReactNativeLens: FrameworkLens {
    public static let channel = ObserverChannel.reactNative

    /// React Native has no version-dependent behaviour the sources show.
    public struct Options: Sendable, Equatable, LensWithoutOptions {
        public init() {}
    }

    public struct State: Sendable, Equatable {
        public var readiness = ScriptBridgeReadiness.noProcess
        /// `RCTAppState._lastKnownState`: nil until the first notification the module
        /// hears, so that one is always sent ([RN-appstate]).
        public var lastKnownState: ReactNativeAppState?
    }

    /// The `AppState` events.
    public enum Method: Int, LensMethod {
        public typealias Lens = ReactNativeLens
        case change
        case memoryWarning
    }

    public enum Event: LensEvent {
        /// `AppState` `change` with the new state (`args.state`).
        case change(ReactNativeAppState)
        /// `AppState` `memoryWarning`.
        case memoryWarning

        public var method: Method {
            switch self {
            case .change: .change
            case .memoryWarning: .memoryWarning
            }
        }

        public var arguments: CallbackArguments {
            switch self {
            case .change(let state): .observer(.reactNativeState(state))
            case .memoryWarning: .none
            }
        }
    }

    public static let initialState = State()

    /// UIApplication notifications; the start and the turns' ends for `ScriptBridgeReadiness`.
    public static func inputs(_ options: Options) -> LensInputKinds { [.processStart, .application, .endOfTurn] }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        if case .processStart = input { state.lastKnownState = nil }
        guard state.readiness.hears(input), case .application(let note, let appState) = input else { return }
        let newState: ReactNativeAppState
        switch note {
        // [RN-appstate] handleMemoryWarning: sent as is, never deduplicated.
        case .didReceiveMemoryWarning: return emit(.memoryWarning)
        // [RN-appstate] handleAppStateDidChange: resign is "inactive" and
        // willEnterForeground "background" whatever applicationState says…
        case .willResignActive: newState = .inactive
        case .willEnterForeground: newState = .background
        // …the other three read applicationState as the observer runs.
        case .didBecomeActive, .didEnterBackground, .didFinishLaunching: newState = ReactNativeAppState(appState)
        // willTerminate and the rest are not observed: no event for termination.
        default: return
        }
        // [RN-appstate]: only a value different from the last one sent goes out.
        guard newState != state.lastKnownState else { return }
        state.lastKnownState = newState
        emit(.change(newState))
    }
}

/// The `AppState` strings `RCTCurrentAppState` produces on iOS ([RN-appstate]).
public enum ReactNativeAppState: String, Sendable, CaseIterable {
    case active
    case background
    case inactive
    /// The fallback for an `applicationState` the module has no string for (never
    /// while the process runs code).
    case unknown

    init(_ appState: AppState) {
        switch appState {
        case .active: self = .active
        case .inactive: self = .inactive
        case .background: self = .background
        case .notRunning, .suspended: self = .unknown
        }
    }
}
