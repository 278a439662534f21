import Foundation
import ServiceHTTP
import Testing

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

extension ServiceClient {
    /// Sends a request that must be refused as bad input: a 400 problem+json of type
    /// `invalid-field` naming `field`, with the sessions as they were (their number and,
    /// for `session`, its whole answer to GET).
    @discardableResult
    func expectBadInput(
        _ method: String, _ path: String, _ body: String, field: String, session: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Reply {
        let count = service.sessionCount
        let before = session.map { send("GET", "/v1/sessions/\($0)").text }
        let r = send(method, path, body)
        #expect(r.status == 400, "\(path) \(body): \(r.text)", sourceLocation: sourceLocation)
        #expect(r.contentType == "application/problem+json", "\(path) \(body)", sourceLocation: sourceLocation)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:invalid-field", sourceLocation: sourceLocation)
        #expect(r.json["status"] as? Int == 400, sourceLocation: sourceLocation)
        #expect(r.json["field"] as? String == field, "\(path) \(body): \(r.text)", sourceLocation: sourceLocation)
        #expect(service.sessionCount == count, "\(path) \(body) changed the sessions", sourceLocation: sourceLocation)
        if let session, let before {
            let after = send("GET", "/v1/sessions/\(session)").text
            #expect(after == before, "\(path) \(body) changed session \(session)", sourceLocation: sourceLocation)
        }
        return r
    }
}
