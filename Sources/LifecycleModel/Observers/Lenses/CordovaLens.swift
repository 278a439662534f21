/// Cordova's document events on iOS ([CDV-vc]): `CDVViewController` observes four
/// UIApplication notifications and evaluates `cordova.fireDocumentEvent(…)` in the
/// web view. `resign` and `pause` are evaluated at once (`scheduledOnRunLoop:NO`);
/// `resume` and `active` go through `evalJs:`, which queues them with
/// `performSelectorOnMainThread:…waitUntilDone:NO`, so they run when the run loop's
/// turn ends, after the UIKit calls of the same transition and after any `resign`
/// or `pause` of that turn. Nothing for termination (the handler only empties the
/// temporary directory). Nothing is heard during the launch turn
/// (`ScriptBridgeReadiness`).
public enum CordovaLens: FrameworkLens {
    public static let channel = ObserverChannel.cordova

    /// Cordova has no version-dependent behaviour the sources show (cordova-ios 8).
    public struct Options: Sendable, Equatable, LensWithoutOptions {
        public init() {}
    }

    public struct State: Sendable, Equatable {
        public var readiness = ScriptBridgeReadiness.noProcess
        /// `resume` / `active` evaluations waiting for the end of the turn, in order.
        public var queued: [Event] = []
    }

    /// The document events, named as JavaScript listens for them: each is both the
    /// event and its method.
    public enum Event: Int, LensEvent, LensMethod {
        public typealias Lens = CordovaLens
        case resign
        case pause
        case resume
        case active

        public var method: Event { self }
    }

    public typealias Method = Event

    public static let initialState = State()

    /// UIApplication notifications; the start and the turns' ends (readiness, the queue).
    public static func inputs(_ options: Options) -> LensInputKinds { [.processStart, .application, .endOfTurn] }

    public static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void) {
        switch input {
        case .processStart:
            state.queued.removeAll(keepingCapacity: true)
        case .endOfTurn:
            // [CDV-vc] evalJsHelper: the queued evaluations run now, in the order queued.
            // The list keeps its room: most foreground entries queue two.
            if state.readiness.hears(input) { state.queued.forEach(emit) }
            state.queued.removeAll(keepingCapacity: true)
            return
        default:
            break
        }
        guard state.readiness.hears(input), case .application(let note, _) = input else { return }
        switch note {
        // [CDV-vc] onAppWillResignActive / onAppDidEnterBackground: scheduledOnRunLoop:NO.
        case .willResignActive: emit(.resign)
        case .didEnterBackground: emit(.pause)
        // [CDV-vc] onAppWillEnterForeground / onAppDidBecomeActive: evalJs: queues.
        case .willEnterForeground: state.queued.append(.resume)
        case .didBecomeActive: state.queued.append(.active)
        default: break
        }
    }
}
