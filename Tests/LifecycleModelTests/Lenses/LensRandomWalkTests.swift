import LifecycleModel
import Testing

/// Property tests: every lens over random walks of app and scene states (launches,
/// Home, return, Control Center, suspension, termination, windows opened and closed),
/// fed as the streams UIKit posts. Each property is checked per process: a lens
/// remembers nothing across processes.
@Suite struct LensRandomWalkTests {
    /// React Native: no two `change` events in a row carry the same state.
    @Test func reactNativeNeverRepeatsAState() {
        for trace in LensWalks.traces(ReactNativeLens.self, options: .init()) {
            for process in perProcess(trace) {
                let states = process.compactMap { event -> ReactNativeAppState? in
                    if case .change(let state) = event { return state }
                    return nil
                }
                #expect(zip(states, states.dropFirst()).allSatisfy { $0 != $1 }, "\(states)")
            }
        }
    }

    /// Flutter (3.13+): no repeated state; only the steps the framework allows
    /// (resumed↔inactive↔hidden↔paused, detached from paused and last); and after each
    /// state the listener callback the framework defines for that step.
    @Test(arguments: FlutterResumedTiming.allCases)
    func flutterTakesOnlyTheFrameworksSteps(_ timing: FlutterResumedTiming) {
        var sawHidden = false
        for trace in LensWalks.traces(FlutterLens.self, options: .init(resumedTiming: timing)) {
            for process in perProcess(trace) {
                var previous: FlutterAppLifecycleState?
                var index = process.startIndex
                while index < process.endIndex {
                    guard case .didChangeAppLifecycleState(let state) = process[index] else {
                        Issue.record("a listener callback without a state change before it: \(process)")
                        break
                    }
                    #expect(previous != .detached, "a state after detached: \(process)")
                    if let previous { #expect(Self.allowed.contains([previous, state]), "\(previous) → \(state)") }
                    sawHidden = sawHidden || state == .hidden
                    let expected = Self.callback(previous, state)
                    let next = process.index(after: index)
                    let actual: FlutterListenerCallback? =
                        if next < process.endIndex, case .listener(let callback) = process[next] { callback } else {
                            nil
                        }
                    #expect(actual == expected, "\(String(describing: previous)) → \(state)")
                    index = actual == nil ? next : process.index(after: next)
                    previous = state
                }
            }
        }
        #expect(sawHidden, "the walks never went to the background")
    }

    /// Flutter before 3.13: no hidden and no listener callbacks.
    @Test func flutterBefore313HasNoHiddenAndNoListener() {
        let options = FlutterLens.Options(framework: .before313, resumedTiming: .immediate)
        var events = 0
        for trace in LensWalks.traces(FlutterLens.self, options: options) {
            for event in trace.flatMap(\.1) {
                events += 1
                #expect(event != .didChangeAppLifecycleState(.hidden))
                if case .listener = event { Issue.record("a listener callback before 3.13") }
            }
        }
        #expect(events > 0)
    }

    /// Compose: per owner (scene), each event is the registry's next step from the
    /// owner's state: ON_CREATE first, no repeated state, nothing after ON_DESTROY.
    @Test(arguments: ComposeLifecycleSource.allCases)
    func composeOwnersTakeTheRegistrysSteps(_ source: ComposeLifecycleSource) {
        var sawResume = false
        for trace in LensWalks.traces(ComposeMultiplatformLens.self, options: .init(source: source)) {
            for process in perProcess(trace) {
                var states: [String: Int] = [:]  // scene → 1 created … 3 resumed, 0 destroyed
                for event in process {
                    let owner = event.sceneId ?? "-"
                    let state = states[owner]
                    let next: Int?
                    switch (event.event, state) {
                    case (.onCreate, nil): next = 1
                    case (.onStart, 1): next = 2
                    case (.onResume, 2): next = 3
                    case (.onPause, 3): next = 2
                    case (.onStop, 2): next = 1
                    case (.onDestroy, 1): next = 0
                    default: next = nil
                    }
                    #expect(next != nil, "\(event.event.rawValue) from \(String(describing: state)) for \(owner)")
                    states[owner] = next
                    sawResume = sawResume || event.event == .onResume
                }
            }
        }
        #expect(sawResume)
    }

    /// MAUI: per window, Created once and first, Activated and Deactivated alternate
    /// (Activated first), nothing after Destroying; no call MAUI would throw on.
    @Test func mauiActivationAlternatesPerWindow() {
        var windows = 0
        for kind in LensWalks.kinds {
            for seed in LensWalks.seeds {
                var run = LensRun<MAUILens>(options: .init())
                let trace = randomWalkStream(kind, steps: LensWalks.steps, seed: seed).map { ($0, run.observe([$0])) }
                #expect(run.state.rejectedCalls == 0, "seed \(seed)")
                for process in perProcess(trace) {
                    var perWindow: [String: [MAUILens.WindowEvent]] = [:]
                    for event in process { perWindow[event.sceneId ?? "-", default: []].append(event.event) }
                    for (window, events) in perWindow {
                        windows += 1
                        #expect(events.first == .created, "\(window): \(events)")
                        #expect(events.filter { $0 == .created }.count == 1, "\(window): \(events)")
                        if let end = events.firstIndex(of: .destroying) {
                            #expect(end == events.count - 1, "\(window): \(events)")
                        }
                        let activation = events.filter { $0 == .activated || $0 == .deactivated }
                        for (i, event) in activation.enumerated() {
                            #expect(event == (i.isMultiple(of: 2) ? .activated : .deactivated), "\(window): \(events)")
                        }
                    }
                }
            }
        }
        #expect(windows > LensWalks.seeds.count)
    }

    /// Capacitor: appStateChange alternates between true and false, pause and resume
    /// alternate (as UIKit's app-level notifications do; no deduplication needed).
    @Test func capacitorEventsAlternate() {
        for trace in LensWalks.traces(CapacitorLens.self, options: .init()) {
            for process in perProcess(trace) {
                let active = process.compactMap { event -> Bool? in
                    if case .appStateChange(let isActive) = event { return isActive }
                    return nil
                }
                #expect(zip(active, active.dropFirst()).allSatisfy { $0 != $1 }, "\(active)")
                let visible = process.filter { $0 == .pause || $0 == .resume }
                #expect(zip(visible, visible.dropFirst()).allSatisfy { $0 != $1 }, "\(visible)")
            }
        }
    }

    /// Cordova: within a turn, resign and pause come at their notifications; resume and
    /// active only when the turn ends, after them.
    @Test func cordovaDefersResumeAndActiveToTheEndOfTheTurn() {
        var deferred = 0
        for trace in LensWalks.traces(CordovaLens.self, options: .init()) {
            for (input, events) in trace {
                if input == .endOfTurn {
                    #expect(events.allSatisfy { $0 == .resume || $0 == .active }, "\(events)")
                    deferred += events.count
                } else {
                    #expect(events.allSatisfy { $0 == .resign || $0 == .pause }, "\(input): \(events)")
                }
            }
        }
        #expect(deferred > 0)
    }

    /// The generic registry runs each channel's lens exactly as the lens itself does.
    @Test(arguments: ObserverChannel.allCases.filter { $0 != .notifications })
    func theRegistryRunsTheChannelsLens(_ channel: ObserverChannel) throws {
        var lens = try #require(channel.defaultLens)
        #expect(lens.channel == channel)
        let stream = randomWalkStream(.scenes, steps: LensWalks.steps, seed: 7)
        let generic = stream.flatMap { lens.observations($0) }
        let type = try #require(channel.lens)
        let direct = Self.direct(type, stream)
        #expect(!generic.isEmpty)
        #expect(generic == direct)
    }

    // MARK: - Helpers

    /// The lens run by hand, with the options it gives itself.
    private static func direct<Lens: FrameworkLens>(_: Lens.Type, _ stream: [LensInput]) -> [LensObservation] {
        var run = LensRun<Lens>(options: Lens.defaultOptions(hostController: "root"))
        return run.observe(stream).map(\.observation)
    }

    /// The steps Flutter's framework accepts (`_debugVerifyLifecycleChange`, [FL-binding]).
    static let allowed: Set<[FlutterAppLifecycleState]> = [
        [.resumed, .inactive], [.inactive, .resumed], [.inactive, .hidden], [.hidden, .inactive],
        [.hidden, .paused], [.paused, .hidden], [.paused, .detached],
    ]

    /// The callback `AppLifecycleListener` calls for a step ([FL-listener]), written out.
    static func callback(_ from: FlutterAppLifecycleState?, _ to: FlutterAppLifecycleState) -> FlutterListenerCallback?
    {
        switch (from, to) {
        case (_, .resumed): .onResume
        case (.hidden, .inactive): .onShow
        case (.resumed, .inactive), (nil, .inactive): .onInactive
        case (.paused, .hidden): .onRestart
        case (.inactive, .hidden), (nil, .hidden): .onHide
        case (.hidden, .paused), (nil, .paused): .onPause
        case (_, .detached): .onDetach
        default: nil
        }
    }
}
