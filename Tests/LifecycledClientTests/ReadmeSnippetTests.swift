import Foundation
import Testing

/// README.md's Swift client example is ReadmeExampleTests.swift's code, line for line.
@Suite struct ReadmeSnippetTests {
    @Test func theReadmeShowsThisExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let test = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "ReadmeExampleTests.swift"), encoding: .utf8)
        let lines = test.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex(of: "// begin README client example"))
        let end = try #require(lines.firstIndex(of: "// end README client example"))
        let compiled = Array(lines[(begin + 1)..<end])

        let marker = try #require(readme.range(of: "<!-- compiled: ReadmeExampleTests.swift -->"))
        let rest = readme[marker.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let open = try #require(rest.firstIndex { $0.hasPrefix("```") })
        let close = try #require(rest[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        #expect(Array(rest[(open + 1)..<close]) == compiled, "copy the test's lines into README.md's block")
    }
}
