import Foundation
import LifecycledClient
import LifecycledTestSupport
import Testing

/// The action constructors write what the server reads: each one, applied where the
/// model accepts it, comes back in the result as it was sent.
@Suite struct ActionWireTests {
    @Test func everyConstructorRoundTripsThroughTheServer() async throws {
        try await withLifecycled { client in
            let tabs = try await client.createSession(
                SessionConfig(
                    iosVersion: "17.0", device: .ipad, backgroundModes: ["fetch", "location"],
                    supportsMultipleScenes: true, tabs: ["home", "settings"],
                    backgroundTasks: [PermittedBackgroundTask(identifier: "com.example.refresh", kind: "appRefresh")]))
            let sequence: [Action] = [
                .launch, .selectTab(1), .push("detail"), .pop(), .present("sheet", style: "formSheet"), .dismiss(),
                .addChild("child"), .removeChild("child"), .rotate("landscapeLeft"), .setAppearance("dark"),
                .interruptionBegan("call"), .interruptionEnded("resume"), .beginBackgroundTask(name: "upload"),
                .endBackgroundTask(id: 1), .openScene(by: "user"), .memoryWarning,
                .receiveNotification(["aps": ["content-available": 1]]), .openUniversalLink("https://example.com/item"),
                .background, .activateScene("scene-1"), .background, .quickAction("com.example.new"), .background,
                .locationEvent, .runBackgroundTask(identifier: "com.example.refresh", seconds: 2), .advanceTime(0.5),
                .backgroundURLSessionEvents("com.example.session"), .lock, .unlock,
                .tapNotification(["aps": ["alert": "Hi"], "item": 42]), .closeScene("scene-2"),
                .terminate(by: "system"), .prewarm,
            ]
            for action in sequence {
                let result = try await client.act(action, in: tabs.id)
                #expect(result.action == action, "\(action)")
            }
            // The kinds the next test sends, and moveTo (ClientSessionTests).
            let others = ["moveTo", "disconnectScene", "cancelInteractivePop", "openURL", "backgroundFetch"]
            let kinds = Set(sequence.map(\.type) + others)
            let spec = try await client.openAPI()
            let line = try #require(spec.split(separator: "\n").first { $0.contains("enum: [launch, background") })
            #expect(line.contains("openURL"))
            // Every constructor names a kind the contract lists (the enum spans lines: read them
            // all). A new kind may come without a constructor (`Action(type:parameters:)` sends
            // it), so adding a kind stays within CONTRIBUTING's five files.
            let start = try #require(spec.range(of: "    ActionType:\n"))
            let block = spec[start.upperBound...].prefix { $0 != "]" }
            let listed = Set(
                block.split(separator: "[", maxSplits: 1).last?.split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? [])
            #expect(kinds.isSubset(of: listed), "\(kinds.subtracting(listed))")
        }
    }

    @Test func aScenelessAppTakesTheOtherConstructors() async throws {
        try await withLifecycled { client in
            let session = try await client.createSession(
                SessionConfig(lifecycle: .app, iosVersion: "17.0", backgroundModes: ["fetch"]))
            let actions: [Action] = [.launch, .push("a"), .cancelInteractivePop(), .openURL("myapp://x"), .background]
            for action in actions + [.backgroundFetch] {
                #expect(try await client.act(action, in: session.id).action == action)
            }
            let scenes = try await client.createSession(SessionConfig(device: .ipad, supportsMultipleScenes: true))
            for action: Action in [.launch, .openScene(by: "system"), .disconnectScene("scene-2")] {
                #expect(try await client.act(action, in: scenes.id).action == action)
            }
        }
    }

    @Test func actionsEncodeAsFlatObjects() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = { (action: Action) in String(decoding: try encoder.encode(action), as: UTF8.self) }
        #expect(try json(.launch) == #"{"type":"launch"}"#)
        #expect(try json(.openURL("x://y")) == #"{"type":"openURL","url":"x://y"}"#)
        #expect(try json(.endBackgroundTask(id: 3)) == #"{"id":3,"type":"endBackgroundTask"}"#)
        #expect(try json(.advanceTime(2.5)) == #"{"seconds":2.5,"type":"advanceTime"}"#)
        #expect(
            try json(.moveTo(.active, scene: .foregroundActive))
                == #"{"app":"active","scene":"foregroundActive","type":"moveTo"}"#)
        let decoded = try JSONDecoder().decode(
            Action.self, from: Data(#"{"type":"push","name":"d","extra":[1,null]}"#.utf8))
        #expect(decoded == Action(type: "push", parameters: ["name": "d", "extra": [1, nil]]))
    }
}
