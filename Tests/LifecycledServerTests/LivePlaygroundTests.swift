import Foundation
import Testing

/// The playground over real HTTP (the browser test in e2e/browser drives it in Chromium).
@Suite struct LivePlaygroundTests {
    @Test func rootServesThePage() throws {
        let live = try LiveService()
        let r = try live.send("GET", "/")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "text/html; charset=utf-8")
        #expect(r.header("Content-Length") == String(r.body.count))
        #expect(r.text.contains("<svg id=\"diagram\""))
        #expect(r.text.hasSuffix("</html>"))
    }
}
