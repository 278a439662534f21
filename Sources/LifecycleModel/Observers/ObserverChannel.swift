/// The observer channels a session can ask for (config `observers`): the
/// NotificationCenter notifications themselves, and six frameworks' views of them.
/// The raw value is the name in the config and the `receiver` of the channel's items.
///
/// A framework lens is its file (`Observers/Lenses/`), a case here with its line in
/// `lens`, and a case of `RunningLens` below: everything else that lists the channels
/// is derived from these, and the compiler points at each switch to extend.
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
    public var defaultLens: RunningLens? {
        running(options: nil, hostController: "root", windowScenes: true)
    }

    /// The channel's lens running with `options`, or its defaults for `hostController`,
    /// in a session with UIWindowScene or without (`windowScenes`); nil for
    /// `notifications`.
    func running(options: (any Sendable)?, hostController: String, windowScenes: Bool) -> RunningLens? {
        func run<Lens: FrameworkLens>(_: Lens.Type) -> LensRun<Lens> {
            let chosen = options as? Lens.Options ?? Lens.defaultOptions(hostController: hostController)
            return LensRun(options: Lens.options(chosen, windowScenes: windowScenes))
        }
        switch self {
        case .notifications: return nil
        case .reactNative: return .reactNative(run(ReactNativeLens.self))
        case .flutter: return .flutter(run(FlutterLens.self))
        case .capacitor: return .capacitor(run(CapacitorLens.self))
        case .cordova: return .cordova(run(CordovaLens.self))
        case .maui: return .maui(run(MAUILens.self))
        case .composeMultiplatform: return .composeMultiplatform(run(ComposeMultiplatformLens.self))
        }
    }
}

/// A running lens of any framework, with its options and state: what a session keeps
/// per observed framework (`ObserverSnapshot.lenses`, in the config's order). One case
/// a lens, each a concrete `LensRun`, so that the tap's calls go to each lens's own
/// code through a switch the compiler checks (no `default:`).
public enum RunningLens: Sendable, Equatable {
    case reactNative(LensRun<ReactNativeLens>)
    case flutter(LensRun<FlutterLens>)
    case capacitor(LensRun<CapacitorLens>)
    case cordova(LensRun<CordovaLens>)
    case maui(LensRun<MAUILens>)
    case composeMultiplatform(LensRun<ComposeMultiplatformLens>)

    /// The channel the lens produces items for.
    public var channel: ObserverChannel {
        switch self {
        case .reactNative: ReactNativeLens.channel
        case .flutter: FlutterLens.channel
        case .capacitor: CapacitorLens.channel
        case .cordova: CordovaLens.channel
        case .maui: MAUILens.channel
        case .composeMultiplatform: ComposeMultiplatformLens.channel
        }
    }

    /// The kinds of input the lens acts on (`FrameworkLens.inputs`).
    public var inputs: LensInputKinds {
        switch self {
        case .reactNative(let run): ReactNativeLens.inputs(run.options)
        case .flutter(let run): FlutterLens.inputs(run.options)
        case .capacitor(let run): CapacitorLens.inputs(run.options)
        case .cordova(let run): CordovaLens.inputs(run.options)
        case .maui(let run): MAUILens.inputs(run.options)
        case .composeMultiplatform(let run): ComposeMultiplatformLens.inputs(run.options)
        }
    }

    /// Folds one input; appends the channel's items it produces to `items`, each in
    /// `itemState`. The run is moved out of its case and back, so its state changes in place.
    mutating func observe(_ input: LensInput, itemState: AppState, into items: inout [Callback]) {
        switch consume self {
        case .reactNative(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .reactNative(run)
        case .flutter(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .flutter(run)
        case .capacitor(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .capacitor(run)
        case .cordova(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .cordova(run)
        case .maui(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .maui(run)
        case .composeMultiplatform(var run):
            run.observe(input, itemState: itemState, into: &items)
            self = .composeMultiplatform(run)
        }
    }

    /// Folds one input; returns the channel's items it produces, in order.
    public mutating func observations(_ input: LensInput) -> [LensObservation] {
        switch consume self {
        case .reactNative(var run):
            defer { self = .reactNative(run) }
            return run.observations(input)
        case .flutter(var run):
            defer { self = .flutter(run) }
            return run.observations(input)
        case .capacitor(var run):
            defer { self = .capacitor(run) }
            return run.observations(input)
        case .cordova(var run):
            defer { self = .cordova(run) }
            return run.observations(input)
        case .maui(var run):
            defer { self = .maui(run) }
            return run.observations(input)
        case .composeMultiplatform(var run):
            defer { self = .composeMultiplatform(run) }
            return run.observations(input)
        }
    }
}
