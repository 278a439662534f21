/// What a framework lens delivers to app code (issue #20; docs/observers.md): one of
/// its lens's methods (`FrameworkLens.Method`), with the channel that hears it. The
/// names are each framework's own spelling (the wire's `method`): React Native's
/// `change` ([RN-appstate]), Flutter's `didChangeAppLifecycleState` ([FL-binding],
/// [FL-listener]), Capacitor's `appStateChange` ([CAP-app]), Cordova's `resume`
/// ([CDV-vc]), MAUI's `Activated` ([MAUI-life]), androidx's `ON_RESUME` ([CMP-life]).
/// None has an Objective-C selector.
public struct FrameworkEvent: Sendable, Hashable {
    /// The channel whose lens delivers it.
    public let channel: ObserverChannel
    /// Its place in its lens's `Method.allCases` (a lens has a handful).
    let number: UInt8

    /// The event of lens method `method`.
    public init<Method: LensMethod>(_ method: Method) {
        channel = Method.Lens.channel
        number = UInt8(truncatingIfNeeded: method.rawValue)
    }

    private init(channel: ObserverChannel, number: UInt8) {
        self.channel = channel
        self.number = number
    }

    /// The framework's spelling (the wire's `method`).
    public var name: String {
        let names = Self.names[channel] ?? []
        return Int(number) < names.count ? names[Int(number)] : ""
    }

    /// Framework events are not Objective-C methods.
    public var selector: String? { nil }

    /// Every event, channel by channel in `ObserverChannel` order, each lens's in its
    /// `Method` order.
    public static let allCases: [FrameworkEvent] = ObserverChannel.allCases.flatMap { channel in
        (Self.names[channel] ?? []).indices.map { FrameworkEvent(channel: channel, number: UInt8($0)) }
    }

    /// Its place in `allCases`.
    var index: Int { Self.firstIndex[channel.ordinal] + Int(number) }

    /// By channel, its lens's method names in order.
    private static let names: [ObserverChannel: [String]] = Dictionary(
        uniqueKeysWithValues: ObserverChannel.allCases.compactMap { channel in
            channel.lens.map { (channel, methodNames(of: $0)) }
        })

    /// By channel, in `ObserverChannel` order, the `index` of its lens's first method.
    private static let firstIndex: [Int] = {
        var first: [Int] = []
        var next = 0
        for channel in ObserverChannel.allCases {
            first.append(next)
            next += names[channel]?.count ?? 0
        }
        return first
    }()

    private static func methodNames<Lens: FrameworkLens>(of lens: Lens.Type) -> [String] {
        Lens.Method.allCases.map(\.name)
    }

    /// The first index of the family in `CallbackMethod.index`.
    static let base = NotificationMethod.base + NotificationMethod.allCases.count
}

extension FrameworkEvent: CustomStringConvertible {
    public var description: String { name }
}
