// lifecycled-service-bench: the service layer alone (routing, JSON, store, model),
// no sockets: the Swift part of one request of bench/actions.lua, repeatable.
//
// Creates and launches N iOS 11.0 app sessions through `Service.handle`, then
// sends them `POST /v1/sessions/{id}/actions` round the cycle background, launch, …
// with the same headers wrk sends, and prints the cost of one request. Under
// `valgrind --tool=callgrind` (few requests) its instruction counts judge a change
// without the noise of a loaded machine; bench/PROFILE.md uses both.
//
// With --idle N it instead creates and launches N sessions and prints the resident
// memory they added, per session (bench/run.sh measures the same over HTTP).
//
// With --threads T, T threads each drive their own sessions at once and it prints
// the requests a second of all of them: whether the service layer (session store
// shards, shared simulators, interned names) scales with the cores, without the
// load generator competing for them as wrk does in bench/run.sh.
//
//   lifecycled-service-bench [--sessions 8] [--requests 200000] [--idle N] [--max-log N] [--threads 1]

import Foundation
import LifecycleService
import ServiceHTTP
import Synchronization

var sessions = 8
var requests = 200_000
var idle = 0
var maxLog = ServiceLimits().maxLog
var threads = 1
var rest = CommandLine.arguments.dropFirst()
while let flag = rest.popFirst() {
    guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
        print(
            "usage: lifecycled-service-bench [--sessions 8] [--requests 200000] [--idle N] [--max-log N] [--threads 1]"
        )
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
let headers: [(name: String, value: String)] = [
    ("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"),
    ("Content-Length", "21"),
]
let config = Array(#"{"lifecycle":"app","iosVersion":"11.0"}"#.utf8)
let bodies = [Array(#"{"type":"background"}"#.utf8), Array(#"{"type":"launch"}"#.utf8)]
/// Resident memory in bytes (VmRSS).
func residentBytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kib = Int(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kib * 1024
}

/// Creates and launches `count` sessions; returns their action paths.
func launchedSessions(_ count: Int, on service: Service) -> [String] {
    var paths: [String] = []
    for _ in 0..<count {
        let created = service.handle(
            ServiceRequest(method: "POST", path: "/v1/sessions", body: config, headers: headers))
        guard created.status == 201, let text = String(bytes: created.body, encoding: .utf8),
            let start = text.range(of: #""id":""#)
        else {
            print("create failed: \(created.status)")
            exit(1)
        }
        let id = text[start.upperBound...].prefix(36)
        let path = "/v1/sessions/\(id)/actions"
        paths.append(path)
        let launched = service.handle(ServiceRequest(method: "POST", path: path, body: bodies[1], headers: headers))
        guard launched.status == 200 else {
            print("launch failed: \(launched.status)")
            exit(1)
        }
    }
    return paths
}

/// Sends `requests` actions round `paths` (background, launch, …); returns the answers' bytes.
func drive(_ paths: [String], requests: Int, on service: Service) -> Int {
    var bytes = 0
    for i in 0..<requests {
        let phase = (i / paths.count) % 2
        let response = service.handle(
            ServiceRequest(method: "POST", path: paths[i % paths.count], body: bodies[phase], headers: headers))
        guard response.status == 200 else {
            print("request \(i) answered \(response.status)")
            exit(1)
        }
        bytes &+= response.body.count
    }
    return bytes
}

if idle > 0 {
    let before = residentBytes()
    _ = launchedSessions(idle, on: service)
    let after = residentBytes()
    print(
        "service: \(idle) idle launched sessions: \((after - before) / idle) bytes a session (RSS \(before / 1024) KiB -> \(after / 1024) KiB)"
    )
    exit(0)
}

let perThread = (0..<threads).map { _ in launchedSessions(sessions, on: service) }
let count = requests
let bytes = Mutex(0)
let started = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: threads) { t in
    let answered = drive(perThread[t], requests: count, on: service)
    bytes.withLock { $0 &+= answered }
}
let elapsed = DispatchTime.now().uptimeNanoseconds - started
let total = requests * threads
let perSecond = Double(total) / (Double(elapsed) / 1e9)
print(
    "service: threads \(threads): \(total) actions on \(sessions) sessions a thread: \(String(format: "%.0f", perSecond)) requests/s, \(String(format: "%.0f", Double(elapsed) * Double(threads) / Double(total))) ns a request per thread, \(bytes.withLock { $0 } / total) bytes an answer"
)
