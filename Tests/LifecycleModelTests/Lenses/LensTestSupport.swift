import LifecycleModel
import Testing

/// The app kinds every lens is tried on.
enum LensAppKind: String, CaseIterable, CustomTestStringConvertible {
    /// Sceneless, iOS 12: no UIScene notifications at all.
    case scenelessIOS12
    /// Sceneless, iOS 13+: UIScene notifications for the implicit scene on warm
    /// transitions, and its didActivate at a cold launch.
    case scenelessIOS13
    /// A scene app.
    case scenes

    var builderKind: LensStreamBuilder.Kind {
        switch self {
        case .scenelessIOS12: .sceneless(implicitScene: false)
        case .scenelessIOS13: .sceneless(implicitScene: true)
        case .scenes: .scenes
        }
    }

    /// UIWindowScene exists (iOS 13+).
    var windowScenes: Bool { self != .scenelessIOS12 }

    /// The scene the first window belongs to.
    var firstScene: String? { self == .scenes ? "scene-1" : nil }

    var testDescription: String { rawValue }
}

/// A lens fed one user action at a time, as the integrator will feed it.
struct LensScenario<Lens: FrameworkLens> {
    var builder: LensStreamBuilder
    var run: LensRun<Lens>

    init(_ kind: LensAppKind, options: Lens.Options) {
        builder = LensStreamBuilder(kind.builderKind)
        run = LensRun(options: options)
    }

    /// Applies one action to the builder and returns what the lens delivers for it.
    mutating func step(_ action: (inout LensStreamBuilder) -> Void) -> [Lens.Event] {
        action(&builder)
        return run.observe(builder.take())
    }

    /// Feeds inputs made by hand.
    mutating func feed(_ inputs: [LensInput]) -> [Lens.Event] {
        run.observe(inputs)
    }
}

extension LensObservation {
    /// `method`, then `@scene` when the item has a scene: a compact form for expectations.
    var compact: String { method.name + (sceneId.map { "@\($0)" } ?? "") }
}

extension Array where Element: LensEvent {
    var compact: [String] { map(\.observation.compact) }
}

/// Splits a stream of (input, events) pairs at each `processStart`: lens memory is per process.
func perProcess<Event>(_ pairs: [(LensInput, [Event])]) -> [[Event]] {
    var processes: [[Event]] = []
    for (input, events) in pairs {
        if input == .processStart || processes.isEmpty { processes.append([]) }
        processes[processes.count - 1] += events
    }
    return processes
}

/// The steps a random walk may take, drawn from what the app's state allows.
enum WalkStep: CaseIterable {
    case launch, launchInBackground, home, returnToApp, openControlCenter, closeControlCenter
    case terminate, suspend, purge, memoryWarning, openScene, closeScene

    /// The steps allowed now.
    static func allowed(in builder: LensStreamBuilder, multiScene: Bool) -> [WalkStep] {
        switch builder.appState {
        case .notRunning:
            return [.launch, .launchInBackground]
        case .active:
            var steps: [WalkStep] = [.home, .openControlCenter, .terminate, .memoryWarning]
            if multiScene && builder.scenes.count < 3 { steps.append(.openScene) }
            if multiScene && builder.scenes.count > 1 { steps.append(.closeScene) }
            return steps
        case .inactive:
            return [.closeControlCenter]
        case .background:
            return [.returnToApp, .terminate, .suspend, .memoryWarning]
        case .suspended:
            return [.returnToApp, .purge]
        }
    }

    func apply<G: RandomNumberGenerator>(to builder: inout LensStreamBuilder, using g: inout G) {
        switch self {
        case .launch: builder.launch()
        case .launchInBackground: builder.launch(foreground: false)
        case .home: builder.home()
        case .returnToApp: builder.returnToApp()
        case .openControlCenter: builder.openControlCenter()
        case .closeControlCenter: builder.closeControlCenter()
        case .terminate: builder.terminate()
        case .suspend: builder.suspend()
        case .purge: builder.purge()
        case .memoryWarning: builder.memoryWarning()
        case .openScene: builder.openScene()
        case .closeScene:
            if let scene = builder.scenes.randomElement(using: &g) { builder.closeScene(scene.id) }
        }
    }
}

/// A random walk over app and scene states, as a stream of inputs.
func randomWalkStream(_ kind: LensStreamBuilder.Kind, steps: Int, seed: UInt64) -> [LensInput] {
    var g = SplitMix64(seed: seed)
    var builder = LensStreamBuilder(kind)
    var inputs: [LensInput] = []
    for _ in 0..<steps {
        let allowed = WalkStep.allowed(in: builder, multiScene: kind == .scenes)
        guard let step = allowed.randomElement(using: &g) else { break }
        step.apply(to: &builder, using: &g)
        inputs += builder.take()
    }
    return inputs
}

/// The kinds and seeds the property tests walk.
enum LensWalks {
    static let kinds: [LensStreamBuilder.Kind] = [
        .sceneless(implicitScene: false), .sceneless(implicitScene: true), .scenes,
    ]
    static let seeds: [UInt64] = Array(1...60)
    static let steps = 60

    /// Every walk: each input with the events the lens gave for it.
    static func traces<Lens: FrameworkLens>(
        _: Lens.Type, options: Lens.Options
    ) -> [[(LensInput, [Lens.Event])]] {
        var traces: [[(LensInput, [Lens.Event])]] = []
        for kind in kinds {
            for seed in seeds {
                var run = LensRun<Lens>(options: options)
                traces.append(randomWalkStream(kind, steps: steps, seed: seed).map { ($0, run.observe([$0])) })
            }
        }
        return traces
    }
}

extension FrameworkEvent {
    /// The event the wire spells `name`: expectations keep the framework's own spelling.
    static func named(_ name: String) -> FrameworkEvent {
        guard let event = allCases.first(where: { $0.name == name }) else {
            preconditionFailure("no framework event is named \(name)")
        }
        return event
    }
}
