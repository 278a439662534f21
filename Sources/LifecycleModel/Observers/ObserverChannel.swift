/// The observer channels a session can ask for (config `observers`): the
/// NotificationCenter notifications themselves, and six frameworks' views of them.
/// The raw value is the name in the config and the `receiver` of the channel's items.
///
/// A framework lens is its file (`Observers/Lenses/`) and a case here, with its line
/// in `lens`: everything else that lists the channels is derived from these.
public enum ObserverChannel: String, Sendable, CaseIterable {
    /// The UIApplication, UIScene and UIWindow notifications (no lens: the
    /// notification poster produces them).
    case notifications
    case reactNative
    case flutter
    case capacitor
    case cordova
    case maui
    case composeMultiplatform

    /// The lens that makes the channel's items; nil for `notifications`, which the
    /// notification poster makes.
    public var lens: (any FrameworkLens.Type)? {
        switch self {
        case .notifications: nil
        case .reactNative: ReactNativeLens.self
        case .flutter: FlutterLens.self
        case .capacitor: CapacitorLens.self
        case .cordova: CordovaLens.self
        case .maui: MAUILens.self
        case .composeMultiplatform: ComposeMultiplatformLens.self
        }
    }

    /// Its place in `allCases` (`CallbackMethodTests.enumIndicesFollowAllCases` holds
    /// the numbers to it); the tables of receivers and events are indexed by it.
    var ordinal: Int {
        switch self {
        case .notifications: 0
        case .reactNative: 1
        case .flutter: 2
        case .capacitor: 3
        case .cordova: 4
        case .maui: 5
        case .composeMultiplatform: 6
        }
    }

    /// The channel's lens, running with its default options; nil for `notifications`.
    public var defaultLens: (any RunningLens)? {
        lens.map { $0.run(hostController: "root") }
    }
}

extension FrameworkLens {
    /// The lens running with `options`, or its defaults for `hostController`, in a
    /// session with UIWindowScene or without (`windowScenes`).
    static func run(options: (any Sendable)? = nil, hostController: String, windowScenes: Bool = true)
        -> any RunningLens
    {
        let chosen = options as? Options ?? defaultOptions(hostController: hostController)
        return LensRun<Self>(options: Self.options(chosen, windowScenes: windowScenes))
    }
}
