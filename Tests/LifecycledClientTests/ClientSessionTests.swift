import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

/// Sessions and actions through the client against a live server (one per test,
/// started by `withLifecycled` from the binary `swift test` built beside the tests).
@Suite struct ClientSessionTests {
    @Test func healthAndTheContract() async throws {
        try await withLifecycled { client in
            #expect(try await client.health())
            // The server serves the openapi.yaml it was built with: this checkout's.
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            let file = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
            #expect(try await client.openAPI() == file)
        }
    }

    @Test func createWithDefaultsDecodesTheResolvedConfig() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession()
            #expect(session.config.lifecycle == .scene)
            #expect(session.config.iosVersion == "17.0")
            #expect(session.config.device == .iphone)
            #expect(session.config.quirks?["warmHandlerPosition"] == "beforeDidBecomeActive")
            #expect(session.state.app == .notRunning)
            #expect(session.state.scenes == [])
            #expect(session.callbackCount == 0)
            #expect(session.allowedActions.contains("launch"))
            #expect(!session.allowedActions.contains("background"))
            // The resolved config, sent back, makes the same app.
            let again = try await client.createSession(session.config)
            #expect(again.config == session.config)
            #expect(again.id != session.id)
        }
    }

    @Test func actionsReturnCallbacksAndState() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession(
                SessionConfig(lifecycle: .app, iosVersion: "11.0", stateRestoration: true))
            let launch = try await client.act(.launch, in: session.id)
            #expect(launch.action == .launch)
            let methods = launch.callbacks.filter { $0.receiver == "appDelegate" }.map(\.method)
            let willFinish = try #require(methods.firstIndex(of: "application(_:willFinishLaunchingWithOptions:)"))
            let didFinish = try #require(methods.firstIndex(of: "application(_:didFinishLaunchingWithOptions:)"))
            #expect(willFinish < didFinish)
            #expect(methods.last == "applicationDidBecomeActive(_:)")
            #expect(launch.callbacks.map(\.seq) == Array(1...launch.callbacks.count))
            #expect(launch.callbacks.allSatisfy { $0.sceneId == nil && $0.sceneState == nil })
            #expect(launch.state.app == .active)

            let open = try await client.act(.openURL("myapp://item/42"), in: session.id)
            #expect(open.action == .openURL("myapp://item/42"))
            let handler = try #require(open.callbacks.first { $0.method == "application(_:open:options:)" })
            #expect(handler.receiver == "appDelegate")
            #expect(handler.args?["url"] == "myapp://item/42")

            let info = try await client.getSession(session.id)
            #expect(info.callbackCount == open.callbacks.last?.seq)
            #expect(info.state == open.state)
            #expect(info.allowedActions.contains("background"))
        }
    }

    @Test func aRefusalIsTheTypedErrorWithAllowedActionsAndNeeds() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "11.0"))
            let error = try await #require(throws: LifecycledError.self) {
                try await client.act(.background, in: session.id)
            }
            let problem = try #require(error.problem)
            #expect(problem.status == 409)
            #expect(problem.name == "action-not-allowed")
            #expect(problem.action == "background")
            #expect(problem.state == .notRunning)
            #expect(error.needs?.isEmpty == false)
            #expect(problem.detail.contains(error.needs ?? "-"))
            // The list the problem carries is the session's own.
            #expect(error.allowedActions == session.allowedActions)
            #expect(problem.requestId?.isEmpty == false)
            // Nothing changed.
            #expect(try await client.getSession(session.id).callbackCount == 0)
        }
    }

    @Test func aBadFieldIsA400NamingIt() async throws {
        try await withLifecycled { client in
            let error = try await #require(throws: LifecycledError.self) {
                try await client.createSession(SessionConfig(lifecycle: .scene, iosVersion: "11.0"))
            }
            #expect(error.problem?.status == 400)
            #expect(error.problem?.name == "invalid-field")
            #expect(error.problem?.field == "lifecycle")
            #expect(error.problem?.allowed == ["app"])

            let session = try await client.createSession()
            let typo = try await #require(throws: LifecycledError.self) {
                try await client.act(Action(type: "lanch"), in: session.id)
            }
            #expect(typo.problem?.field == "type")
            #expect(typo.problem?.suggestion == "launch")
            #expect(typo.problem?.allowed?.contains("moveTo") == true)
        }
    }

    @Test func aBatchIsAllOrNothing() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "11.0"))
            let batch = try await client.batch([.launch, .background, .advanceTime(10)], in: session.id)
            #expect(batch.steps.map(\.action) == [.launch, .background, .advanceTime(10)])
            #expect(batch.state.app == .suspended)
            #expect(batch.callbacks.map(\.seq) == Array(1...batch.callbacks.count))

            let refused = try await #require(throws: LifecycledError.self) {
                try await client.batch([.launch, .unlock], in: session.id)
            }
            #expect(refused.problem?.status == 409)
            #expect(refused.problem?.step == 1)
            #expect(refused.problem?.action == "unlock")
            let after = try await client.getSession(session.id)
            #expect(after.state == batch.state)
            #expect(after.callbackCount == batch.callbacks.count)
        }
    }

    @Test func moveToReportsItsPath() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession()
            let moved = try await client.moveTo(.suspended, in: session.id)
            #expect(moved.state.app == .suspended)
            let path = try #require(moved.path)
            #expect(!path.isEmpty)
            #expect(path.reduce(0) { $0 + $1.callbackCount } == moved.callbacks.count)
            #expect(path.first?.action == .launch)
            let scene = try await client.moveTo(.active, scene: .foregroundActive, in: session.id)
            #expect(scene.state.app == .active)
            #expect(scene.state.scenes?.contains { $0.state == .foregroundActive } == true)
        }
    }

    @Test func listingPagesAndDeleting() async throws {
        try await withLifecycled { client in
            try await client.reset()
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await client.createSession().id) }
            let first = try await client.listSessions(limit: 2)
            #expect(first.sessions.map(\.id) == Array(ids.prefix(2)))
            let next = try #require(first.next)
            let second = try await client.listSessions(after: next, limit: 2)
            #expect(second.sessions.map(\.id) == [ids[2]])
            #expect(second.next == nil)
            #expect(try await client.allSessions(pageSize: 1).map(\.id) == ids)

            try await client.deleteSession(ids[0])
            let gone = try await #require(throws: LifecycledError.self) { try await client.getSession(ids[0]) }
            #expect(gone.problem?.status == 404)
            #expect(gone.problem?.name == "session-not-found")
            try await client.reset()
            #expect(try await client.allSessions().isEmpty)
        }
    }

    @Test func putIsIdempotentForTheSameConfig() async throws {
        try await withLifecycled { client in
            let id = UUID().uuidString.lowercased()
            let config = SessionConfig(lifecycle: .app, iosVersion: "12.4")
            let created = try await client.putSession(id, config)
            #expect(created.id == id)
            #expect(try await client.putSession(id, config) == created)
            let clash = try await #require(throws: LifecycledError.self) {
                try await client.putSession(id, SessionConfig(iosVersion: "17.0"))
            }
            #expect(clash.problem?.name == "session-exists")
            #expect(clash.problem?.id == id)
        }
    }

    @Test func callbackPagesFollowTheLog() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession()
            let launch = try await client.act(.launch, in: session.id)
            let page = try await client.callbacks(of: session.id, after: 0, limit: 2)
            #expect(page.callbacks == Array(launch.callbacks.prefix(2)))
            #expect(page.total == launch.callbacks.count)
            #expect(page.dropped == 0)
            let rest = try await client.callbacks(of: session.id, after: page.next)
            #expect(page.callbacks + rest.callbacks == launch.callbacks)
        }
    }

    @Test func aJournalReplaysToTheSameLogAndState() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession(SessionConfig(lifecycle: .app, iosVersion: "11.0"))
            _ = try await client.batch([.launch, .openURL("myapp://x"), .background], in: session.id)
            let journal = try await client.journal(of: session.id)
            #expect(journal.complete)
            #expect(journal.actions == [.launch, .openURL("myapp://x"), .background])
            #expect(journal.config == (try await client.getSession(session.id)).config)

            let replayed = try await client.replay(journal)
            #expect(replayed.id != session.id)
            let original = try await client.callbacks(of: session.id)
            #expect(try await client.callbacks(of: replayed.id).callbacks == original.callbacks)
            #expect(replayed.state == (try await client.getSession(session.id)).state)
        }
    }
}
