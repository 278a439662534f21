import Foundation
import Testing

@testable import LifecycleService

/// Bugs schemathesis found, kept found.
@Suite struct RegressionTests {
    let client = ServiceClient()

    @Test func hugeAfterDoesNotOverflow() {
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        for method in ["GET", "HEAD"] {
            let r = client.send(method, "/v1/sessions/\(id)/callbacks", query: [("after", String(Int.max))])
            #expect(r.status == 200)
        }
        let r = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("after", String(Int.max))])
        #expect((r.json["callbacks"] as? [Any])?.isEmpty == true)
        #expect(client.send("GET", "/v1/sessions", query: [("after", String(Int.max))]).status == 200)
    }

    /// Limits and schemes are read in Unicode scalars / bytes, not grapheme clusters.
    @Test(arguments: [
        (#"{"type":"openURL","url":"fYO8:\ud83c\udffb"}"#, 200),
        (#"{"type":"openURL","url":"myapp:\u0301x"}"#, 200),
        (#"{"type":"openUniversalLink","url":"https://\u0301example.com"}"#, 200),
        (#"{"type":"openUniversalLink","url":"HTTPS://example.com/"}"#, 200),
        (#"{"type":"openUniversalLink","url":"https:/example.com/x"}"#, 400),
        (#"{"type":"quickAction","shortcutType":"e\#(String(repeating: "\\u0301", count: 300))"}"#, 400),
        (#"{"type":"beginBackgroundTask","name":"e\#(String(repeating: "\\u0301", count: 300))"}"#, 400),
    ])
    func unicodeAwareValidation(_ body: String, _ status: Int) {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        client.act(id, #"{"type":"launch"}"#)
        client.act(id, #"{"type":"background"}"#)
        let r = client.act(id, body)
        #expect(r.status == status, "\(body): \(r.text)")
    }

    @Test func rootViewControllerLengthCountsScalars() {
        let name = "e" + String(repeating: "\\u0301", count: 100)
        #expect(
            client.send("POST", "/v1/sessions", #"{"lifecycle":"app","rootViewController":"\#(name)"}"#).status == 400)
    }

    @Test func longQueryValuesAreNotEchoedWhole() {
        let r = client.send("GET", "/v1/sessions", query: [("limit", String(repeating: "9", count: 20_000))])
        #expect(r.status == 400)
        #expect((r.json["detail"] as? String ?? "").count < 300)
    }

    @Test func killingANotRunningAppReportsNoTermination() {
        let id = client.create()
        let r = client.act(id, #"{"type":"terminate","by":"system"}"#)
        #expect(r.status == 200)
        #expect((r.json["state"] as? [String: Any])?["lastTermination"] is NSNull)
    }
}
