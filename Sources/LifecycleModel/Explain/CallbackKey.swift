/// What a log entry is matched on, and the one place that reads a `Callback` for it:
/// the method (typed: the `CallbackMethod`s its name can be), who received it, which
/// view controller (or SwiftUI view) it was, and, for a framework event whose meaning
/// is its argument (Flutter's and React Native's `state`, Capacitor's `isActive`),
/// that argument. A key from a log leaves out what the log did not say; a callback
/// matches it when every part the key has is equal.
///
/// Other arguments, scene ids and states are not compared: a log seldom shows them,
/// and the matching semantics of issue #21 are "the methods, with receiver or view
/// controller where given". A framework state is different: `inactive` and `paused`
/// are the same method with two meanings, so a log of them says which (issue #34).
public struct CallbackKey: Hashable, Sendable {
    /// The method in the model's Swift spelling, or as the log wrote it when the model
    /// has no method of that name (such a key never matches).
    public var method: String {
        didSet { methods = Self.methods(named: method, receiver: receiver) }
    }
    public var receiver: Receiver? {
        didSet { methods = Self.methods(named: method, receiver: receiver) }
    }
    public var viewController: String?
    /// The value a framework event carries, where the event means its value.
    public var argument: ObserverArgument?
    /// The model's methods the key can be: those of its name that its receiver (if it
    /// names one) hears. Empty for a method the model never makes.
    public private(set) var methods: [CallbackMethod]

    public init(
        method: String, receiver: Receiver? = nil, viewController: String? = nil, argument: ObserverArgument? = nil
    ) {
        self.method = method
        self.receiver = receiver
        self.viewController = viewController
        self.argument = argument
        self.methods = Self.methods(named: method, receiver: receiver)
    }

    /// The full key of a callback the model made.
    init(_ callback: Callback) {
        self.init(
            method: callback.method.name, receiver: callback.receiver, viewController: callback.viewController,
            argument: Self.meaningfulArgument(of: callback))
    }

    /// The key of a log entry: its method in the model's spelling, its receiver where
    /// the name is one (`appDelegate`, `AppDelegate`, `MyAppSceneDelegate`, `flutter`),
    /// as the view controller a receiver name that is not a delegate when the method is
    /// a view controller's or a SwiftUI view's (`DetailViewController viewDidLoad`),
    /// and the argument of an event that means its argument (`{"state":"inactive"}`).
    /// A receiver name that is none of these says nothing and is left out.
    public init(_ entry: LogEntry) {
        var token = entry.method
        var receiverName = entry.receiver
        if let message = MethodSpelling.objCMessage(Substring(token)) {
            token = message.method
            receiverName = receiverName ?? message.receiver
        }
        let method = MethodSpelling.method(in: token, selectorsCount: true) ?? token
        var receiver: Receiver?
        var viewController = entry.viewController
        if let name = receiverName {
            if let r = Self.receiver(named: name) {
                receiver = r
            } else if viewController == nil, Self.hasViews(method) {
                viewController = name
            }
        }
        var key = CallbackKey(method: method, receiver: receiver, viewController: viewController)
        if let args = entry.args, let event = key.methods.first, event.meansItsArgument {
            key.argument = ObserverArgument(json: args, of: event)
        }
        self = key
    }

    /// Whether `callback` is this entry's callback.
    public func matches(_ callback: Callback) -> Bool {
        isAbout(callback) && (argument.map { callback.arguments == .observer($0) } ?? true)
    }

    /// Whether `callback` is this entry's method, to its receiver and view controller
    /// where the key names them: the log watches it, whatever its argument.
    func isAbout(_ callback: Callback) -> Bool {
        methods.contains(callback.method) && (receiver.map { $0 == callback.receiver } ?? true)
            && (viewController.map { $0 == callback.viewController } ?? true)
    }

    /// The model emits this method, to this receiver if the key names one.
    var isEmitted: Bool {
        guard let receivers = MethodSpelling.catalog[method] else { return false }
        return receiver.map(receivers.contains) ?? true
    }

    public static func == (a: CallbackKey, b: CallbackKey) -> Bool {
        a.method == b.method && a.receiver == b.receiver && a.viewController == b.viewController
            && a.argument == b.argument
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(receiver)
        hasher.combine(viewController)
        hasher.combine(argument?.index)
    }

    /// The receiver a log's name stands for: a `Receiver` raw value in any case, or a
    /// class name ending in `AppDelegate` or `SceneDelegate`.
    static func receiver(named name: String) -> Receiver? {
        let lower = name.lowercased()
        if let r = Receiver.allCases.first(where: { $0.rawValue.lowercased() == lower }) { return r }
        if lower.hasSuffix("scenedelegate") { return .sceneDelegate }
        if lower.hasSuffix("appdelegate") { return .appDelegate }
        return nil
    }

    /// The model gives `method` to view controllers or SwiftUI views (so a receiver
    /// name before it is a controller's name).
    static func hasViews(_ method: String) -> Bool {
        guard let receivers = MethodSpelling.catalog[method] else { return false }
        return receivers.contains(.viewController) || receivers.contains(.view)
    }

    private static func methods(named name: String, receiver: Receiver?) -> [CallbackMethod] {
        let all = CallbackMethod.methods(named: name)
        guard let receiver else { return all }
        return all.filter { $0.isHeard(by: receiver) }
    }

    /// A callback's argument when its method means its argument.
    private static func meaningfulArgument(of callback: Callback) -> ObserverArgument? {
        guard callback.method.meansItsArgument, case .observer(let argument) = callback.arguments else { return nil }
        return argument
    }
}

extension CallbackMethod {
    /// A framework event whose meaning is its argument: Flutter's
    /// `didChangeAppLifecycleState` ([FL-binding]), React Native's `change`
    /// ([RN-appstate]), Capacitor's `appStateChange` ([CAP-app]).
    var meansItsArgument: Bool {
        switch self {
        case .framework(.flutterState), .framework(.reactNativeChange), .framework(.capacitorAppStateChange): true
        default: false
        }
    }
}

extension ObserverArgument {
    /// The argument `args` gives the event `event` (`{"state":"inactive"}`,
    /// `{"isActive":true}`), if it is one of its values.
    init?(json args: JSONValue, of event: CallbackMethod) {
        switch event {
        case .framework(.flutterState):
            guard case .string(let s)? = args["state"], let state = FlutterAppLifecycleState(rawValue: s) else {
                return nil
            }
            self = .flutterState(state)
        case .framework(.reactNativeChange):
            guard case .string(let s)? = args["state"], let state = ReactNativeAppState(rawValue: s) else {
                return nil
            }
            self = .reactNativeState(state)
        case .framework(.capacitorAppStateChange):
            guard case .bool(let b)? = args["isActive"] else { return nil }
            self = .isActive(b)
        default:
            return nil
        }
    }
}

extension FrameworkEvent {
    /// The events whose meaning is their argument, which explain reads from their prints.
    static let flutterState = FrameworkEvent(FlutterLens.Method.didChangeAppLifecycleState)
    static let reactNativeChange = FrameworkEvent(ReactNativeLens.Method.change)
    static let capacitorAppStateChange = FrameworkEvent(CapacitorLens.Method.appStateChange)
}
