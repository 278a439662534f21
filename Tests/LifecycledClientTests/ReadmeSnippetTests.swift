import Foundation
import Testing

/// README.md's Swift client examples are test files of this target, line for line.
@Suite struct ReadmeSnippetTests {
    @Test(arguments: ["ReadmeExampleTests.swift", "SharedServerExampleTests.swift"])
    func theReadmeShowsThisExample(_ file: String) throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let test = try String(contentsOf: here.appendingPathComponent(file), encoding: .utf8)
        let lines = test.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex(of: "// begin README client example"))
        let end = try #require(lines.firstIndex(of: "// end README client example"))
        let compiled = Array(lines[(begin + 1)..<end])

        let marker = try #require(readme.range(of: "<!-- compiled: \(file) -->"))
        let rest = readme[marker.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let open = try #require(rest.firstIndex { $0.hasPrefix("```") })
        let close = try #require(rest[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        #expect(Array(rest[(open + 1)..<close]) == compiled, "copy \(file)'s lines into README.md's block")
    }
}
