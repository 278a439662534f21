import LifecycledClient
import LifecycledTestSupport
import XCTest

/// The client from XCTest, as an app's existing XCTest target would use it: an
/// `async throws` test method around `withLifecycled`.
final class XCTestUsageTests: XCTestCase {
    func testARefusedActionFromXCTest() async throws {
        try await withLifecycled { client in
            let app = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "12.0"))
            let launched = try await client.act(.launch, in: app.id)
            XCTAssertEqual(launched.state.app, .active)
            do {
                _ = try await client.act(.unlock, in: app.id)
                XCTFail("unlock of an unlocked device was accepted")
            } catch let error as LifecycledError {
                XCTAssertEqual(error.problem?.status, 409)
                let now = try await client.getSession(app.id)
                XCTAssertEqual(error.allowedActions, now.allowedActions)
            }
        }
    }
}
