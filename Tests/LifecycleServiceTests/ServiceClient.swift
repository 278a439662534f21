import Foundation
import ServiceHTTP

@testable import LifecycleService

/// Drives a `Service` in-process, the way the bridge does, and reads JSON answers.
struct ServiceClient {
    let service: Service

    init(_ service: Service = Service()) { self.service = service }

    struct Reply {
        var response: ServiceResponse
        var status: Int { response.status }
        var text: String { String(decoding: response.body, as: UTF8.self) }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        }
        var contentType: String? { response.headerValue("Content-Type") }
    }

    @discardableResult
    func send(_ method: String, _ path: String, _ body: String? = nil, query: [(name: String, value: String)] = [])
        -> Reply
    {
        Reply(
            response: service.handle(
                ServiceRequest(method: method, path: path, query: query, body: Array((body ?? "").utf8))))
    }

    /// Creates a session and returns its id (fails the test through the empty string otherwise).
    func create(_ config: String = #"{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true}"#) -> String {
        send("POST", "/v1/sessions", config).json["id"] as? String ?? ""
    }

    @discardableResult
    func act(_ id: String, _ action: String) -> Reply {
        send("POST", "/v1/sessions/\(id)/actions", action)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// `[(method, appState)]` of an action result's callbacks.
    var calls: [String] {
        (self["callbacks"] as? [[String: Any]] ?? []).map { "\($0["method"] ?? "?") [\($0["appState"] ?? "?")]" }
    }
}
