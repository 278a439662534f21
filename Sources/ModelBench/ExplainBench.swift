// `lifecycled-model-bench --explain 100,1000`: the time `Simulator.explain` takes on
// logs of about that many entries (issue #21: goal under 50 ms and under 1 s on one
// core), with the nodes it visits. Each log is the full callback log of a fixed
// pseudo-random walk on an iOS 17 scene app that pushes and presents named view
// controllers; the explanation must reproduce it.

import Dispatch
import LifecycleModel

enum ExplainBench {
    static let simulator = Simulator(
        config: SessionConfig(lifecycle: .scene, iosVersion: IOSVersion(major: 17, minor: 0)!))

    /// A walk whose log has at least `entries` callbacks (ending with an action), from a launch.
    static func walk(entries: Int) -> (log: [LogEntry], actions: Int) {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        var state = AppSnapshot()
        var log: [LogEntry] = []
        var actions = 0
        while log.count < entries {
            var choices = simulator.plainActions(in: state).map(\.action)
            choices += [.push(name: "detail", sceneId: nil), .present(name: "settings", style: nil, sceneId: nil)]
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let action = actions == 0 ? .launch : choices[Int((seed >> 33) % UInt64(choices.count))]
            guard let out = try? simulator.apply(action, to: state),
                ExplorationBounds.standard.contains(AbstractState(out.state))
            else { continue }
            log += out.callbacks.map {
                LogEntry(method: $0.method.name, receiver: $0.receiver.rawValue, viewController: $0.viewController)
            }
            state = out.state
            actions += 1
        }
        return (log, actions)
    }

    static func run(_ sizes: [Int]) {
        _ = simulator.explain([LogEntry(method: "viewDidLoad()")])  // the method catalog, built once
        for size in sizes {
            let (log, actions) = walk(entries: size)
            let limits = ExplainLimits(maxActions: actions, nodeBudget: 1_000_000)
            var best = UInt64.max
            var result = simulator.explain(log, limits: limits)
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                result = simulator.explain(log, limits: limits)
                best = min(best, DispatchTime.now().uptimeNanoseconds - start)
            }
            guard result.explained else {
                Settings.fail(
                    "the \(log.count)-entry log was not explained: \(String(describing: result.divergence)) \(String(describing: result.stopped)) after \(result.actions.count) actions"
                )
            }
            let ms = Double(best) / 1e6
            print(
                "explain: \(log.count)-entry log (\(actions) actions walked): \(String(format: "%.1f", ms)) ms, "
                    + "\(result.nodesVisited) nodes, \(result.actions.count) actions found")
        }
    }
}
