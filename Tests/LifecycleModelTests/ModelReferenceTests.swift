import Foundation
import LifecycleModel
import Testing

/// docs/model.md is the model's own output: this fails when they disagree.
/// Regenerate with `make docs` (UPDATE_MODEL_REFERENCE=1).
@Suite struct ModelReferenceTests {
    static let configs = [
        SessionConfig(lifecycle: .app, iosVersion: SessionConfig.defaultVersion, stateRestoration: true,
                      backgroundModes: [.fetch, .remoteNotification, .location]),
        SessionConfig(lifecycle: .scene, iosVersion: SessionConfig.defaultVersion, device: .ipad, stateRestoration: true,
                      notificationCenterDelegate: true, backgroundModes: [.fetch, .remoteNotification, .location],
                      supportsMultipleScenes: true),
    ]
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/model.md")

    @Test func docsModelMatchesTheModel() throws {
        let rendered = ModelReference.render(configs: Self.configs)
        if ProcessInfo.processInfo.environment["UPDATE_MODEL_REFERENCE"] == "1" {
            try rendered.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(onDisk == rendered, "docs/model.md is out of date: run `make docs`")
        for kind in ActionKind.allCases { #expect(rendered.contains("## `\(kind.rawValue)` (scene)")) }
    }
}
