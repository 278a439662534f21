import Foundation
import LifecycleModel

/// Builds a sceneless simulator for an iOS version.
func appSimulator(_ version: String, _ configure: (inout SessionConfig) -> Void = { _ in }) -> Simulator {
    guard let v = IOSVersion(version) else { preconditionFailure("bad version \(version) in a test") }
    var config = SessionConfig(lifecycle: .app, iosVersion: v)
    configure(&config)
    return Simulator(config: config)
}

extension Simulator {
    /// Applies actions in turn from a fresh install; returns the last outcome.
    func run(_ actions: [Action], from state: AppSnapshot = AppSnapshot()) throws -> ActionOutcome {
        var outcome = ActionOutcome(callbacks: [], state: state)
        for a in actions { outcome = try apply(a, to: outcome.state) }
        return outcome
    }
}

extension ActionOutcome {
    /// The delegates' callbacks: everything but view controllers, whose orders
    /// ViewControllerTests check (as seed 001's vectors compare the app delegate only).
    var delegateCallbacks: [Callback] { callbacks.filter { $0.receiver != .viewController } }
    /// "method [appState]" for each delegate callback.
    var calls: [String] { delegateCallbacks.map { "\($0.method) [\($0.appState.rawValue)]" } }
    var methods: [String] { delegateCallbacks.map(\.method.name) }
}

/// Builds a scene-based simulator (iPhone unless configured).
func sceneSimulator(_ version: String = "17.0", _ configure: (inout SessionConfig) -> Void = { _ in }) -> Simulator {
    guard let v = IOSVersion(version) else { preconditionFailure("bad version \(version) in a test") }
    var config = SessionConfig(lifecycle: .scene, iosVersion: v)
    configure(&config)
    return Simulator(config: config)
}

/// An iPad scene app with several windows.
func iPadSimulator(_ configure: (inout SessionConfig) -> Void = { _ in }) -> Simulator {
    sceneSimulator {
        $0.device = .ipad
        $0.supportsMultipleScenes = true
        configure(&$0)
    }
}

extension ActionOutcome {
    /// "method [appState] sceneId/sceneState" for each callback.
    var sceneCalls: [String] {
        delegateCallbacks.map { c in
            "\(c.method) [\(c.appState.rawValue)]" + (c.sceneId.map { " \($0)/\(c.sceneState?.rawValue ?? "")" } ?? "")
        }
    }
}

extension ActionOutcome {
    /// Every callback as "receiver method", the view controllers by name ("root
    /// viewDidLoad()"): the interleavings of delegates and controllers.
    var lines: [String] {
        callbacks.map { c in "\(c.viewController ?? c.receiver.rawValue) \(c.method)" }
    }
}

/// How many random seeds a property test runs. `make test` (CI, within its 12 minutes)
/// runs a quarter of them; `make test-long` sets `LIFECYCLED_PROPERTY_RUNS=full` and
/// runs them all. Seeds are fixed, so both runs are reproducible.
func propertySeeds(_ full: Int) -> Range<Int> {
    ProcessInfo.processInfo.environment["LIFECYCLED_PROPERTY_RUNS"] == "full" ? 0..<full : 0..<max(1, full / 4)
}
