/// A framework's view of the life cycle: a pure fold over what its bridge observes.
///
/// A lens is a namespace (an enum without cases) holding its vocabulary (`Event`),
/// what it remembers across actions (`State`), its version-dependent behaviour
/// (`Options`, the current release by default) and the fold itself. The fold never
/// reads anything but its arguments, so the same stream always gives the same events.
/// A lens is its file and a case of `ObserverChannel` (CONTRIBUTING.md, "Add a
/// framework lens").
public protocol FrameworkLens {
    associatedtype Options: Sendable, Equatable
    associatedtype State: Sendable, Equatable
    associatedtype Event: LensEvent where Event.Method == Method
    /// What the framework delivers, each by its name (its items' `method`).
    associatedtype Method: LensMethod where Method.Lens == Self

    /// What the lens's items name besides their channel; app-wide (nothing) by default.
    static var itemPlace: LensItemPlace { get }

    /// The observer channel whose items this lens produces.
    static var channel: ObserverChannel { get }

    /// The state before the first input (no process yet).
    static var initialState: State { get }

    /// Observes one input: updates `state` and hands `emit` what the framework delivers
    /// to app code because of it, in order.
    static func fold(_ state: inout State, _ input: LensInput, options: Options, emit: (Event) -> Void)

    /// The kinds of input the fold acts on with `options`: an input of another kind
    /// leaves the state as it is and delivers nothing, so the session does not hand it
    /// over. Every kind by default.
    static func inputs(_ options: Options) -> LensInputKinds

    /// The options of a session whose config sets none for this lens: the current
    /// release, hosted by `hostController` (the config's root or first tab) for a lens
    /// that follows its host view controller.
    static func defaultOptions(hostController: String) -> Options

    /// The members of the lens's object in config `observerOptions` (named by its
    /// channel); none by default: a config may not set options for the lens.
    static var optionMembers: [String] { get }

    /// Who the lens's options are, for messages ("Flutter's options").
    static var optionsName: String { get }

    /// The options set by the members of the lens's object in `observerOptions`, the
    /// defaults where unset; a bad value is `f.invalid(…)`, naming the member.
    static func options<F: ActionFields>(_ f: F, hostController: String) throws(F.Failure) -> Options

    /// The members the service writes for `options`, in `optionMembers` order.
    static func members(of options: Options) -> [JSONMember]

    /// `options` in a session whose iOS version has UIWindowScene (13+) or not
    /// (`windowScenes`), for a lens whose framework reads it; unchanged by default.
    static func options(_ options: Options, windowScenes: Bool) -> Options
}

extension FrameworkLens {
    public static var itemPlace: LensItemPlace { .app }
    public static func inputs(_ options: Options) -> LensInputKinds { .all }
    public static var optionMembers: [String] { [] }
    public static var optionsName: String { "\(channel.rawValue)'s options" }
    public static func options<F: ActionFields>(_ f: F, hostController: String) throws(F.Failure) -> Options {
        defaultOptions(hostController: hostController)
    }
    public static func members(of options: Options) -> [JSONMember] { [] }
    public static func options(_ options: Options, windowScenes: Bool) -> Options { options }
}

extension FrameworkLens where Options: LensWithoutOptions {
    public static func defaultOptions(hostController: String) -> Options { Options() }
}

/// The options of a lens whose framework shows no version-dependent behaviour.
public protocol LensWithoutOptions {
    init()
}

/// A lens's methods: one case each, in the order the vocabulary numbers them (the raw
/// value), named as the framework spells them (by default the case's own name).
public protocol LensMethod: RawRepresentable<Int>, CaseIterable, Hashable, Sendable {
    associatedtype Lens: FrameworkLens
    /// The framework's spelling (the wire's `method`).
    var name: String { get }
}

extension LensMethod {
    public var name: String { String(describing: self) }
}

/// What a lens's items name besides their channel (the wire's `sceneId` and
/// `viewController`; docs/observers.md).
public enum LensItemPlace: Sendable {
    /// Nothing: the framework's app-wide object.
    case app
    /// A window: its scene, none for a sceneless app's window.
    case window
    /// A view controller: its name, and its window's scene.
    case controller

    /// Whether an item with these members is at such a place.
    func fits(sceneId: String?, viewController: String?) -> Bool {
        switch self {
        case .app: sceneId == nil && viewController == nil
        case .window: viewController == nil
        case .controller: viewController != nil
        }
    }
}

/// An event a lens delivers, and how it appears as an observer item: the tap builds
/// the item's callback from these members.
public protocol LensEvent: Sendable, Equatable {
    associatedtype Method: LensMethod
    /// The framework's event or method, e.g. `change`, `didChangeAppLifecycleState`, `ON_RESUME`.
    var method: Method { get }
    /// Its arguments; none by default.
    var arguments: CallbackArguments { get }
    /// The scene the item names (a window's, a controller's), if the lens's items name one.
    var sceneId: String? { get }
    /// The view controller the item names, if the lens's items name one.
    var viewController: String? { get }
}

extension LensEvent {
    public var arguments: CallbackArguments { .none }
    public var sceneId: String? { nil }
    public var viewController: String? { nil }

    /// The item's receiver and the members it names.
    public var target: CallbackTarget {
        .lens(Method.Lens.channel, sceneId: sceneId, viewController: viewController)
    }

    /// The item: method, arguments, scene and view controller.
    public var observation: LensObservation {
        LensObservation(
            method: FrameworkEvent(method), arguments: arguments, sceneId: sceneId, viewController: viewController)
    }
}

/// One item of an observer channel, in the shape the service's callback list uses
/// (the receiver is the channel's name).
public struct LensObservation: Sendable, Equatable {
    /// The framework's event or method, e.g. `change`, `didChangeAppLifecycleState`, `ON_RESUME`.
    public var method: FrameworkEvent
    /// Its arguments (`{"state": "inactive"}`; typed for the lenses' own items).
    public var arguments: CallbackArguments
    /// Its arguments as a JSON object, nil when it has none.
    public var args: JSONValue? {
        get { arguments.json }
        set { arguments = CallbackArguments(newValue) }
    }
    /// The scene (window) the event belongs to, for lenses that are per window or scene.
    public var sceneId: String?
    /// The view controller whose lifecycle owner the event belongs to (Compose).
    public var viewController: String?

    public init(method: FrameworkEvent, args: JSONValue? = nil, sceneId: String? = nil, viewController: String? = nil) {
        self.init(method: method, arguments: CallbackArguments(args), sceneId: sceneId, viewController: viewController)
    }

    public init(
        method: FrameworkEvent, arguments: CallbackArguments, sceneId: String? = nil, viewController: String? = nil
    ) {
        self.method = method
        self.arguments = arguments
        self.sceneId = sceneId
        self.viewController = viewController
    }
}

/// A lens with its options and state: what a session keeps per observed framework
/// (`ObserverSnapshot.lenses`, in the config's order).
public struct LensRun<Lens: FrameworkLens>: Sendable, Equatable {
    /// The lens's version-dependent behaviour, fixed for the session.
    public var options: Lens.Options
    /// What the lens remembers so far.
    public var state: Lens.State

    public init(options: Lens.Options) {
        self.options = options
        self.state = Lens.initialState
    }

    /// Folds one input into the state, handing each event it produces to `emit`.
    public mutating func observe(_ input: LensInput, emit: (Lens.Event) -> Void) {
        Lens.fold(&state, input, options: options, emit: emit)
    }

    /// Folds a stream; returns every event, in order.
    public mutating func observe(_ inputs: [LensInput]) -> [Lens.Event] {
        var events: [Lens.Event] = []
        for input in inputs { observe(input) { events.append($0) } }
        return events
    }
}

extension LensRun {
    /// Folds one input; appends the channel's items it produces to `items`, each in `itemState`.
    mutating func observe(_ input: LensInput, itemState: AppState, into items: inout [Callback]) {
        observe(input) { event in
            items.append(
                Callback(
                    event.target, method: .framework(FrameworkEvent(event.method)), appState: itemState,
                    arguments: event.arguments)
            )
        }
    }

    /// Folds one input; returns the channel's items it produces, in order.
    mutating func observations(_ input: LensInput) -> [LensObservation] {
        observe([input]).map(\.observation)
    }
}
