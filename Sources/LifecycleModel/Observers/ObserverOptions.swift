/// The version-dependent behaviour of the lenses that have any (config
/// `observerOptions`, keyed by channel). Unset: the lens's current release.
public struct ObserverOptions: Sendable, Equatable {
    /// By channel, each lens's options (its `Options`).
    private var byChannel: [ObserverChannel: any Sendable & Equatable] = [:]

    public init() {}

    /// The options of `lens`; nil when the config sets none.
    public subscript<Lens: FrameworkLens>(_ lens: Lens.Type) -> Lens.Options? {
        get { byChannel[Lens.channel] as? Lens.Options }
        set { byChannel[Lens.channel] = newValue }
    }

    /// The options set for `channel`, whatever the lens.
    func options(of channel: ObserverChannel) -> (any Sendable & Equatable)? { byChannel[channel] }

    /// The channels `observerOptions` may name: those whose lens has options to set.
    public static let channels: [ObserverChannel] = ObserverChannel.allCases.filter {
        !($0.lens?.optionMembers.isEmpty ?? true)
    }

    /// Whether nothing is set (the config omits `observerOptions` then).
    public var isEmpty: Bool { byChannel.isEmpty }

    /// The running lens of `channel` with these options (the defaults where unset);
    /// nil for `notifications`, which is not a lens. `windowScenes`: UIWindowScene
    /// exists in the session's iOS version (13+), on which a lens's options may depend.
    public func lens(
        for channel: ObserverChannel, hostController: String, windowScenes: Bool = true
    ) -> RunningLens? {
        channel.running(options: byChannel[channel], hostController: hostController, windowScenes: windowScenes)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.byChannel.count == b.byChannel.count
            && a.byChannel.allSatisfy { channel, options in
                b.byChannel[channel].map { options.isEqual(to: $0) } ?? false
            }
    }
}

extension Equatable {
    /// Whether `other` is a value of this type equal to this one.
    fileprivate func isEqual(to other: any Equatable) -> Bool {
        (other as? Self) == self
    }
}
