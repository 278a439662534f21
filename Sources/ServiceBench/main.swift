// lifecycled-service-bench: the service layer alone (routing, JSON, store, model),
// no sockets: the Swift part of one request of bench/actions.lua, repeatable.
//
// Creates and launches N iOS 11.0 app sessions through `Service.handle`, then
// sends them `POST /v1/sessions/{id}/actions` round the cycle background, launch, …
// with the same headers wrk sends, and prints the cost of one request. Under
// `valgrind --tool=callgrind` (few requests) its instruction counts judge a change
// without the noise of a loaded machine; bench/PROFILE.md uses both.
//
// With --scenario NAME it sends another kind of request instead (Scenario.swift;
// --scenarios lists them): bench/budgets.sh measures each scenario's instructions
// and allocations per unit against bench/budgets.tsv. The default is `action`, the
// requests described above.
//
// With --idle N it instead creates and launches N sessions and prints the resident
// memory they added, per session (bench/run.sh measures the same over HTTP).
//
// With --memory it prints what sessions hold on the heap (Memory.swift): an idle
// launched session, one after launch, Home and return, and a retained callback, for
// the app, scene and observers configs; bench/budgets.sh checks the app's against
// issue #36's goals.
//
// With --threads T, T threads each drive their own sessions at once and it prints
// the requests a second of all of them: whether the service layer (session store
// shards, shared simulators, interned names) scales with the cores, without the
// load generator competing for them as wrk does in bench/run.sh.
//
//   lifecycled-service-bench [--scenario action] [--sessions 8] [--requests 200000] [--idle N]
//                            [--max-log N] [--threads 1]
//   lifecycled-service-bench --memory         one line a measure: memory, config, measure, bytes, what
//   lifecycled-service-bench --scenarios      one line a scenario: name, units a request, unit, summary,
//                                             the request counts bench/budgets.sh runs (low, high)

import Foundation
import LifecycleService
import ServiceHTTP
import Synchronization

let usage = """
    usage: lifecycled-service-bench [--scenario action] [--sessions 8] [--requests 200000] [--idle N] \
    [--max-log N] [--threads 1]
           lifecycled-service-bench --scenarios
           lifecycled-service-bench --memory
    """

/// Prints `message` and stops the bench with status 1.
func fail(_ message: String) -> Never {
    print("lifecycled-service-bench: \(message)")
    exit(1)
}

var scenario = Scenario.all[0]
var sessions = 8
var requests = 200_000
var idle = 0
var maxLog = ServiceLimits().maxLog
var threads = 1
var rest = CommandLine.arguments.dropFirst()
while let flag = rest.popFirst() {
    if flag == "--scenarios" {
        for s in Scenario.all {
            let (low, high) = s.budgetRequests
            print("\(s.name)\t\(s.unitsPerRequest)\t\(s.unit)\t\(s.summary)\t\(low)\t\(high)")
        }
        exit(0)
    }
    if flag == "--memory" {
        MemoryReport().run()
        exit(0)
    }
    if flag == "--scenario" {
        guard let name = rest.popFirst(), let named = Scenario.named(name) else {
            print(
                "lifecycled-service-bench: --scenario takes one of \(Scenario.all.map(\.name).joined(separator: ", "))")
            exit(2)
        }
        scenario = named
        continue
    }
    guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
        print(usage)
        exit(2)
    }
    switch flag {
    case "--sessions": sessions = value
    case "--requests": requests = value
    case "--idle": idle = value
    case "--max-log": maxLog = value
    case "--threads": threads = value
    default:
        print("lifecycled-service-bench: unknown flag \(flag)")
        exit(2)
    }
}

let service = Service(limits: ServiceLimits(maxSessions: max(100_000, idle + sessions), maxLog: maxLog))
/// Resident memory in bytes (VmRSS).
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kib = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kib * 1024
}

/// Sends `count` of `requests`; returns the answers' bytes.
func drive(_ requests: Requests, count: Int, on service: Service) -> Int {
    var bytes = 0
    for i in 0..<count {
        let response = service.handle(requests.request(i))
        guard response.status == 200 else { fail("request \(i) answered \(response.status)") }
        bytes &+= response.bodyCount
    }
    return bytes
}

if idle > 0 {
    let before = residentBytes()
    _ = launchedSessions(idle, config: appConfig, on: service)
    let after = residentBytes()
    print(
        "service: \(idle) idle launched sessions: \((after - before) / idle) bytes a session (RSS \(before / 1024) KiB -> \(after / 1024) KiB)"
    )
    exit(0)
}

let chosen = scenario
let perThread = (0..<threads).map { _ in chosen.prepare(service, sessions) }
let count = requests
let bytes = Mutex(0)
let started = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: threads) { t in
    let answered = drive(perThread[t], count: count, on: service)
    bytes.withLock { $0 &+= answered }
}
let elapsed = DispatchTime.now().uptimeNanoseconds - started
let total = requests * threads
let perSecond = Double(total) / (Double(elapsed) / 1e9)
let what =
    "\(total * chosen.unitsPerRequest) \(chosen.unit)s"
    + (chosen.usesSessions ? " on \(sessions) sessions a thread" : "")
print(
    "service: threads \(threads): \(what): \(String(format: "%.0f", perSecond)) requests/s, \(String(format: "%.0f", Double(elapsed) * Double(threads) / Double(total))) ns a request per thread, \(bytes.withLock { $0 } / total) bytes an answer"
)
