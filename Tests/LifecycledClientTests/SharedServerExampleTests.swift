// README "Swift client": the one-server-per-suite example, compiled and run against a live
// server. Between the two marker lines this file must equal the README's code block
// (ReadmeSnippetTests).
// begin README client example
import LifecycledClient
import LifecycledTestSupport
import Testing

@Suite struct CheckoutFlowTests {
    @Test func coldLaunch() async throws {
        let client = try await LifecycledServer.shared().client  // started once, stopped at exit
        let app = try await client.createSession(SessionConfig(iosVersion: "17.0"))
        #expect(try await client.act(.launch, in: app.id).state.app == .active)
        try await client.deleteSession(app.id)
    }
}
// end README client example
