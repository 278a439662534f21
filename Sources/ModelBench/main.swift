// lifecycled-model-bench: the model alone, no HTTP, no JSON, no store.
//
// Launches N app sessions (iOS 11.0), then sends them round the cycle
// background, launch, background, … (every action allowed, as in bench/actions.lua)
// for a fixed time, and prints actions per second and the cost of one action.
// Run with several N to see whether that cost depends on how many sessions exist,
// and with several threads (each owning its own slice of the sessions) to see
// how it scales. Build it in release: `swift build -c release --product
// lifecycled-model-bench`; bench/run.sh does.
//
//   lifecycled-model-bench [--sessions 1,100,10000,100000] [--threads 1,2] [--seconds 1]
//   lifecycled-model-bench --explain corpus,100,1000,10000,ipad   (ExplainBench.swift)

import Dispatch
import Foundation
import LifecycleModel
import Synchronization

struct Settings {
    var sessions = [1, 100, 10_000, 100_000]
    var threads = [1, 2]
    var seconds = 1.0
    /// `--explain corpus,100,1000,ipad`: time explaining the corpus, logs of about these
    /// sizes, and an early divergence instead.
    var explain: [String] = []

    init(arguments: [String]) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { Settings.fail("\(flag) needs a value") }
            switch flag {
            case "--sessions": sessions = Settings.numbers(value, flag)
            case "--threads": threads = Settings.numbers(value, flag)
            case "--explain": explain = value.split(separator: ",").map(String.init)
            case "--seconds":
                guard let s = Double(value), s > 0 else { Settings.fail("--seconds: a positive number") }
                seconds = s
            default: Settings.fail("unknown flag \(flag)")
            }
        }
    }

    static func numbers(_ text: String, _ flag: String) -> [Int] {
        let values = text.split(separator: ",").compactMap { Int($0) }
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { fail("\(flag): positive numbers, comma separated") }
        return values
    }

    static func fail(_ message: String) -> Never {
        print("lifecycled-model-bench: \(message)")
        print(
            "usage: lifecycled-model-bench [--sessions 1,100,10000,100000] [--threads 1,2] [--seconds 1] [--explain corpus,100,1000,10000,ipad]"
        )
        exit(2)
    }
}

/// One worker's result: actions done, nanoseconds taken, callbacks seen (so the
/// optimiser cannot drop the work).
struct Tally {
    var actions = 0
    var nanoseconds: UInt64 = 0
    var callbacks = 0
}

let simulator = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: IOSVersion(major: 11, minor: 0)!))

/// Runs the background/launch cycle over `states` (already launched) for `seconds`.
func cycle(_ states: inout [AppSnapshot], seconds: Double) -> Tally {
    var tally = Tally()
    let budget = UInt64(seconds * 1e9)
    let start = DispatchTime.now().uptimeNanoseconds
    var action = Action.background
    var index = 0
    while true {
        // Check the clock every 256 actions: reading it costs about as much as a small action.
        for _ in 0..<256 {
            do {
                let outcome = try simulator.apply(action, to: states[index])
                states[index] = outcome.state
                tally.callbacks &+= outcome.callbacks.count
            } catch {
                Settings.fail("the model refused \(action) in \(states[index].app): \(error)")
            }
            tally.actions += 1
            index += 1
            if index == states.count {
                index = 0
                action = action == .background ? .launch : .background
            }
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        if elapsed >= budget {
            tally.nanoseconds = elapsed
            return tally
        }
    }
}

func launched(_ count: Int) -> [AppSnapshot] {
    (0..<count).map { _ in
        do { return try simulator.apply(.launch, to: AppSnapshot()).state } catch {
            Settings.fail("the model refused the first launch: \(error)")
        }
    }
}

let settings = Settings(arguments: Array(CommandLine.arguments.dropFirst()))
if !settings.explain.isEmpty {
    ExplainBench.run(settings.explain)
    exit(0)
}
for threads in settings.threads {
    for sessions in settings.sessions where sessions >= threads {
        // Each thread owns a slice of the sessions, like a store shard.
        let results = Mutex<[Tally]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var states = launched(sessions / threads + (worker < sessions % threads ? 1 : 0))
            let tally = cycle(&states, seconds: settings.seconds)
            results.withLock { $0.append(tally) }
        }
        let tallies = results.withLock { $0 }
        let actions = tallies.reduce(0) { $0 + $1.actions }
        let seconds = Double(tallies.map(\.nanoseconds).max() ?? 1) / 1e9
        let perSecond = Double(actions) / seconds
        let nsPerAction = seconds * 1e9 * Double(threads) / Double(actions)
        let callbacks = tallies.reduce(0) { $0 + $1.callbacks }
        print(
            "model: threads \(threads) sessions \(sessions): \(Int(perSecond)) actions/s, "
                + "\(Int(nsPerAction)) ns/action per thread (\(String(format: "%.1f", Double(callbacks) / Double(max(actions, 1)))) callbacks/action)"
        )
    }
}
