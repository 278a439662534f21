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
    /// Its place in `allCases`, found once when the event is made: the wire's tables
    /// read it for every item written.
    private let ordinal: UInt16

    /// The event of lens method `method`.
    public init<Method: LensMethod>(_ method: Method) {
        self.init(channel: Method.Lens.channel, number: UInt8(truncatingIfNeeded: method.rawValue))
    }

    private init(channel: ObserverChannel, number: UInt8) {
        self.channel = channel
        self.number = number
        ordinal = UInt16(truncatingIfNeeded: Self.firstIndex[channel.ordinal] + Int(number))
    }

    /// The framework's spelling (the wire's `method`).
    public var name: String {
        let names = Self.names[channel.ordinal]
        return Int(number) < names.count ? names[Int(number)] : ""
    }

    /// Framework events are not Objective-C methods.
    public var selector: String? { nil }

    /// Every event, channel by channel in `ObserverChannel` order, each lens's in its
    /// `Method` order.
    public static let allCases: [FrameworkEvent] = ObserverChannel.allCases.flatMap { channel in
        Self.names[channel.ordinal].indices.map { FrameworkEvent(channel: channel, number: UInt8($0)) }
    }

    /// Its place in `allCases`.
    var index: Int { Int(ordinal) }

    /// By channel, in `ObserverChannel` order, its lens's method names in order (none
    /// for `notifications`).
    private static let names: [[String]] = ObserverChannel.allCases.map { channel in
        channel.lens.map { methodNames(of: $0) } ?? []
    }

    /// By channel, in `ObserverChannel` order, the `index` of its lens's first method.
    private static let firstIndex: [Int] = {
        var first: [Int] = []
        var next = 0
        for channel in ObserverChannel.allCases {
            first.append(next)
            next += names[channel.ordinal].count
        }
        return first
    }()

    private static func methodNames<Lens: FrameworkLens>(of lens: Lens.Type) -> [String] {
        Lens.Method.allCases.map(\.name)
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { NotificationMethod.base + NotificationMethod.count }
}

extension FrameworkEvent: CustomStringConvertible {
    public var description: String { name }
}
