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
/// session keeps one per observed framework, in its slot of `LensSlots`). A new
/// framework is a lens file, a case of `ObserverChannel`, a case here and a slot there.
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

    /// Folds one input; returns the channel's items it produces, in order. The run is
    /// moved out of the case and back (`consume self`), not copied, so that its state's
    /// arrays stay unique and change in place.
    public mutating func observe(_ input: LensInput) -> [LensObservation] {
        switch consume self {
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
            defer { self = .cordova(run) }
            return run.observe(input).map(\.observation)
        case .maui(var run):
            defer { self = .maui(run) }
            return run.observe(input).map(\.observation)
        case .composeMultiplatform(var run):
            defer { self = .composeMultiplatform(run) }
            return run.observe(input).map(\.observation)
        }
    }
}
