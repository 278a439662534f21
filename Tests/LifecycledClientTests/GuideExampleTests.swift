// docs/guide/swift.md's example, compiled and run against a live server. Between the two
// marker lines this file must equal the guide's code block (GuideSnippetTests).
// begin guide example
import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

@Test func oneSessionPerVisit() async throws {
    let client = try await LifecycledServer.shared().client  // one server for the whole run
    let config = SessionConfig(lifecycle: .app, iosVersion: "12.0", observers: ["notifications"])
    let run = try await client.simulate([.launch, .background, .launch], config: config)
    let center = NotificationCenter()
    let tracker = SessionTracker(center: center)  // your SDK's code, observing `center`
    NotificationReplay(center: center).play(run)
    #expect(tracker.sessions == 2)
}
// end guide example
