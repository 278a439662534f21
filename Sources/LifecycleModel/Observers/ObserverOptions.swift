/// The version-dependent behaviour of the lenses that have any (config
/// `observerOptions`, keyed by channel). Unset: the lens's current release.
public struct ObserverOptions: Sendable, Equatable {
    /// Flutter's framework generation, resumed timing and host controller.
    public var flutter: FlutterLens.Options?
    /// Compose Multiplatform's source of foreground/active and host controller.
    public var composeMultiplatform: ComposeMultiplatformLens.Options?

    public init(flutter: FlutterLens.Options? = nil, composeMultiplatform: ComposeMultiplatformLens.Options? = nil) {
        self.flutter = flutter
        self.composeMultiplatform = composeMultiplatform
    }

    /// The channels `observerOptions` may name: those whose lens has options.
    public static let channels: [ObserverChannel] = [.flutter, .composeMultiplatform]

    /// Whether nothing is set (the config omits `observerOptions` then).
    public var isEmpty: Bool { flutter == nil && composeMultiplatform == nil }

    /// The running lens of `channel` with these options (the defaults where unset);
    /// nil for `notifications`, which is not a lens. `windowScenes`: UIWindowScene
    /// exists in the session's iOS version (13+), which Compose's source depends on.
    public func lens(for channel: ObserverChannel, hostController: String, windowScenes: Bool = true) -> ChannelLens? {
        switch channel {
        case .flutter:
            return .flutter(LensRun(options: flutter ?? FlutterLens.Options(hostController: hostController)))
        case .composeMultiplatform:
            var options = composeMultiplatform ?? ComposeMultiplatformLens.Options(hostController: hostController)
            options.windowScenes = windowScenes
            return .composeMultiplatform(LensRun(options: options))
        default:
            return channel.defaultLens
        }
    }
}
