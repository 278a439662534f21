import Foundation
import Testing

/// docs/guide/swift.md's example is GuideExampleTests.swift's code, line for line.
@Suite struct GuideSnippetTests {
    @Test func theGuideShowsThisExample() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let root = here.deletingLastPathComponent().deletingLastPathComponent()
        let guide = try String(contentsOf: root.appendingPathComponent("docs/guide/swift.md"), encoding: .utf8)
        let test = try String(contentsOf: here.appendingPathComponent("GuideExampleTests.swift"), encoding: .utf8)
        let lines = test.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex(of: "// begin guide example"))
        let end = try #require(lines.firstIndex(of: "// end guide example"))
        let compiled = Array(lines[(begin + 1)..<end])

        let marker = try #require(guide.range(of: "<!-- compiled: GuideExampleTests.swift -->"))
        let rest = guide[marker.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let open = try #require(rest.firstIndex { $0.hasPrefix("```") })
        let close = try #require(rest[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        #expect(Array(rest[(open + 1)..<close]) == compiled, "copy the test's lines into docs/guide/swift.md's block")
    }
}
