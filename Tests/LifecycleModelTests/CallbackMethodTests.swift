import LifecycleModel
import Testing

/// The typed callback vocabulary: dense indices, the wire spelling read back, and
/// every callback the model makes resolvable from its receiver and name (what log
/// explanation relies on).
@Suite struct CallbackMethodTests {
    @Test func indicesAreDenseAndInOrder() {
        #expect(CallbackMethod.allCases.map(\.index) == Array(0..<CallbackMethod.count))
        #expect(Set(CallbackMethod.allCases).count == CallbackMethod.count)
    }

    /// The indices the service's tables use follow `allCases`.
    @Test func enumIndicesFollowAllCases() {
        #expect(ActionKind.allCases.map(\.index) == Array(ActionKind.allCases.indices))
        #expect(AppState.allCases.map(\.index) == Array(AppState.allCases.indices))
        #expect(Receiver.allCases.map(\.index) == Array(Receiver.allCases.indices))
    }

    @Test func namesReadBack() {
        for m in CallbackMethod.allCases {
            #expect(CallbackMethod.methods(named: m.name).contains(m), "\(m)")
        }
        #expect(CallbackMethod.methods(named: "applicationDidBecomeActive(_:)") == [.appDelegate(.didBecomeActive)])
        #expect(CallbackMethod.methods(named: "expirationHandler").count == 2)
        #expect(CallbackMethod.methods(named: "no such method").isEmpty)
        #expect(CallbackMethod(named: "expirationHandler", receiver: .bgTask) == .bgTask(.expirationHandler))
        #expect(
            CallbackMethod(named: "expirationHandler", receiver: .backgroundTask) == .backgroundTask(.expirationHandler)
        )
        #expect(CallbackMethod(named: "expirationHandler", receiver: .appDelegate) == nil)
    }

    @Test func selectorsAreObjectiveC() {
        #expect(
            CallbackMethod.appDelegate(.didFinishLaunching).selector == "application:didFinishLaunchingWithOptions:")
        #expect(CallbackMethod.viewController(.viewWillAppear).selector == "viewWillAppear:")
        #expect(CallbackMethod.swiftUI(.onAppear).selector == nil)
        for m in CallbackMethod.allCases {
            guard let s = m.selector else { continue }
            #expect(!s.contains("(") && !s.contains("_"), "\(m): \(s)")
        }
    }

    /// Random walks over UIKit and SwiftUI sessions: each callback's method is one its
    /// receiver hears, and its receiver and name find it again.
    @Test(arguments: 0..<3)
    func everyCallbackResolves(_ config: Int) {
        let sim = [
            appSimulator("11.0") {
                $0.backgroundModes = Set(BackgroundMode.allCases)
                $0.stateRestoration = true
            },
            sceneSimulator("17.0") {
                $0.backgroundModes = Set(BackgroundMode.allCases)
                $0.notificationCenterDelegate = true
                $0.tabs = ["a", "b"]
            },
            swiftUISimulator("17.0") { $0.backgroundModes = Set(BackgroundMode.allCases) },
        ][config]
        var seen = Set<CallbackMethod>()
        for seed in 0..<10 {
            var rng = SplitMix64(seed: UInt64(9100 + seed * 7 + config))
            var state = AppSnapshot()
            for _ in 0..<200 {
                let kind = ActionKind.allCases[rng.next(below: ActionKind.allCases.count)]
                guard let out = try? sim.apply(kind.random(using: &rng, in: state), to: state) else { continue }
                state = out.state
                for c in out.callbacks {
                    #expect(c.method.isHeard(by: c.receiver), "\(c.receiver) \(c.method.name)")
                    #expect(CallbackMethod(named: c.method.name, receiver: c.receiver) == c.method)
                    seen.insert(c.method)
                }
            }
        }
        #expect(seen.count > 20)
    }
}
