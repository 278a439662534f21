/// A config one step from the request's that the log itself suggests (issue #34:
/// fewer things the user must know): the first view controller the log names as the
/// root, sceneless instead of scenes (or back), the observer channels the log's lines
/// come from, Flutter's other framework generation, an iPad with several windows.
struct NearbyConfig {
    var config: SessionConfig
    var changes: [ConfigChange]
    /// Why the log suggests it, in a phrase ("the log names applicationDidBecomeActive(_:),
    /// which an app with scenes never hears").
    var why: String
    /// Only names the log's root controller: the answer under it is the request's own.
    var isRootName = false

    /// The request's config (with the log's root name, if it gives one) first, then the
    /// nearby ones the log suggests, each valid.
    static func candidates(for config: SessionConfig, log: WatchedSet) -> [NearbyConfig] {
        var base = NearbyConfig(config: config, changes: [], why: "")
        var out = [base]
        if let root = rootName(for: config, log: log) {
            var named = base
            named.config.rootViewController = root
            named.changes = [ConfigChange("rootViewController", .string(root))]
            named.why = "the first view controller the log names, \(root), is the root (whatever its class name)"
            named.isRootName = true
            out = [named, base]
            // The nearby configs take the log's root name too.
            base = named
        }
        out += nearby(base, log: log)
        return out.filter { $0.config.issue == nil }
    }

    /// The log's first view-controller name, when the config's root keeps its default
    /// name and the log never names it: the root printed by its class name
    /// (`HomeViewController viewDidLoad`).
    private static func rootName(for config: SessionConfig, log: WatchedSet) -> String? {
        guard config.ui == .uikit, config.tabs == nil, config.rootViewController == SessionConfig().rootViewController,
            let first = log.controllerNames.first, !log.controllerNames.contains(config.rootViewController),
            first.unicodeScalars.count <= SessionConfig.maxNameLength
        else { return nil }
        return first
    }

    private static func nearby(_ base: NearbyConfig, log: WatchedSet) -> [NearbyConfig] {
        var out: [NearbyConfig] = []
        let config = base.config
        let methods = Set(log.entries.flatMap(\.methods))
        func with(_ change: (inout SessionConfig) -> Void, _ changes: [ConfigChange], _ why: String) -> NearbyConfig {
            var c = base
            c.isRootName = false
            change(&c.config)
            c.changes += changes
            c.why = why
            return c
        }
        // Sceneless or scenes: the four foreground transitions go to one delegate or the
        // other (DelegateVocabulary; facts §4).
        let transitions: [StageEvent] = [
            .willEnterForeground, .didBecomeActive, .willResignActive, .didEnterBackground,
        ]
        if config.lifecycle == .scene,
            let named = transitions.map({ CallbackMethod.appDelegate($0.appDelegate) }).first(where: methods.contains)
        {
            out.append(
                with(
                    {
                        $0.lifecycle = .app
                        $0.supportsMultipleScenes = false
                    }, [ConfigChange("lifecycle", .string("app"))],
                    "the log names \(named.name), which an app with scenes never hears (its scene delegate does)"))
        }
        if config.lifecycle == .app, config.iosVersion >= .known(13, 0),
            let named = methods.first(where: { if case .sceneDelegate = $0 { true } else { false } })
        {
            out.append(
                with(
                    { $0.lifecycle = .scene }, [ConfigChange("lifecycle", .string("scene"))],
                    "the log names \(named.name), which only an app with scenes hears"))
        }
        // The observer channels the log's lines come from.
        var channels: [ObserverChannel] = []
        for method in methods.sorted(by: { $0.index < $1.index }) {
            switch method {
            case .notification: channels.append(.notifications)
            case .framework(let event): channels.append(event.channel)
            default: break
            }
        }
        var seen = Set(config.observers)
        for channel in channels where seen.insert(channel).inserted {
            out.append(
                with(
                    { $0.observers.append(channel) },
                    [ConfigChange("observers", .array((config.observers + [channel]).map { .string($0.rawValue) }))],
                    "the log names \(channel == .notifications ? "notifications" : "\(channel.rawValue) events"), which only a session observing them hears"
                ))
        }
        // Flutter's framework before 3.13 reports every message as it comes, without
        // `hidden` ([FL-binding]): the state a log of Flutter 1.x or 2.x shows.
        if methods.contains(.framework(.flutterState)) {
            let observed = config.observers.contains(.flutter)
            let current = config.observerOptions[FlutterLens.self]?.framework ?? .since313
            let other: FlutterFrameworkGeneration = current == .since313 ? .before313 : .since313
            let host = config.tabs?.first ?? config.rootViewController
            out.append(
                with(
                    { c in
                        if !observed { c.observers.append(.flutter) }
                        var options = c.observerOptions[FlutterLens.self] ?? FlutterLens.Options(hostController: host)
                        options.framework = other
                        c.observerOptions[FlutterLens.self] = options
                    },
                    (observed
                        ? []
                        : [
                            ConfigChange(
                                "observers", .array((config.observers + [.flutter]).map { .string($0.rawValue) }))
                        ])
                        + [
                            ConfigChange(
                                "observerOptions", .object(["flutter": .object(["framework": .string(other.rawValue)])])
                            )
                        ],
                    other == .before313
                        ? "the log's Flutter states go without hidden, as Flutter before 3.13 reports them"
                        : "Flutter 3.13 and later reports hidden between inactive and paused"))
        }
        // A second window: several scene connections in one log.
        let connections = log.entries.filter {
            $0.methods.contains(.sceneDelegate(.willConnect))
                || $0.methods.contains(.appDelegate(.configurationForConnecting))
        }.count
        if config.device == .iphone, connections > 1, config.iosVersion >= .known(13, 0) {
            out.append(
                with(
                    {
                        $0.device = .ipad
                        $0.lifecycle = .scene
                        $0.supportsMultipleScenes = true
                    },
                    [
                        ConfigChange("device", .string("ipad")), ConfigChange("lifecycle", .string("scene")),
                        ConfigChange("supportsMultipleScenes", .bool(true)),
                    ],
                    "the log connects \(connections) scenes, which takes an iPad with several windows"))
        }
        return out
    }
}
