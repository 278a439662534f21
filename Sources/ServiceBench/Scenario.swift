// The requests lifecycled-service-bench repeats, one scenario each. bench/budgets.tsv
// has a row per scenario (its cost budgets); bench/budgets.sh measures each row with
// `--scenario NAME` under valgrind and divides by the units a request holds.
//
// Adding a measured cost: one entry in `Scenario.all`, one row in bench/budgets.tsv,
// then `bench/budgets.sh --update NAME` records its figures.

import LifecycleModel
import LifecycleService
import ServiceHTTP

/// One kind of request the bench sends over and over, and what a measured unit of it is.
struct Scenario: Sendable {
    /// The name `--scenario` and the rows of bench/budgets.tsv use.
    let name: String
    /// What one measured unit is, singular (`action`, `simulate request`).
    let unit: String
    /// Units in one request: budgets are per unit, so a request that explains ten log
    /// entries would count ten.
    let unitsPerRequest: Int
    /// Whether the requests act on `--sessions` sessions of their own (the summary says so).
    let usesSessions: Bool
    /// What it sends, one line (`--scenarios` lists it).
    let summary: String
    /// Creates what one thread's requests need on the service (its sessions) and returns them.
    let prepare: @Sendable (_ service: Service, _ sessions: Int) -> Requests
    /// The two request counts bench/budgets.sh runs under valgrind (their difference
    /// cancels start-up): thousands for a request of microseconds, a few dozen for one
    /// that searches (an explained log).
    var budgetRequests: (low: Int, high: Int) = (2000, 12000)
}

/// One thread's requests: `request(i)` is the `i`-th it sends, answered with 200.
/// An enum rather than a closure or a protocol: `drive`'s loop then costs what it did
/// before there were scenarios (a closure added about 40 instructions a request, an
/// unspecialized protocol about 70, to the `action` scenario's 13,000).
enum Requests: Sendable {
    /// Actions round fresh launched sessions (their action paths): all of them
    /// background, then all launch, and so on, so none is ever refused. The bodies and
    /// headers are the thread's own (`ActionRequests`), as a server's requests are.
    case actions(ActionRequests)
    /// One request sent again and again (it changes nothing the next one sees).
    case same(ServiceRequest)
    /// Requests that change nothing, sent round in turn (a read of each session).
    case reads([ServiceRequest])

    @inline(__always)
    func request(_ i: Int) -> ServiceRequest {
        switch self {
        case .actions(let own):
            let phase = (i / own.paths.count) % 2
            return ServiceRequest(
                method: "POST", path: own.paths[i % own.paths.count], body: own.bodies[phase], fields: own.fields[phase]
            )
        case .same(let request):
            return request
        case .reads(let requests):
            return requests[i % requests.count]
        }
    }
}

extension Scenario {
    /// Every scenario; the first is the default (the one bench/run.sh and PROFILE.md's
    /// history measure).
    static let all: [Scenario] = [
        Scenario(
            name: "action", unit: "action", unitsPerRequest: 1, usesSessions: true,
            summary: "POST /v1/sessions/{id}/actions, background then launch, round launched iOS 11.0 app sessions "
                + "(bench/actions.lua)",
            prepare: { service, sessions in
                .actions(ActionRequests(paths: launchedSessions(sessions, config: appConfig, on: service)))
            }),
        Scenario(
            name: "scene", unit: "scene action", unitsPerRequest: 1, usesSessions: true,
            summary: "the same on launched iOS 17.0 scene-app sessions: each callback carries its scene's members",
            prepare: { service, sessions in
                .actions(ActionRequests(paths: launchedSessions(sessions, config: sceneConfig, on: service)))
            }),
        Scenario(
            name: "simulate", unit: "simulate request", unitsPerRequest: 1, usesSessions: false,
            summary: "POST /v1/simulate: a fresh iOS 11.0 app, launch, background, launch (bench/simulate.lua)",
            prepare: { _, _ in
                .same(
                    ServiceRequest(
                        method: "POST", path: "/v1/simulate", body: simulateBody, headers: headers(for: simulateBody)))
            }),
        Scenario(
            name: "observers", unit: "observed action", unitsPerRequest: 1, usesSessions: true,
            summary: "the action scenario with all seven observer channels on (issue #20): the notifications and "
                + "six lenses' items join each action's callbacks",
            prepare: { service, sessions in
                .actions(ActionRequests(paths: launchedSessions(sessions, config: observedConfig, on: service)))
            }),
        Scenario(
            name: "log", unit: "log read", unitsPerRequest: 1, usesSessions: true,
            summary: "GET /v1/sessions/{id}/callbacks of launched iOS 11.0 app sessions after Home and return "
                + "(the log served from the store: \(homeAndReturnCallbacks) callbacks)",
            prepare: { service, sessions in
                .reads(
                    homeAndReturn(launchedSessions(sessions, config: appConfig, on: service), on: service).map {
                        ServiceRequest(method: "GET", path: $0, body: [], headers: headers(for: []))
                    })
            }),
        Scenario(
            name: "explain", unit: "explained log entry", unitsPerRequest: explainLog.entries,
            usesSessions: false,
            summary: "POST /v1/explain: the \(explainLog.entries)-entry callback log of an iOS 17.0 scene app "
                + "(launch, push, background, launch, present, background), explained (issue #21)",
            prepare: { _, _ in
                .same(
                    ServiceRequest(
                        method: "POST", path: "/v1/explain", body: explainLog.body,
                        headers: headers(for: explainLog.body)))
            }, budgetRequests: (2, 7)),
    ]

    /// The scenario called `name`, if there is one.
    static func named(_ name: String) -> Scenario? {
        all.first { $0.name == name }
    }
}

/// The config of bench/common.lua (and of `--idle`).
let appConfig = Array(#"{"lifecycle":"app","iosVersion":"11.0"}"#.utf8)
let sceneConfig = Array(#"{"lifecycle":"scene","iosVersion":"17.0"}"#.utf8)
/// The `action` scenario's app with every observer channel (issue #20).
let observedConfig = Array(
    #"{"lifecycle":"app","iosVersion":"11.0","observers":["notifications","reactNative","flutter","capacitor","cordova","maui","composeMultiplatform"]}"#
        .utf8)
let simulateBody = Array(
    #"{"session":{"lifecycle":"app","iosVersion":"11.0"},"actions":[{"type":"launch"},{"type":"background"},{"type":"launch"}]}"#
        .utf8)
/// The `explain` scenario's request: the whole callback log (method, receiver, view
/// controller) of a fixed run, built from the model, with its config; `entries` log entries.
let explainLog: (body: [UInt8], entries: Int) = {
    guard let ios17 = IOSVersion(major: 17, minor: 0) else { fail("iOS 17.0 is not a version") }
    let simulator = Simulator(config: SessionConfig(lifecycle: .scene, iosVersion: ios17))
    let actions: [Action] = [
        .launch, .push(name: "detail", sceneId: nil), .background, .launch,
        .present(name: "settings", style: nil, sceneId: nil), .background,
    ]
    var state = AppSnapshot()
    var entries: [String] = []
    for action in actions {
        guard let outcome = try? simulator.apply(action, to: state) else {
            fail("the explain log's \(action) was refused")
        }
        state = outcome.state
        for c in outcome.callbacks {
            var entry = #"{"method":"\#(c.method)","receiver":"\#(c.receiver.rawValue)""#
            if let name = c.viewController { entry += #","viewController":"\#(name)""# }
            entries.append(entry + "}")
        }
    }
    let body =
        #"{"config":{"lifecycle":"scene","iosVersion":"17.0"},"maxActions":\#(actions.count),"callbacks":["#
        + entries.joined(separator: ",") + "]}"
    return (Array(body.utf8), entries.count)
}()

/// background, launch: the cycle bench/actions.lua sends.
let actionBodies = [Array(#"{"type":"background"}"#.utf8), Array(#"{"type":"launch"}"#.utf8)]

/// One thread's action requests: its sessions' paths, and bodies and headers in memory
/// of its own. Shared by the threads, they had every thread retain and release the
/// same arrays at each request, a cost a server's requests, each its own, do not have.
struct ActionRequests: Sendable {
    let paths: [String]
    let bodies: [[UInt8]]
    /// Made once, not per request: the bridge makes a request's headers, and the bench
    /// measures the service. Every header wrk sends, as the bridge hands them over with
    /// an access log (lifecycled's default); with `--quiet` it hands over only those the
    /// service reads (`Service.readHeaders`), of which wrk sends none, and a request costs
    /// the service about 120 instructions less (bench/PROFILE.md, "The headers the
    /// service reads").
    let fields: [HeaderFields]

    init(paths: [String]) {
        self.paths = paths
        bodies = actionBodies.map { body in body.map { $0 } }  // copies (`Array(body)` would share the storage)
        fields = bodies.map { HeaderFields(headers(for: $0)) }
    }
}

/// The headers wrk sends with `body`.
func headers(for body: [UInt8]) -> [(name: String, value: String)] {
    [("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"), ("Content-Length", String(body.count))]
}

/// Sends each session of `paths` (action paths) to the home screen and back; returns
/// their log paths (`GET …/callbacks`).
func homeAndReturn(_ paths: [String], on service: Service) -> [String] {
    for path in paths {
        for body in actionBodies {
            let answer = service.handle(
                ServiceRequest(method: "POST", path: path, body: body, headers: headers(for: body)))
            guard answer.status == 200 else { fail("\(path) answered \(answer.status)") }
        }
    }
    return paths.map { String($0.dropLast("actions".count)) + "callbacks" }
}

/// The callbacks of an iOS 11.0 app's launch, Home and return (the `log` scenario's log).
let homeAndReturnCallbacks: Int = {
    guard let ios11 = IOSVersion(major: 11, minor: 0) else { fail("iOS 11.0 is not a version") }
    let simulator = Simulator(config: SessionConfig(lifecycle: .app, iosVersion: ios11))
    var state = AppSnapshot()
    var count = 0
    for action in [Action.launch, .background, .launch] {
        guard let outcome = try? simulator.apply(action, to: state) else { fail("\(action) was refused") }
        state = outcome.state
        count += outcome.callbacks.count
    }
    return count
}()

/// Creates and launches `count` sessions of `config`; returns their action paths.
func launchedSessions(_ count: Int, config: [UInt8], on service: Service) -> [String] {
    var paths: [String] = []
    for _ in 0..<count {
        let created = service.handle(
            ServiceRequest(method: "POST", path: "/v1/sessions", body: config, headers: headers(for: config)))
        guard created.status == 201, let text = String(bytes: created.body, encoding: .utf8),
            let start = text.range(of: #""id":""#)
        else { fail("create answered \(created.status)") }
        let id = text[start.upperBound...].prefix(36)
        let path = "/v1/sessions/\(id)/actions"
        paths.append(path)
        let launched = service.handle(
            ServiceRequest(method: "POST", path: path, body: actionBodies[1], headers: headers(for: actionBodies[1])))
        guard launched.status == 200 else { fail("launch answered \(launched.status)") }
    }
    return paths
}
