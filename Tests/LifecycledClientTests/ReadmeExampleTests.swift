// README "Swift client": the Swift Testing example, compiled and run against a live
// server. Between the two marker lines this file must equal the README's code block
// (ReadmeSnippetTests).
// begin README client example
import LifecycledClient
import LifecycledTestSupport
import Testing

@Test func coldLaunchThenDeepLink() async throws {
    try await withLifecycled { client in  // starts lifecycled on a free port, stops it after
        let app = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "15.0"))
        #expect(try await client.act(.launch, in: app.id).state.app == .active)
        let open = try await client.act(.openURL("myapp://item/42"), in: app.id)
        #expect(open.methods.contains("application(_:open:options:)"))
        let refused = try await #require(throws: LifecycledError.self) { try await client.act(.launch, in: app.id) }
        #expect(refused.needs != nil && refused.allowedActions?.contains("background") == true)
    }
}
// end README client example
