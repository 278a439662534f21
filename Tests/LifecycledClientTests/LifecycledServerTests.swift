import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

/// The test helper: it starts the binary on a free port, and stops it.
@Suite struct LifecycledServerTests {
    @Test func startsOnAFreePortAndStopsCleanly() async throws {
        let server = try await LifecycledServer.start()
        #expect(server.isRunning)
        #expect(server.url.host == "127.0.0.1")
        #expect((server.url.port ?? 0) > 0 && server.url.port != 8080)
        #expect(try await server.client.health())
        // Two servers at once get two ports.
        let other = try await LifecycledServer.start()
        #expect(other.url != server.url)
        #expect(other.stop() == 0)
        #expect(server.stop() == 0)
        #expect(server.stop() == 0)  // a second stop changes nothing
        #expect(!server.isRunning)
        await #expect(throws: (any Error).self) { try await server.client.health() }
    }

    @Test func theServerArgumentsReachTheBinary() async throws {
        // Without --quiet the access log goes to standard error, which the helper keeps.
        let server = try await LifecycledServer.start(arguments: ["--max-sessions", "1"])
        defer { server.stop() }
        _ = try await server.client.createSession()
        let full = try await #require(throws: LifecycledError.self) { try await server.client.createSession() }
        #expect(full.problem?.status == 503)
        #expect(full.problem?.limit == 1)
        #expect(server.stderr().contains("/v1/sessions"))
    }

    @Test func aServerThatCannotStartSaysWhy() async throws {
        let failure = try await #require(throws: LifecycledServer.StartFailure.self) {
            try await LifecycledServer.start(arguments: ["--threads", "0"])
        }
        #expect(failure.description.contains("--threads"))
        await #expect(throws: (any Error).self) {
            try await LifecycledServer.start(binary: "/nonexistent/lifecycled")
        }
    }

    @Test func theBinaryIsFoundFromThisPackage() throws {
        let path = try LifecycledServer.findBinary()
        #expect(path.hasSuffix("/lifecycled"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    /// XCTest's test classes are often `@MainActor`: the body runs there and may touch its state.
    @MainActor @Test func withLifecycledRunsTheBodyOnTheCallersActor() async throws {
        var seen: [AppState] = []
        let answer = try await withLifecycled { client in
            MainActor.assertIsolated()
            let session = try await client.createSession()
            seen.append(session.state.app)
            return try await client.act(.launch, in: session.id).state.app
        }
        #expect(seen == [.notRunning])
        #expect(answer == .active)
    }

    @Test func withLifecycledStopsTheServerWhenTheBodyThrows() async throws {
        struct Stop: Error {}
        let leaked = LeakedClient()
        await #expect(throws: Stop.self) {
            try await withLifecycled { client in
                leaked.client = client
                throw Stop()
            }
        }
        let client = try #require(leaked.client)
        await #expect(throws: (any Error).self) { try await client.health() }
    }
}

/// Carries a client out of `withLifecycled`'s body, to show the server is gone after it.
private final class LeakedClient: @unchecked Sendable {
    // @unchecked: written once inside the body, read after it returns.
    var client: LifecycledClient?
}
