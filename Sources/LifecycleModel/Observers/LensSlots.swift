/// Where `ObserverSnapshot` keeps the running lenses: one slot per framework, nil for a
/// framework the session does not observe (the config names each channel once).
///
/// Why slots and not an array of `ChannelLens`: the snapshot is copied at each action
/// (a refused action must leave the session's as it was), and copying or destroying an
/// array of the enum went through its value witnesses for every lens, each way; a
/// struct of optionals copies field by field (docs/architecture.md, "Observer machinery"). A lens also folds in its slot
/// in place, with no enum case to take it out of and put back.
struct LensSlots: Sendable, Equatable {
    var reactNative: LensRun<ReactNativeLens>?
    var flutter: LensRun<FlutterLens>?
    var capacitor: LensRun<CapacitorLens>?
    var cordova: LensRun<CordovaLens>?
    var maui: LensRun<MAUILens>?
    var composeMultiplatform: LensRun<ComposeMultiplatformLens>?

    /// Each lens of `lenses` in its channel's slot.
    init(_ lenses: [ChannelLens]) {
        for lens in lenses {
            switch lens {
            case .reactNative(let run): reactNative = run
            case .flutter(let run): flutter = run
            case .capacitor(let run): capacitor = run
            case .cordova(let run): cordova = run
            case .maui(let run): maui = run
            case .composeMultiplatform(let run): composeMultiplatform = run
            }
        }
    }

    /// A slot, as `LensRoute` names it.
    enum Slot: UInt8, Sendable {
        case reactNative, flutter, capacitor, cordova, maui, composeMultiplatform

        /// The slot of `channel`'s lens; nil for `notifications`, which has none.
        init?(_ channel: ObserverChannel) {
            switch channel {
            case .notifications: return nil
            case .reactNative: self = .reactNative
            case .flutter: self = .flutter
            case .capacitor: self = .capacitor
            case .cordova: self = .cordova
            case .maui: self = .maui
            case .composeMultiplatform: self = .composeMultiplatform
            }
        }
    }

    /// The lens of `channel`; nil when the session does not observe it (and for
    /// `notifications`, which has no lens).
    subscript(channel: ObserverChannel) -> ChannelLens? {
        switch channel {
        case .notifications: nil
        case .reactNative: reactNative.map(ChannelLens.reactNative)
        case .flutter: flutter.map(ChannelLens.flutter)
        case .capacitor: capacitor.map(ChannelLens.capacitor)
        case .cordova: cordova.map(ChannelLens.cordova)
        case .maui: maui.map(ChannelLens.maui)
        case .composeMultiplatform: composeMultiplatform.map(ChannelLens.composeMultiplatform)
        }
    }

    /// Folds one input into the lens in `slot`; appends the channel's items it produces
    /// to `callbacks`, in order, each in `itemState` (no array of events or items in between).
    mutating func observe(_ slot: Slot, _ input: LensInput, itemState: AppState, into callbacks: inout [Callback]) {
        switch slot {
        case .reactNative: reactNative?.observe(input) { Self.append($0, itemState, &callbacks) }
        case .flutter: flutter?.observe(input) { Self.append($0, itemState, &callbacks) }
        case .capacitor: capacitor?.observe(input) { Self.append($0, itemState, &callbacks) }
        case .cordova: cordova?.observe(input) { Self.append($0, itemState, &callbacks) }
        case .maui: maui?.observe(input) { Self.append($0, itemState, &callbacks) }
        case .composeMultiplatform:
            composeMultiplatform?.observe(input) { Self.append($0, itemState, &callbacks) }
        }
    }

    /// The item of `event` as a callback of its channel.
    private static func append(_ event: some LensEvent, _ itemState: AppState, _ callbacks: inout [Callback]) {
        callbacks.append(
            Callback(event.target, method: .framework(event.method), appState: itemState, arguments: event.arguments))
    }
}
