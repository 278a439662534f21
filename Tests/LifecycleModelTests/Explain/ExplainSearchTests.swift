import Foundation
import LifecycleModel
import Testing

/// The search of issue #34: what a log's entries mean (framework values, the root by its
/// class name, layout passes), ties, a log that starts in a running app, nearby configs,
/// long logs, and the budget.
@Suite struct ExplainSearchTests {
    private func entries(_ text: String) -> [LogEntry] { TextLog.parse(text).entries.map(\.entry) }

    private func types(_ actions: [Action]) -> [String] { actions.map(\.kind.rawValue) }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/explain")

    private func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// A Flutter state means its value: inactive, resumed, inactive is not a background
    /// (inactive, hidden, paused), whatever the count.
    @Test func frameworkStatesMatchOnTheirValue() {
        var config = SessionConfig(lifecycle: .app, iosVersion: IOSVersion("18.3") ?? SessionConfig.defaultVersion)
        config.observers = [.flutter]
        let log = entries(
            "flutter: AppLifecycleState.inactive\nflutter: AppLifecycleState.hidden\nflutter: AppLifecycleState.paused")
        let sim = Simulator(config: config)
        let launched = (try? sim.apply(.launch, to: AppSnapshot()).state) ?? AppSnapshot()
        let background = sim.explain(log, from: launched)
        #expect(background.explained && types(background.actions) == ["background"], "\(background.actions)")
        let lock = entries(
            "flutter: AppLifecycleState.inactive\nflutter: AppLifecycleState.resumed\nflutter: AppLifecycleState.inactive"
        )
        let quirk = sim.explain(lock, from: launched)
        #expect(!quirk.actions.contains(.background), "\(quirk.actions)")
    }

    /// The first controller a launch names is the root, whatever its class name; layout
    /// passes match however many the device printed (two here, none on the pop).
    @Test func theRootByItsClassNameAndLayoutPasses() throws {
        let result = Explainer.explain(
            entries(try fixture("g08_readke_pushpop.log")),
            config: SessionConfig(iosVersion: IOSVersion("14.0") ?? SessionConfig.defaultVersion))
        #expect(result.explained, "\(String(describing: result.divergence))")
        #expect(types(result.actions) == ["launch", "push", "pop"])
        #expect(result.assumed?.configChanges == [ConfigChange("rootViewController", .string("A_ViewController"))])
    }

    /// Of two stories of the same length the answer tells the simpler and lists the other.
    @Test func aTieListsTheOtherStory() throws {
        let result = Explainer.explain(
            entries(try fixture("g01_sfios_coffup.log")),
            config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion("12.2") ?? SessionConfig.defaultVersion))
        #expect(result.explained)
        #expect(types(result.actions) == ["launch", "interruptionBegan", "interruptionEnded"])
        #expect(result.alternatives.map(types).contains(["launch", "background", "launch"]), "\(result.alternatives)")
    }

    /// A log that starts in a running app is explained after the launch it needs; with
    /// `from` (a start the request gives) nothing is assumed.
    @Test func aLogFromARunningAppAssumesItsStart() {
        let config = SessionConfig(lifecycle: .app, iosVersion: IOSVersion("11.4") ?? SessionConfig.defaultVersion)
        let log = entries("applicationWillResignActive:\napplicationDidEnterBackground:\napplicationDidBecomeActive:")
        let result = Explainer.explain(log, config: config)
        #expect(result.explained && types(result.actions) == ["background", "launch"])
        #expect(result.assumed?.from == [.launch] && result.assumed?.config == nil)
        let given = Explainer.explain(log, config: config, from: [.launch, .background])
        #expect(!given.explained && given.assumed == nil && given.divergence?.index == 0)
    }

    /// An app-delegate log under the default (scene) config is explained under the
    /// sceneless one, which the answer names; a notification log likewise with observers.
    @Test func aNearbyConfigIsAssumedAndNamed() {
        let delegate = Explainer.explain(
            entries("application:didFinishLaunchingWithOptions:\napplicationDidBecomeActive:"), config: SessionConfig())
        #expect(delegate.explained && types(delegate.actions) == ["launch"])
        #expect(delegate.assumed?.configChanges == [ConfigChange("lifecycle", .string("app"))])
        let notes = Explainer.explain(
            entries("UIApplicationWillResignActiveNotification\nUIApplicationDidBecomeActiveNotification"),
            config: SessionConfig(lifecycle: .app))
        #expect(notes.explained, "\(String(describing: notes.divergence))")
        #expect(notes.assumed?.configChanges == [ConfigChange("observers", .array([.string("notifications")]))])
        #expect(notes.assumed?.from == [.launch])
    }

    /// A log no config fits diverges under the request's config, with hints for the
    /// nearby ones that read further.
    @Test func hintsNameConfigsThatReadFurther() {
        let log = entries(
            "sceneWillEnterForeground(_:)\nsceneDidBecomeActive(_:)\napplicationDidEnterBackground(_:)\napplication(_:willFinishLaunchingWithOptions:)"
        )
        let result = Explainer.explain(
            log, config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion("15.0") ?? SessionConfig.defaultVersion))
        #expect(!result.explained && result.stopped == nil)
        #expect(
            result.hints.contains { $0.configChanges.contains(ConfigChange("lifecycle", .string("scene"))) },
            "\(result.hints)")
    }

    /// Logs of a thousand entries made of real cycles (g01 + g02 without scenes, g09 +
    /// g03 with): explained, about two actions for three entries, no cap in the way.
    @Test func aThousandEntriesOfRealCycles() throws {
        let g01 = try fixture("g01_sfios_coffup.log").split(separator: "\n", omittingEmptySubsequences: false)
        let sceneless =
            g01.prefix(4).joined(separator: "\n") + "\n" + String(repeating: try fixture("g02_keybase.log"), count: 333)
        let kill = try fixture("g03_forum732170_slow_kill.log").split(separator: "\n").suffix(3).joined(separator: "\n")
        let scene = String(repeating: try fixture("g09_prashuk_scene.log") + "\n" + kill + "\n", count: 125)
        for (text, config) in [
            (sceneless, SessionConfig(lifecycle: .app, iosVersion: IOSVersion("12.2") ?? SessionConfig.defaultVersion)),
            (scene, SessionConfig(iosVersion: IOSVersion("17.0") ?? SessionConfig.defaultVersion)),
        ] {
            let log = entries(text)
            #expect(log.count >= 1000)
            let result = Explainer.explain(log, config: config)
            #expect(result.explained, "\(String(describing: result.divergence)) \(String(describing: result.stopped))")
            #expect(result.actions.count >= log.count / 2, "\(result.actions.count) actions")
        }
    }

    /// A budget that runs out stops the search: the answer is the explained prefix, and
    /// the reason names the bound, never a divergence at a line that fits.
    @Test func aSpentBudgetIsAReasonNotADivergence() throws {
        let log = entries(try fixture("g09_prashuk_scene.log"))
        let sim = sceneSimulator("14.0")
        let full = sim.explain(log)
        #expect(full.explained)
        // A quarter of the steps: the search stops before it reaches the goal. (With half,
        // it reaches the goal and the bound cuts only the look for alternatives, so the
        // answer is an explanation.)
        let short = sim.explain(log, budget: SearchBudget(maxSteps: full.steps / 4))
        #expect(!short.explained && short.divergence == nil)
        #expect(short.stopped == .budget(.steps(full.steps / 4)))
        #expect(short.explainedEntries < log.count)
        let cancelled = sim.explain(log, budget: SearchBudget(interruption: { .cancelled }))
        #expect(cancelled.stopped?.bound == "cancelled" && cancelled.divergence == nil)
    }

    /// Of two stories as short, the one that makes no unshown call of a receiver the log
    /// prints: a log of scene delegate calls that ends in the background is the Home
    /// screen (whose snapshot lays out and flips traits, unprinted), not the window
    /// closed (whose sceneDidDisconnect the log would show).
    @Test func anUnshownCallOfAPrintedReceiverWeighsMost() throws {
        let log = entries(
            """
            SceneDelegate scene(_:willConnectTo:options:)
            SceneDelegate sceneWillEnterForeground(_:)
            SceneDelegate sceneDidBecomeActive(_:)
            SceneDelegate sceneWillResignActive(_:)
            SceneDelegate sceneDidEnterBackground(_:)
            """)
        let sim = sceneSimulator("17.0") {
            $0.device = .ipad
            $0.supportsMultipleScenes = true
        }
        let result = sim.explain(log)
        #expect(result.explained)
        #expect(result.actions.map(\.kind) == [.launch, .background])
        #expect(result.alternatives.contains { $0.map(\.kind) == [.launch, .closeScene] })
    }
}
