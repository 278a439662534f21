import Foundation
import LifecycleModel
import ServiceHTTP
import Testing

@testable import LifecycleService

/// `GET /`: the playground page, served from the binary, self-contained.
@Suite struct PlaygroundTests {
    let client = ServiceClient()

    @Test func rootIsTheSelfContainedPlaygroundPage() throws {
        let r = client.send("GET", "/")
        #expect(r.status == 200)
        #expect(r.contentType == "text/html; charset=utf-8")
        let html = r.text
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<title>lifecycled playground</title>"))
        // Nothing loads from elsewhere: no script/style/image sources, no absolute URLs but the SVG namespace.
        for needle in ["<script src", "<link", "<img", "@import", "url(http", "//cdn"] {
            #expect(!html.contains(needle), "\(needle)")
        }
        let urls = html.components(separatedBy: "http").dropFirst().map { "http" + $0.prefix(30) }
        #expect(
            urls.allSatisfy {
                $0.hasPrefix("http://www.w3.org/2000/svg") || $0.hasPrefix("https://example.com/item/42")
            }, "\(urls)")
        let csp = try #require(r.response.headerValue("Content-Security-Policy"))
        #expect(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"))
        // The page drives the API it is served with.
        for path in ["\"/v1/sessions\"", "\"/v1/sessions/\" + session.id + \"/actions\"", "allowedActions"] {
            #expect(html.contains(path), "\(path)")
        }
    }

    /// The page's parameter inputs come from the kinds' definitions: every kind's
    /// members, in order, and what the page sends by default is a valid action (never
    /// a 400; it may be refused in the state).
    @Test func theParameterTableIsEveryKindsMembers() throws {
        let table = PlaygroundPage.parameterTable
        #expect(client.send("GET", "/").text.contains("const PARAMS = \(table);"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(table.utf8)) as? [String: [[Any]]])
        for kind in ActionKind.allCases {
            let members = rows[kind.rawValue] ?? []
            #expect(members.map { $0.first as? String ?? "?" } == kind.parameters, "\(kind)")
            // The action the page sends untouched: defaults and first choices, no scene,
            // task 1 (with no task running, the page's default id).
            var action: [String: Any] = ["type": kind.rawValue]
            for member in members where member.count == 3 {
                let name = member[0] as? String ?? "?"
                switch (member[1] as? String, member[2]) {
                case ("text", let value as String) where !value.isEmpty: action[name] = value  // the page skips ""
                case ("number", let value as String): action[name] = Double(value)
                case ("json", let value as String):
                    action[name] = try JSONSerialization.jsonObject(with: Data(value.utf8))
                case ("choice", let values as [String]): action[name] = values.first
                case ("task", _): action[name] = 1
                default: continue
                }
            }
            // The config the page's checkboxes give (its background task registered).
            let id = client.create(
                #"{"iosVersion":"17.0","tabs":["a","b"],"backgroundModes":["fetch"],"backgroundTasks":[{"identifier":"com.example.refresh","kind":"appRefresh"}]}"#
            )
            let body = String(decoding: try JSONSerialization.data(withJSONObject: action), as: UTF8.self)
            let r = client.send("POST", "/v1/sessions/\(id)/actions", body)
            #expect(r.status != 400, "\(body): \(r.text)")
        }
    }

    @Test func headAndWrongMethodsOnRoot() {
        let head = client.send("HEAD", "/")
        #expect(head.status == 200)
        #expect(head.contentType == "text/html; charset=utf-8")
        let post = client.send("POST", "/", "{}")
        #expect(post.status == 405)
        #expect(post.response.headerValue("Allow") == "GET, HEAD")
    }
}
