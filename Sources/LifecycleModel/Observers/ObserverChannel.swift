/// The observer channels a session can ask for (config `observers`): the
/// NotificationCenter notifications themselves, and six frameworks' views of them.
/// The raw value is the name in the config and the `receiver` of the channel's items.
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

    /// The channel's lens with its default options (the current release); nil for
    /// `notifications`, which is not a lens.
    public var defaultLens: ChannelLens? {
        switch self {
        case .notifications: nil
        case .reactNative: .reactNative(LensRun(options: .init()))
        case .flutter: .flutter(LensRun(options: .init()))
        case .capacitor: .capacitor(LensRun(options: .init()))
        case .cordova: .cordova(LensRun(options: .init()))
        case .maui: .maui(LensRun(options: .init()))
        case .composeMultiplatform: .composeMultiplatform(LensRun(options: .init()))
        }
    }
}

/// The running lens of one channel, for code that handles every channel alike (the
/// session keeps one per observed framework). A new framework is a lens file, a case
/// of `ObserverChannel` and a case here.
public enum ChannelLens: Sendable, Equatable {
    case reactNative(LensRun<ReactNativeLens>)
    case flutter(LensRun<FlutterLens>)
    case capacitor(LensRun<CapacitorLens>)
    case cordova(LensRun<CordovaLens>)
    case maui(LensRun<MAUILens>)
    case composeMultiplatform(LensRun<ComposeMultiplatformLens>)

    /// The channel this lens produces items for.
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
        case .reactNative(let run): run.inputs
        case .flutter(let run): run.inputs
        case .capacitor(let run): run.inputs
        case .cordova(let run): run.inputs
        case .maui(let run): run.inputs
        case .composeMultiplatform(let run): run.inputs
        }
    }

    /// What a lens's case holds while its run folds outside it: a lens without heap
    /// storage, so that the run's arrays and dictionaries change in place instead of
    /// being copied on every input that changes them.
    private static let vacant = ChannelLens.capacitor(LensRun(options: .init()))

    /// Folds one input; appends the channel's items it produces to `callbacks`, in
    /// order, each in `itemState` (the tap's path: no array of events or items in between).
    mutating func observe(_ input: LensInput, itemState: AppState, into callbacks: inout [Callback]) {
        switch self {
        case .reactNative(var run):
            defer { self = .reactNative(run) }
            run.observe(input) { Self.append($0, .reactNative, itemState, &callbacks) }
        case .flutter(var run):
            defer { self = .flutter(run) }
            run.observe(input) { Self.append($0, .flutter, itemState, &callbacks) }
        case .capacitor(var run):
            defer { self = .capacitor(run) }
            run.observe(input) { Self.append($0, .capacitor, itemState, &callbacks) }
        case .cordova(var run):
            self = Self.vacant
            defer { self = .cordova(run) }
            run.observe(input) { Self.append($0, .cordova, itemState, &callbacks) }
        case .maui(var run):
            self = Self.vacant
            defer { self = .maui(run) }
            run.observe(input) { Self.append($0, .maui, itemState, &callbacks) }
        case .composeMultiplatform(var run):
            self = Self.vacant
            defer { self = .composeMultiplatform(run) }
            run.observe(input) { Self.append($0, .composeMultiplatform, itemState, &callbacks) }
        }
    }

    /// The item of `event` as a callback of `channel`.
    private static func append(
        _ event: some LensEvent, _ channel: ObserverChannel, _ itemState: AppState, _ callbacks: inout [Callback]
    ) {
        let item = event.observation
        callbacks.append(
            Callback(
                CallbackTarget(channel, item), method: .framework(item.method), appState: itemState,
                arguments: item.arguments))
    }

    /// Folds one input; returns the channel's items it produces, in order.
    public mutating func observe(_ input: LensInput) -> [LensObservation] {
        switch self {
        case .reactNative(var run):
            defer { self = .reactNative(run) }
            return run.observe(input).map(\.observation)
        case .flutter(var run):
            defer { self = .flutter(run) }
            return run.observe(input).map(\.observation)
        case .capacitor(var run):
            defer { self = .capacitor(run) }
            return run.observe(input).map(\.observation)
        case .cordova(var run):
            self = Self.vacant  // `run` holds the only reference to its state's storage
            defer { self = .cordova(run) }
            return run.observe(input).map(\.observation)
        case .maui(var run):
            self = Self.vacant  // `run` holds the only reference to its state's storage
            defer { self = .maui(run) }
            return run.observe(input).map(\.observation)
        case .composeMultiplatform(var run):
            self = Self.vacant  // `run` holds the only reference to its state's storage
            defer { self = .composeMultiplatform(run) }
            return run.observe(input).map(\.observation)
        }
    }
}
