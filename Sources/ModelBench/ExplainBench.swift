// `lifecycled-model-bench --explain corpus,100,1000,10000,ipad`: the time explaining takes
// (issue #34; text parsing and the search, the model alone, one core), best of a few
// runs in CPU time, with the cost per log entry, the nodes held and the action applications tried:
//
// - corpus: each log of Tests/Fixtures/explain (real device logs) under its config;
// - N: logs of at least N entries made of the real cycles of two corpus logs, repeated:
//   sceneless (g01's launch, then g02's home-and-back cycle) and scene (g09's launch,
//   home and back, then the kill of g03), explained (goals: 50 ms for 1,000 entries,
//   500 ms for 10,000);
// - ipad: a 6-entry log that diverges early (a scene enters the background before it
//   resigns active) on a two-window iPad and on an iPhone (goal: 50 ms for the iPad).
//
// Run from the repository's root (the fixtures are read by path); bench/run.sh does.

import Foundation
import LifecycleModel

enum ExplainBench {
    static let fixtures = "Tests/Fixtures/explain"
    static let runs = 3

    static func run(_ items: [String]) {
        // The method catalog and the vocabulary's tables, built once.
        _ = TextLog.parse("viewDidLoad()")
        for item in items {
            switch item {
            case "corpus": corpus()
            case "ipad": earlyDivergence()
            default:
                guard let size = Int(item), size > 0 else {
                    Settings.fail("--explain: corpus, ipad or a number of entries (got \(item))")
                }
                cycles(size)
            }
        }
    }

    /// The best time of `runs` runs of `body`, in milliseconds of this thread's CPU
    /// time (on a shared machine the wall clock also counts the others' work), and its
    /// last result.
    static func time<T>(_ body: () -> T) -> (ms: Double, result: T) {
        var best = UInt64.max
        var result = body()
        for _ in 0..<runs {
            let start = cpuNanoseconds()
            result = body()
            best = min(best, cpuNanoseconds() - start)
        }
        return (Double(best) / 1e6, result)
    }

    static func cpuNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    static func explain(_ text: String, _ config: SessionConfig) -> (TextLog, Explanation) {
        let log = TextLog.parse(text)
        return (log, Explainer.explain(log.entries.map(\.entry), config: config))
    }

    static func describe(_ e: Explanation) -> String {
        let what =
            e.explained
            ? "explained by \(e.actions.count) action(s)"
            : e.divergence.map { "diverges at \($0.index)" } ?? "stopped (\(e.stopped?.bound ?? "?"))"
        return "\(what), \(e.nodesVisited) nodes, \(e.steps) steps"
    }

    // MARK: The corpus

    static func corpus() {
        guard let data = FileManager.default.contents(atPath: "\(fixtures)/cases.json"),
            let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { Settings.fail("--explain corpus: run from the repository's root (\(fixtures)/cases.json)") }
        var total = 0.0
        for c in cases {
            let file = c["log"] as? String ?? "?"
            guard let text = try? String(contentsOfFile: "\(fixtures)/\(file)", encoding: .utf8) else {
                Settings.fail("--explain corpus: cannot read \(fixtures)/\(file)")
            }
            let config = sessionConfig(c["config"] as? [String: Any] ?? [:])
            let (ms, (log, e)) = time { explain(text, config) }
            total += ms
            let kind = c["confidence"] as? String ?? "?"
            let answer =
                log.entries.isEmpty
                ? "no callback (a 400 that says what to write)"
                : "\(describe(e)): \(e.actions.map(\.kind.rawValue).joined(separator: ", "))"
            print(
                "explain: corpus \(file) (\(kind), \(log.entries.count) entries): \(String(format: "%.2f", ms)) ms, \(answer)"
            )
        }
        print("explain: corpus, \(cases.count) logs: \(String(format: "%.1f", total)) ms in all")
    }

    /// The config members the corpus uses.
    static func sessionConfig(_ json: [String: Any]) -> SessionConfig {
        let version = (json["iosVersion"] as? String).flatMap(IOSVersion.init) ?? SessionConfig.defaultVersion
        var config = SessionConfig(
            lifecycle: (json["lifecycle"] as? String).flatMap(LifecycleKind.init(rawValue:)), iosVersion: version,
            device: (json["device"] as? String).flatMap(Device.init(rawValue:)) ?? .iphone,
            supportsMultipleScenes: json["supportsMultipleScenes"] as? Bool ?? false)
        config.observers = (json["observers"] as? [String] ?? []).compactMap(ObserverChannel.init(rawValue:))
        return config
    }

    static func version(_ text: String) -> IOSVersion {
        guard let v = IOSVersion(text) else { Settings.fail("no iOS version \(text)") }
        return v
    }

    // MARK: Long logs of real cycles

    static func fixture(_ name: String) -> String {
        guard let text = try? String(contentsOfFile: "\(fixtures)/\(name)", encoding: .utf8) else {
            Settings.fail("--explain: run from the repository's root (\(fixtures)/\(name))")
        }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// A log of at least `entries` entries: `opening`, then `cycle` repeated.
    static func repeated(_ opening: String, _ cycle: String, entries: Int) -> String {
        let per = TextLog.parse(cycle).entries.count
        let first = TextLog.parse(opening).entries.count
        let count = max(1, (entries - first + per - 1) / per)
        return opening + String(repeating: cycle, count: count)
    }

    static func cycles(_ size: Int) {
        let g01 = fixture("g01_sfios_coffup.log")
        let g03 = fixture("g03_forum732170_slow_kill.log")
        // g01's launch (its first four lines), then g02's home-and-back, over and over.
        let sceneless = repeated(
            g01.split(separator: "\n", omittingEmptySubsequences: false).prefix(4).joined(separator: "\n") + "\n",
            fixture("g02_keybase.log"), entries: size)
        // g09's launch, home and back, then g03's kill (its last three lines), over and over.
        let kill = g03.split(separator: "\n").suffix(3).joined(separator: "\n") + "\n"
        let scene = repeated("", fixture("g09_prashuk_scene.log") + kill, entries: size)
        for (name, text, config) in [
            ("sceneless iOS 12.2 (g01 + g02)", sceneless, SessionConfig(lifecycle: .app, iosVersion: version("12.2"))),
            ("scene iOS 17.0 (g09 + g03)", scene, SessionConfig(iosVersion: version("17.0"))),
        ] {
            let (ms, (log, e)) = time { explain(text, config) }
            guard e.explained else {
                Settings.fail("the \(log.entries.count)-entry \(name) log was not explained: \(describe(e))")
            }
            let (parse, _) = time { TextLog.parse(text) }
            let perEntry = ms * 1000 / Double(log.entries.count)
            print(
                "explain: \(name), \(log.entries.count) entries: \(String(format: "%.1f", ms)) ms (\(String(format: "%.2f", perEntry)) µs an entry; reading the text \(String(format: "%.1f", parse)) ms), \(describe(e))"
            )
        }
    }

    // MARK: An early divergence

    static func earlyDivergence() {
        let text = """
            scene(_:willConnectTo:options:)
            sceneWillEnterForeground(_:)
            sceneDidBecomeActive(_:)
            sceneDidEnterBackground(_:)
            sceneWillResignActive(_:)
            sceneDidDisconnect(_:)
            """
        for (name, config) in [
            (
                "two-window iPad",
                SessionConfig(iosVersion: version("17.0"), device: .ipad, supportsMultipleScenes: true)
            ),
            ("iPhone", SessionConfig(iosVersion: version("17.0"))),
        ] {
            let (ms, (_, e)) = time { explain(text, config) }
            guard !e.explained, e.divergence != nil else {
                Settings.fail("the early-divergence log on an \(name) should diverge: \(describe(e))")
            }
            print("explain: early divergence, 6 entries, \(name): \(String(format: "%.2f", ms)) ms, \(describe(e))")
        }
    }
}
