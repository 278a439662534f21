import Foundation
import Testing

/// README and guide code blocks that are compiled tests: the block after a README marker equals
/// the lines between the test file's markers (the README shows code that builds and passes).
@Suite struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theInProcessExampleIsTheCompiledTest() throws {
        // The README's topics live in docs/guide/; this example is on the clients page.
        let readme = try String(
            contentsOf: Self.root.appendingPathComponent("docs/guide/clients.md"), encoding: .utf8)
        let test = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/LifecycleModelTests/InProcessExampleTests.swift"),
            encoding: .utf8)
        let shown = try #require(Self.codeBlock(in: readme, after: "<!-- compiled: InProcessExampleTests.swift -->"))
        let compiled = try #require(Self.lines(of: test, between: "in-process example"))
        #expect(shown == compiled, "docs/guide/clients.md's block differs from the test; copy the test's lines into it")
        #expect(compiled.contains { $0.contains("Simulator(") })
    }

    /// The check itself: it reads the block after the marker, not another one.
    @Test func theCheckReadsTheMarkedBlock() {
        let text = "```swift\nother\n```\n<!-- m -->\n```swift\nline 1\n\nline 2\n```\n"
        #expect(Self.codeBlock(in: text, after: "<!-- m -->") == ["line 1", "", "line 2"])
        #expect(Self.codeBlock(in: text, after: "<!-- n -->") == nil)
        #expect(Self.lines(of: "// begin x\na\n// end x\n", between: "x") == ["a"])
    }

    /// The lines of the first fenced block after `marker`.
    static func codeBlock(in text: String, after marker: String) -> [String]? {
        guard let found = text.range(of: marker) else { return nil }
        let rest = text[found.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = rest.firstIndex(where: { $0.hasPrefix("```") }) else { return nil }
        guard let close = rest[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else { return nil }
        return rest[(open + 1)..<close].map(String.init)
    }

    /// The lines between `// begin <name>` and `// end <name>` (the suffix after "README ").
    static func lines(of text: String, between name: String) -> [String]? {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let begin = all.firstIndex(where: { $0.hasPrefix("// begin") && $0.hasSuffix(name) }),
            let end = all.firstIndex(where: { $0.hasPrefix("// end") && $0.hasSuffix(name) }), begin < end
        else { return nil }
        return Array(all[(begin + 1)..<end])
    }
}
