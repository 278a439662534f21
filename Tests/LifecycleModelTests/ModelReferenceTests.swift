import Foundation
import LifecycleModel
import ModelReference
import Testing

/// docs/model.md is the model's own output: this fails when they disagree.
/// Regenerate with `make docs` (UPDATE_MODEL_REFERENCE=1).
@Suite struct ModelReferenceTests {
    static let configs = [
        SessionConfig(
            lifecycle: .app, iosVersion: SessionConfig.defaultVersion, stateRestoration: true,
            backgroundModes: [.fetch, .remoteNotification, .location]),
        SessionConfig(
            lifecycle: .scene, iosVersion: SessionConfig.defaultVersion, device: .ipad, stateRestoration: true,
            notificationCenterDelegate: true, backgroundModes: [.fetch, .remoteNotification, .location],
            supportsMultipleScenes: true),
        // issue #12 item 5: the SwiftUI App life cycle.
        SessionConfig(
            iosVersion: SessionConfig.defaultVersion, notificationCenterDelegate: true,
            backgroundModes: [.fetch, .remoteNotification, .location], ui: .swiftUI),
    ]
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/model.md")

    @Test func docsModelMatchesTheModel() throws {
        let rendered = ModelReference.render(configs: Self.configs)
        if ProcessInfo.processInfo.environment["UPDATE_MODEL_REFERENCE"] == "1" {
            try rendered.write(to: Self.path, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: Self.path, encoding: .utf8)
        #expect(
            onDisk == rendered,
            "docs/model.md is out of date: run `make docs`\n\(LineDiff.firstDifferences(old: onDisk, new: rendered))")
        for kind in ActionKind.allCases { #expect(rendered.contains("## `\(kind.rawValue)` (scene)")) }
    }

    @Test func theDiffNamesTheFirstDifferingLines() {
        let diff = LineDiff.firstDifferences(old: "a\nb\nc\nd", new: "a\nB\nc\nd\ne")
        #expect(diff == "line 2:\n- b\n+ B\nline 5:\n- \n+ e")
        #expect(LineDiff.firstDifferences(old: "same", new: "same") == "")
    }
}

/// The lines where two texts differ, numbered, for a drift message a reader can act on.
enum LineDiff {
    static func firstDifferences(old: String, new: String, limit: Int = 20) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        var shown = 0
        for i in 0..<max(a.count, b.count) where shown < limit {
            let x = i < a.count ? String(a[i]) : nil
            let y = i < b.count ? String(b[i]) : nil
            guard x != y else { continue }
            shown += 1
            out.append("line \(i + 1):")
            out.append("- \(x ?? "")")
            out.append("+ \(y ?? "")")
        }
        return out.joined(separator: "\n")
    }
}
