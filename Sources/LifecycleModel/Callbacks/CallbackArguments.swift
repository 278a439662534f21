/// A callback's arguments as the model keeps them (`Callback.arguments`; the wire's
/// `args`): none, a JSON object, or an observer item's argument in typed form.
///
/// Why typed: a lens item's argument is one of a dozen small objects
/// (`{"state":"inactive"}`, `{"isActive":true}`), so the item says which one it is and
/// the wire writes it from its own encoding (docs/architecture.md). Two values are
/// equal when their JSON is.
public enum CallbackArguments: Sendable {
    case none
    case json(JSONValue)
    case observer(ObserverArgument)

    /// The arguments as JSON (the wire's `args`); nil when there are none.
    public var json: JSONValue? {
        switch self {
        case .none: nil
        case .json(let value): value
        case .observer(let argument): argument.json
        }
    }

    /// `args` as a JSON value, or none.
    public init(_ json: JSONValue?) {
        if let json { self = .json(json) } else { self = .none }
    }
}

extension CallbackArguments: Equatable {
    /// Equal when they write the same JSON: a typed argument equals its JSON spelling.
    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case (.observer(let x), .observer(let y)): x == y
        default: a.json == b.json
        }
    }
}

/// The argument of an observer channel's item (issue #20; docs/observers.md), typed:
/// React Native's and Flutter's `state`, Capacitor's `isActive`.
public enum ObserverArgument: Sendable, Equatable {
    /// React Native `change` ([RN-appstate]): `{"state": …}`.
    case reactNativeState(ReactNativeAppState)
    /// Flutter `didChangeAppLifecycleState` ([FL-binding]): `{"state": …}`.
    case flutterState(FlutterAppLifecycleState)
    /// Capacitor `appStateChange` ([CAP-app]): `{"isActive": …}`.
    case isActive(Bool)

    /// Its JSON object (the wire's `args`).
    public var json: JSONValue {
        switch self {
        case .reactNativeState(let state): .object(["state": .string(state.rawValue)])
        case .flutterState(let state): .object(["state": .string(state.rawValue)])
        case .isActive(let isActive): .object(["isActive": .bool(isActive)])
        }
    }

    /// Every argument, in the order of `index`.
    public static let allCases: [ObserverArgument] =
        ReactNativeAppState.allCases.map(Self.reactNativeState)
        + FlutterAppLifecycleState.allCases.map(Self.flutterState)
        + [.isActive(false), .isActive(true)]

    /// Its place in `allCases`, for tables indexed by argument (the wire's pre-encoded `args`).
    public var index: Int {
        let flutter = ReactNativeAppState.allCases.count
        let capacitor = flutter + FlutterAppLifecycleState.allCases.count
        switch self {
        case .reactNativeState(let state): return Self.position(of: state)
        case .flutterState(let state): return flutter + Self.position(of: state)
        case .isActive(let isActive): return capacitor + (isActive ? 1 : 0)
        }
    }

    private static func position(of state: ReactNativeAppState) -> Int {
        switch state {
        case .active: 0
        case .background: 1
        case .inactive: 2
        case .unknown: 3
        }
    }

    private static func position(of state: FlutterAppLifecycleState) -> Int {
        switch state {
        case .detached: 0
        case .resumed: 1
        case .inactive: 2
        case .hidden: 3
        case .paused: 4
        }
    }
}
