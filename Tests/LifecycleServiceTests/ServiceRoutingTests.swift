import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// The router and the error rules of the contract, without sockets.
@Suite struct ServiceRoutingTests {
    let client = ServiceClient()

    @Test func healthz() {
        let r = client.send("GET", "/healthz")
        #expect(r.status == 200)
        #expect(r.text == #"{"status":"ok"}"#)
        #expect(r.contentType == "application/json")
    }

    @Test(arguments: ["/v1", "/v1/", "/v1/sessions/", "/healthz/", "/v2/sessions", "/v1/sessionsx", "//v1/sessions"])
    func unknownPathIs404Problem(_ path: String) {
        let r = client.send("GET", path)
        #expect(r.status == 404)
        #expect(r.contentType == "application/problem+json")
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:not-found")
        #expect(r.json["status"] as? Int == 404)
    }

    @Test(arguments: [
        ("DELETE", "/healthz", "GET, HEAD"),
        ("PUT", "/v1/sessions", "GET, HEAD, POST, DELETE"),
        ("POST", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42", "GET, HEAD, PUT, DELETE"),
        ("GET", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42/actions", "POST"),
        ("POST", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42/callbacks", "GET, HEAD"),
        ("GET", "/v1/simulate", "POST"),
    ])
    func wrongMethodIs405WithAllow(_ method: String, _ path: String, _ allow: String) {
        let r = client.send(method, path)
        #expect(r.status == 405)
        #expect(r.response.headerValue("Allow") == allow)
        #expect(r.contentType == "application/problem+json")
        #expect((r.json["detail"] as? String)?.contains(allow) == true)
    }

    @Test(arguments: [
        "/v1/sessions/not-a-uuid", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42",
        "/v1/sessions/nope/actions", "/v1/sessions/6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a42/callbacks",
    ])
    func unknownSessionIs404(_ path: String) {
        let r = client.send(path.hasSuffix("actions") ? "POST" : "GET", path, #"{"type":"launch"}"#)
        #expect(r.status == 404)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:session-not-found")
    }

    @Test func bridgeProblemsHaveTheSameShape() {
        let r = ServiceClient.Reply(response: client.service.problem(status: 413, detail: "too big"))
        #expect(r.status == 413)
        #expect(r.contentType == "application/problem+json")
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:payload-too-large")
        #expect(r.json["detail"] as? String == "too big")
    }
}

/// The hand-written UUID parser of session paths.
@Suite struct UUIDPathTests {
    /// `UUID(pathBytes:)` on the UTF-8 of `text`, as the router calls it.
    func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { UUID(pathBytes: $0) }
    }

    @Test func roundTripsRandomIdsInEitherCase() {
        for _ in 0..<500 {
            let id = UUID()
            #expect(parse(id.uuidString) == id)
            #expect(parse(id.uuidString.lowercased()) == id)
        }
    }

    @Test(arguments: [
        "", "6f1c2b9e3d4a4f0b9a532c7e8d1f0a42", "6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a4",
        "6f1c2b9e-3d4a-4f0b-9a53-2c7e8d1f0a422", "6f1c2b9e-3d4a-4f0b-9a53_2c7e8d1f0a42",
        "6f1c2b9g-3d4a-4f0b-9a53-2c7e8d1f0a42", "6f1c2b9e-3d4a-4f0b-9a532-c7e8d1f0a42", "é",
    ])
    func rejectsMalformedIds(_ text: String) {
        #expect(parse(text) == nil)
    }
}
