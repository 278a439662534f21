import LifecycleModel

/// A session with observers, fed one action at a time.
struct ObservedSession {
    let simulator: Simulator
    var state = AppSnapshot()

    init(_ config: SessionConfig) {
        simulator = Simulator(config: config)
    }

    /// A session that has applied `actions` (their callbacks dropped): where most
    /// interleaving and quirk tests start.
    init(_ config: SessionConfig, after actions: [Action]) throws {
        self.init(config)
        for action in actions { _ = try apply(action) }
    }

    /// Applies `action`; returns its callbacks.
    mutating func apply(_ action: Action) throws -> [Callback] {
        let outcome = try simulator.apply(action, to: state)
        state = outcome.state
        return outcome.callbacks
    }
}

/// A config with observers on.
func observedConfig(
    _ lifecycle: LifecycleKind, _ version: String, _ channels: [ObserverChannel] = [.notifications],
    _ configure: (inout SessionConfig) -> Void = { _ in }
) -> SessionConfig {
    guard let v = IOSVersion(version) else { preconditionFailure("bad version \(version) in a test") }
    var config = SessionConfig(lifecycle: lifecycle, iosVersion: v)
    config.observers = channels
    configure(&config)
    return config
}

/// A multi-window iPad scene app with observers on: the configs where app-level
/// notifications aggregate over several scenes.
func observedIPad(_ version: String) -> SessionConfig {
    observedConfig(.scene, version) {
        $0.device = .ipad
        $0.supportsMultipleScenes = true
    }
}

extension Callback {
    /// "method [appState]", with " scene/sceneState" for scene items and "=value" for a
    /// lens's state argument: the form the interleaving tests quote.
    var line: String {
        var s = "\(method) [\(appState.rawValue)]"
        if let id = sceneId { s += " \(id)" + (sceneState.map { "/\($0.rawValue)" } ?? "") }
        if case .object(let members)? = args {
            for m in members where ["state", "isActive"].contains(m.key) {
                switch m.value {
                case .string(let v): s += " =\(v)"
                case .bool(let v): s += " =\(v)"
                default: break
                }
            }
        }
        return s
    }
}

extension Array where Element == Callback {
    /// The life-cycle lines of the delegates and the observers (view controllers and
    /// the launch's status-bar, orientation and configuration calls left out).
    var lifecycleLines: [String] {
        filter { c in
            c.receiver != .viewController
                && !c.method.name.contains("StatusBarFrame")
                && !c.method.name.contains("supportedInterfaceOrientations")
                && !c.method.name.contains("willFinishLaunching")
                && !c.method.name.contains("configurationForConnecting")
        }.map(\.line)
    }

    /// Where the first item of a method whose name starts with `prefix` is.
    func position(of prefix: String) -> Int? { firstIndex { $0.method.name.hasPrefix(prefix) } }

    /// The items of one receiver.
    func of(_ receiver: Receiver) -> [Callback] { filter { $0.receiver == receiver } }
}

extension Array where Element == String {
    /// Where the first line starting with `prefix` is.
    func position(of prefix: String) -> Int? { firstIndex { $0.hasPrefix(prefix) } }
}
