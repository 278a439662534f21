import Foundation
import LifecycleService
import MHDServer
import ServiceHTTP

/// The real service behind the real libmicrohttpd bridge, on a free port: the same
/// composition as the executable, in-process.
final class LiveService: Sendable {
    let service: Service
    let server: HTTPServer
    var port: UInt16 { server.port }

    init(limits: ServiceLimits = ServiceLimits(), maxBody: Int = 1 << 20, threads: Int = 2) throws {
        let service = Service(limits: limits)
        self.service = service
        server = HTTPServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, threads: threads, maxBody: maxBody),
            handler: { service.handle($0) },
            problem: { service.problem(status: $0, detail: $1) })
        try server.start()
    }

    deinit { server.stop(graceSeconds: 1) }

    /// One request on its own connection.
    func send(
        _ method: String, _ target: String, _ body: String? = nil,
        headers: [(String, String)] = []
    ) throws -> RawResponse {
        try RawHTTP.exchange(
            port: port, RawHTTP.request(method, target, headers: headers, body: body.map { Array($0.utf8) }))
    }

    /// Creates a session, returning its id.
    func create(_ config: String) throws -> String {
        let r = try send("POST", "/v1/sessions", config)
        guard r.status == 201, let id = r.json["id"] as? String else {
            throw RawHTTPError.malformed("create: \(r.status) \(r.text)")
        }
        return id
    }
}

extension RawResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
    }

    var callbacks: [[String: Any]] { json["callbacks"] as? [[String: Any]] ?? [] }
}

/// Serializes a Foundation JSON object (fixture pieces) back to text.
func jsonText(_ object: Any) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    else { return "null" }
    return String(decoding: data, as: UTF8.self)
}
