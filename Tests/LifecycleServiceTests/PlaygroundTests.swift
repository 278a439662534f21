import Foundation
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

    @Test func headAndWrongMethodsOnRoot() {
        let head = client.send("HEAD", "/")
        #expect(head.status == 200)
        #expect(head.contentType == "text/html; charset=utf-8")
        let post = client.send("POST", "/", "{}")
        #expect(post.status == 405)
        #expect(post.response.headerValue("Allow") == "GET, HEAD")
    }
}
