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
//   lifecycled-service-bench [--sessions 8] [--requests 200000] [--idle N] [--max-log N]

import Foundation
import LifecycleService
import ServiceHTTP

var sessions = 8
var requests = 200_000
var idle = 0
var maxLog = ServiceLimits().maxLog
var rest = CommandLine.arguments.dropFirst()
while let flag = rest.popFirst() {
    guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else {
        print("usage: lifecycled-service-bench [--sessions 8] [--requests 200000] [--idle N] [--max-log N]")
        exit(2)
    }
    switch flag {
    case "--sessions": sessions = value
    case "--requests": requests = value
    case "--idle": idle = value
    case "--max-log": maxLog = value
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

var paths: [String] = []
if idle > 0 { sessions = idle }
let before = residentBytes()
for _ in 0..<sessions {
    let created = service.handle(ServiceRequest(method: "POST", path: "/v1/sessions", body: config, headers: headers))
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

if idle > 0 {
    paths = []
    let after = residentBytes()
    print(
        "service: \(idle) idle launched sessions: \((after - before) / idle) bytes a session (RSS \(before / 1024) KiB -> \(after / 1024) KiB)"
    )
    exit(0)
}

var bytes = 0
let started = DispatchTime.now().uptimeNanoseconds
for i in 0..<requests {
    let phase = (i / sessions) % 2
    let response = service.handle(
        ServiceRequest(
            method: "POST", path: paths[i % sessions], body: bodies[phase],
            headers: headers))
    guard response.status == 200 else {
        print("request \(i) answered \(response.status)")
        exit(1)
    }
    bytes &+= response.body.count
}
let elapsed = DispatchTime.now().uptimeNanoseconds - started
print(
    "service: \(requests) actions on \(sessions) sessions: \(String(format: "%.0f", Double(elapsed) / Double(requests))) ns a request, \(bytes / requests) bytes an answer"
)
