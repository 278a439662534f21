import Foundation
import LifecycleModel
import Testing

/// Every source the code and the docs cite is defined inside the repository: each tag in
/// docs/sources.md, each section in docs/lifecycle-facts.md or docs/lifecycle-breadth.md,
/// each upper-case `NAME.md` a file of the repository. The citation forms are the ones
/// docs/sources.md documents under "How to cite".
@Suite struct SourceTagTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyCitedTagAndSectionIsDefined() throws {
        let index = try SourceIndex.load(root: Self.root)
        var problems: [String] = []
        var citations = 0
        for file in try Self.citingFiles() {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            let scan = index.check(file: file, text: text)
            problems += scan.problems
            citations += scan.citations
        }
        if !problems.isEmpty {
            Issue.record(
                "\(problems.count) citations that docs/sources.md does not resolve (see its \"How to cite\"):\n\(problems.joined(separator: "\n"))"
            )
        }
        // The scan must see the citations that exist today (S1 and facts §N, at least).
        #expect(citations > 100, "only \(citations) citations found: is the scanner reading the files?")
    }

    /// Each action kind's rule names its sources (a tag, a section, a confidence level
    /// or the contract), and each resolves: read from the rule itself, not only from
    /// docs/model.md, which renders them.
    @Test func everyActionRuleCitesDefinedSources() throws {
        let index = try SourceIndex.load(root: Self.root)
        let levels = ["DOC", "MULTI", "SINGLE", "UNSURE", "contract"]
        for kind in ActionKind.allCases {
            let sources = kind.rule.sources
            let scan = index.check(file: "rule of \(kind.rawValue)", text: sources)
            #expect(scan.problems.isEmpty, "\(scan.problems)")
            let namesOne = scan.citations > 0 || levels.contains { sources.contains($0) }
            #expect(namesOne, "the rule of \(kind.rawValue) cites no source: \"\(sources)\"")
        }
    }

    /// The folders that state the model's rules (issues #20-#22 added the observer
    /// lenses, the notification poster and the typed methods): every file there cites
    /// at least one source (a tag, a section, a confidence level, or an action kind's
    /// `sources:`), so a rule added in a new file cannot go uncited.
    @Test func everyRuleFileCitesASource() throws {
        let index = try SourceIndex.load(root: Self.root)
        let folders = [
            "Simulation/Rules", "Simulation/Stages", "Simulation/Phases", "Simulation/Scenes",
            "Simulation/ViewControllers", "Simulation/SwiftUI", "Observers/Lenses", "Observers/Poster",
            "Callbacks/Methods", "Actions/Kinds",
        ]
        let level = try NSRegularExpression(pattern: #"\b(DOC|MULTI|SINGLE|UNSURE)\b"#)
        var files = 0
        for folder in folders {
            let dir = "Sources/LifecycleModel/\(folder)"
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(dir).path)
            for name in names.sorted() where name.hasSuffix(".swift") {
                let file = "\(dir)/\(name)"
                let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
                // A confidence level alone (`(DOC)`: Apple documents it) is a citation too.
                let levels = text.split(separator: "\n").compactMap { SourceIndex.commentText(of: String($0)) }
                    .contains { !level.matches(in: $0).isEmpty }
                let cites = index.check(file: file, text: text).citations > 0 || levels || text.contains("sources:")
                #expect(cites, "\(file) states rules but cites no source (docs/sources.md, \"How to cite\")")
                files += 1
            }
        }
        #expect(files > 80, "only \(files) rule files read")
    }

    @Test func theConfidenceLevelsAndSeedsAreDefined() throws {
        let index = try SourceIndex.load(root: Self.root)
        for tag in [
            "DOC", "MULTI", "SINGLE", "UNSURE", "S1", "S2", "S3", "S4", "R12", "TN3187", "RFC 9110", "RFC 9457",
        ] {
            #expect(index.tags.contains(tag), "docs/sources.md does not define \(tag)")
        }
        for section in 1...9 {
            #expect(index.sections["facts"]?[section] != nil, "docs/lifecycle-facts.md has no section \(section)")
            #expect(index.sections["breadth"]?[section] != nil, "docs/lifecycle-breadth.md has no section \(section)")
        }
    }

    /// The checker itself finds what it must: an undefined tag in each form, a missing
    /// section or fact, a file that is not in the repository, and nothing inside code.
    @Test func theCheckerReportsWhatIsUndefined() throws {
        let index = try SourceIndex.load(root: Self.root)
        let swift = [
            "let a: [String] = []  // fine: S1, R12, [A-vc], facts §2.1, §7; breadth §5.4, §9",
            "// [NOPE-1] and S99 and TN1 are not defined",
            "// facts §42, facts §2.9, breadth §1.99",
            "// breadth §3 then a bare §12 means breadth",
            "// see OLDNOTES.md; `[InCode]` and `facts §77` in backticks are code",
            "let s = \"// [NotAComment] inside a string\"",
            "// RFC 9110 is defined, RFC 1 is not",
        ].joined(separator: "\n")
        let scan = index.check(file: "Sources/Example.swift", text: swift)
        let expected = [
            "Sources/Example.swift:2: [NOPE-1] is not defined in docs/sources.md",
            "Sources/Example.swift:2: S99 is not defined in docs/sources.md",
            "Sources/Example.swift:2: TN1 is not defined in docs/sources.md",
            "Sources/Example.swift:3: facts §42 does not exist",
            "Sources/Example.swift:3: facts §2.9 does not exist",
            "Sources/Example.swift:3: breadth §1.99 does not exist",
            "Sources/Example.swift:4: breadth §12 does not exist",
            "Sources/Example.swift:5: OLDNOTES.md is not a file of this repository",
            "Sources/Example.swift:7: RFC 1 is not defined in docs/sources.md",
        ]
        #expect(scan.problems == expected)
        let markdown = "Text [Link](http://x) and [UNDEF] and\n```\n[InFence] facts §99\n```\n§9.6 and §9.42"
        #expect(
            index.check(file: "docs/x.md", text: markdown).problems == [
                "docs/x.md:1: [UNDEF] is not defined in docs/sources.md",
                "docs/x.md:5: facts §9.42 does not exist",
            ])
    }

    /// Swift under Sources/ and Tests/, Markdown at the root and under docs/, openapi.yaml.
    static func citingFiles() throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for dir in ["Sources", "Tests", "docs"] {
            guard let walker = fm.enumerator(atPath: root.appendingPathComponent(dir).path) else { continue }
            for case let path as String in walker where path.hasSuffix(".swift") || path.hasSuffix(".md") {
                files.append("\(dir)/\(path)")
            }
        }
        files += try fm.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".md") || $0 == "openapi.yaml" }
        return files.sorted()
    }
}

/// The definitions: tags (the bold first cell of a table row in docs/sources.md) and the
/// sections of the two facts documents (`## N.` headings, and `M.` items under them).
struct SourceIndex {
    var tags: Set<String>
    var sections: [String: [Int: Set<Int>]]
    var root: URL
    var citation: NSRegularExpression
    var codeSpans: NSRegularExpression
    var markdownLinks: NSRegularExpression

    static func load(root: URL) throws -> SourceIndex {
        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        var tags = Set<String>()
        let tagRow = try NSRegularExpression(pattern: #"^\|\s*\*\*\[?([A-Za-z0-9-]+)\]?\*\*"#)
        let rfcRow = try NSRegularExpression(pattern: #"^\|\s*\*\*RFC (\d+)\*\*"#)
        for line in try read("docs/sources.md").split(separator: "\n", omittingEmptySubsequences: false) {
            if let tag = tagRow.firstGroups(in: String(line))?[0] { tags.insert(tag) }
            if let number = rfcRow.firstGroups(in: String(line))?[0] { tags.insert("RFC \(number)") }
        }
        var sections: [String: [Int: Set<Int>]] = [:]
        for (name, path) in [("facts", "docs/lifecycle-facts.md"), ("breadth", "docs/lifecycle-breadth.md")] {
            var numbered: [Int: Set<Int>] = [:]
            var current: Int?
            for line in try read(path).split(separator: "\n") {
                if line.hasPrefix("## ") {
                    current = Int(line.dropFirst(3).prefix { $0.isNumber })
                    if let current { numbered[current] = [] }
                } else if let current, let item = Int(line.prefix { $0.isNumber }),
                    line.dropFirst(String(item).count).hasPrefix(". ")
                {
                    numbered[current, default: []].insert(item)
                }
            }
            sections[name] = numbered
        }
        return SourceIndex(
            tags: tags, sections: sections, root: root,
            citation: try NSRegularExpression(pattern: citationPattern),
            codeSpans: try NSRegularExpression(pattern: "`[^`]*`"),
            markdownLinks: try NSRegularExpression(pattern: #"!?\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"#))
    }

    /// The citations of one file and what is wrong with them, as `file:line: message`.
    func check(file: String, text: String) -> (problems: [String], citations: Int) {
        let isSwift = file.hasSuffix(".swift")
        let isYAML = file.hasSuffix(".yaml")
        // A bare § inside a facts document means that document; elsewhere the last one named.
        let fixedDoc: String? =
            file == "docs/lifecycle-facts.md" ? "facts" : file == "docs/lifecycle-breadth.md" ? "breadth" : nil
        var lastDoc = fixedDoc ?? "facts"
        var problems: [String] = []
        var citations = 0
        var inFence = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            var line = String(rawLine)
            if isSwift {
                guard let comment = Self.commentText(of: line) else { continue }
                line = comment
            } else if !isYAML {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    inFence.toggle()
                    continue
                }
                if inFence { continue }
                line = markdownLinks.stringByReplacing(in: line, with: " ")
            }
            line = codeSpans.stringByReplacing(in: line, with: " ")
            let location = "\(file):\(offset + 1)"
            for match in citation.matches(in: line) {
                citations += 1
                let group = { (i: Int) -> String? in match[i] }
                if let section = group(2).flatMap(Int.init) {
                    // facts §N(.M), breadth §N(.M) or a bare §N(.M)
                    let doc = group(1) ?? fixedDoc ?? lastDoc
                    if group(1) != nil && fixedDoc == nil { lastDoc = doc }
                    let item = group(3).flatMap(Int.init)
                    let known =
                        sections[doc]?[section].map { items in item.map { items.contains($0) } ?? true } ?? false
                    if !known {
                        problems.append("\(location): \(doc) §\(section)\(item.map { ".\($0)" } ?? "") does not exist")
                    }
                } else if let tag = group(4) ?? group(5), !isYAML {
                    if !tags.contains(tag) {
                        let shown = group(4) != nil ? "[\(tag)]" : tag
                        problems.append("\(location): \(shown) is not defined in docs/sources.md")
                    }
                } else if let number = group(7) {
                    if !tags.contains("RFC \(number)") {
                        problems.append("\(location): RFC \(number) is not defined in docs/sources.md")
                    }
                } else if let name = group(6), file != "docs/sources.md" {
                    let fm = FileManager.default
                    let exists = ["", "docs/", "bench/", "clients/python/"].contains {
                        fm.fileExists(atPath: root.appendingPathComponent($0 + name).path)
                    }
                    if !exists { problems.append("\(location): \(name) is not a file of this repository") }
                }
            }
        }
        return (problems, citations)
    }

    /// One pattern, so citations are seen in reading order: 1–3 a section, 4 a bracketed
    /// tag (not a Markdown link), 5 a bare S/R/TN number, 6 an upper-case Markdown file name,
    /// 7 the number of an `RFC N`.
    static let citationPattern = [
        #"(?:\b(facts|breadth)\s+)?§(\d+)(?:\.(\d+))?"#,
        #"\[([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\](?![(\[])"#,
        #"\b((?:S|R|TN)\d+)\b"#,
        #"\b([A-Z][A-Z0-9-]*\.md)\b"#,
        #"\bRFC\s+(\d+)\b"#,
    ].joined(separator: "|")

    /// The text after `//` when the line has a comment outside string literals.
    static func commentText(of line: String) -> String? {
        var inString = false
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if c == "\"" && previous != "\\" { inString.toggle() }
            if !inString && c == "/" && previous == "/" {
                return String(line[line.index(after: index)...])
            }
            previous = c
            index = line.index(after: index)
        }
        return nil
    }
}

extension NSRegularExpression {
    /// Each match's capture groups, nil where a group did not take part.
    func matches(in text: String) -> [[Int: String]] {
        let ns = text as NSString
        return matches(in: text, range: NSRange(location: 0, length: ns.length)).map { result in
            var groups: [Int: String] = [:]
            for i in 0..<result.numberOfRanges where result.range(at: i).location != NSNotFound {
                groups[i] = ns.substring(with: result.range(at: i))
            }
            return groups
        }
    }

    func firstGroups(in text: String) -> [String]? {
        guard let match = matches(in: text).first else { return nil }
        return (1..<numberOfCaptureGroups + 1).compactMap { match[$0] }
    }

    func stringByReplacing(in text: String, with template: String) -> String {
        stringByReplacingMatches(
            in: text, range: NSRange(location: 0, length: (text as NSString).length), withTemplate: template)
    }
}
