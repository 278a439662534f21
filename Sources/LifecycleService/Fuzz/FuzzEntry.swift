import Foundation
import LifecycleModel
import ServiceHTTP

/// Entry points for `make fuzz` (the `lifecycled-fuzz` target): each takes arbitrary
/// bytes and runs one input stage of the service, checking what must hold for any
/// input. A violated property traps (libFuzzer records the input as a crash).
/// `package`, not `public`: the fuzzer is a target of this package, and the stages
/// reach internals (parser, decoders, sessions) no client of the library should see.
package enum FuzzEntry {
    /// The JSON parser: any bytes parse or throw; what parses re-encodes to JSON that
    /// parses to the same value.
    package static func json(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        var w = JSONWriter()
        w.value(value)
        guard let again = try? JSONParser.parse(w.bytes), again == value else {
            preconditionFailure("JSON round trip changed the value")
        }
    }

    /// The action decoder, then the model: a decoded action is applied to a launched
    /// app of each lifecycle; refusals are fine, a trap is not.
    package static func action(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes), let action = try? ActionDecoding.decode(value) else { return }
        for config in [
            #"{"lifecycle":"app","iosVersion":"11.0"}"#,
            #"{"lifecycle":"scene","iosVersion":"17.0","supportsMultipleScenes":true}"#,
        ] {
            guard let configValue = try? JSONParser.parse(Array(config.utf8)),
                let decoded = try? ConfigDecoding.decode(configValue)
            else { preconditionFailure("fixed config refused") }
            var session = Session(id: UUID(), config: decoded, maxLog: 1000)
            _ = try? session.apply(.launch)
            _ = try? session.apply(action)
        }
    }

    /// The config decoder, then a launch of the decoded config.
    package static func config(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes), let config = try? ConfigDecoding.decode(value) else { return }
        var session = Session(id: UUID(), config: config, maxLog: 1000)
        _ = try? session.apply(.launch)
    }

    private static let service = Service(limits: ServiceLimits(maxSessions: 100))

    /// The path router, through the whole service: the first byte picks the method,
    /// the rest is the path; every answer is a valid HTTP status, and a JSON body
    /// (application/json or problem+json) parses. The playground, /metrics and
    /// /openapi.yaml answer HTML, Prometheus text and YAML.
    ///
    /// Returns false when the input reached `POST /v1/coverage`, whose answer is a
    /// bounded search by design (about 30 ms in release at the default bounds, capped
    /// at 5,000 states; a second under the fuzzer's instrumentation): the caller's
    /// slow-input rule, meant to catch blow-ups in routing and parsing, does not apply.
    @discardableResult
    package static func route(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return true }
        let methods = ["GET", "POST", "DELETE", "HEAD", "PUT", "PATCH", "OPTIONS"]
        let method = methods[Int(first) % methods.count]
        let path = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let route = Route(path: path)
        let response = service.handle(
            ServiceRequest(method: method, path: path, body: method == "POST" ? Array("{}".utf8) : []))
        precondition((200...599).contains(response.status), "status \(response.status)")
        if !response.body.isEmpty, response.headerValue("Content-Type")?.contains("json") ?? true {
            precondition((try? JSONParser.parse(response.body)) != nil, "answer is not JSON")
        }
        if service.sessionCount > 50 { service.store.sweepAll() }
        if case .coverage? = route, method == "POST" { return false }
        return true
    }
}
