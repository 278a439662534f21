import Foundation
import Testing

/// No two tracked paths of the repository differ only in case: on a case-insensitive
/// checkout (macOS's default) they would be one file or folder, as `Tests/` (the Swift
/// tests) and a `tests/` beside it once were. Reads `git ls-files`, so it sees what is
/// committed whatever the file system here folds.
@Suite struct RepositoryLayoutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func noTwoTrackedPathsDifferOnlyInCase() throws {
        let paths = try Self.trackedPaths()
        // The listing must be the repository's: these are tracked today.
        #expect(paths.contains("Package.swift") && paths.contains("openapi.yaml"), "git ls-files: \(paths.prefix(5))")
        let clashes = Self.caseClashes(paths)
        #expect(
            clashes.isEmpty,
            "paths that are one on a case-insensitive checkout; rename one of each:\n\(clashes.map { $0.joined(separator: "  ") }.joined(separator: "\n"))"
        )
    }

    /// The check itself: a folder or a file spelled two ways is found, at any depth.
    @Test func theCheckFindsFoldersAndFilesSpelledTwoWays() {
        #expect(Self.caseClashes(["Tests/A.swift", "tests/ops/b.py", "README.md"]) == [["Tests", "tests"]])
        #expect(
            Self.caseClashes(["docs/Model.md", "docs/model.md", "docs/sources.md"]) == [
                ["docs/Model.md", "docs/model.md"]
            ])
        #expect(Self.caseClashes(["Sources/A/x.swift", "Sources/a/y.swift"]) == [["Sources/A", "Sources/a"]])
        #expect(Self.caseClashes(["Tests/A.swift", "Tests/B.swift", "e2e/ops/b.py", "tests.md"]).isEmpty)
    }

    /// Groups of two or more spellings of one path (a file or any folder above one)
    /// that differ only in case, each group sorted, the groups in path order.
    static func caseClashes(_ paths: [String]) -> [[String]] {
        var spellings: [String: Set<String>] = [:]
        for path in paths {
            var prefix = ""
            for component in path.split(separator: "/") {
                prefix += prefix.isEmpty ? String(component) : "/" + component
                spellings[prefix.lowercased(), default: []].insert(prefix)
            }
        }
        return spellings.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// `git ls-files -z` at the repository's root: every tracked path.
    static func trackedPaths() throws -> [String] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "ls-files", "-z"]
        git.currentDirectoryURL = root
        let output = Pipe()
        git.standardOutput = output
        git.standardInput = FileHandle.nullDevice
        try git.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        guard git.terminationStatus == 0 else {
            throw LayoutCheckError(description: "git ls-files exited \(git.terminationStatus) in \(root.path)")
        }
        return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

struct LayoutCheckError: Error, CustomStringConvertible {
    var description: String
}
