/// Capacitor's App plugin ([CAP-app]): four block observers on UIApplication
/// notifications, each calling `notifyListeners` at once (the observers run on the
/// main queue the notification is posted on). No deduplication, no event for
/// termination, and an event no JavaScript listener waits for is dropped (these are
/// not retained until consumed), so the launch's `appStateChange` is lost
/// (`ScriptBridgeReadiness`).
public enum CapacitorLens: FrameworkLens {
    public static let channel = ObserverChannel.capacitor

    /// Capacitor has no version-dependent behaviour the sources show (App plugin 8.x).
    public struct Options: Sendable, Equatable, LensWithoutOptions {
        public init() {}
    }

    public struct State: Sendable, Equatable {
        public var readiness = ScriptBridgeReadiness.noProcess
    }

    /// The App plugin's events.
    public enum Method: Int, LensMethod {
        public typealias Lens = CapacitorLens
        case appStateChange
        case pause
        case resume
    }

    public enum Event: LensEvent {
        /// `appStateChange` with `args.isActive`.
        case appStateChange(isActive: Bool)
        /// `pause`.
        case pause
        /// `resume`.
        case resume

        public var method: Method {
            switch self {
            case .appStateChange: .appStateChange
            case .pause: .pause
            case .resume: .resume
            }
        }

        public var arguments: CallbackArguments {
            switch self {
            case .appStateChange(let isActive): .observer(.isActive(isActive))
            case .pause, .resume: .none
            }
        }
    }

    public static let initialState = State()

    /// UIApplication notifications; the start and the turns' ends for `ScriptBridgeReadiness`.
    public static func inputs(_ options: Options) -> LensInputKinds { [.processStart, .application, .endOfTurn] }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        guard state.readiness.hears(input), case .application(let note, _) = input else { return }
        switch note {
        // [CAP-app] AppPlugin.load: the four observers.
        case .didBecomeActive: emit(.appStateChange(isActive: true))
        case .willResignActive: emit(.appStateChange(isActive: false))
        case .didEnterBackground: emit(.pause)
        case .willEnterForeground: emit(.resume)
        default: break
        }
    }
}
