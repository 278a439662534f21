import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// `?format=text|mermaid|plantuml` on the callback log and on `/v1/simulate`, on real sessions.
@Suite struct TraceFormatTests {
    let client = ServiceClient()

    /// An iPad scene session with two windows, navigation, a deep link, a push and time passing.
    private func busySession() -> String {
        let id = client.create(#"{"device":"ipad","supportsMultipleScenes":true,"notificationCenterDelegate":true}"#)
        for action in [
            #"{"type":"launch"}"#, #"{"type":"push","name":"detail"}"#, #"{"type":"openScene","by":"user"}"#,
            #"{"type":"openURL","url":"myapp://x#frag;y"}"#, #"{"type":"pop","sceneId":"scene-1"}"#,
            #"{"type":"tapNotification","payload":{"aps":{"alert":"hi"}}}"#, #"{"type":"background"}"#,
            #"{"type":"advanceTime","seconds":60}"#,
        ] {
            #expect(client.act(id, action).status == 200, "\(action)")
        }
        return id
    }

    /// The JSON log as (seq, receiver, method).
    private func jsonLog(_ id: String) -> [[String: Any]] {
        client.send("GET", "/v1/sessions/\(id)/callbacks").json["callbacks"] as? [[String: Any]] ?? []
    }

    private func format(_ id: String, _ name: String) -> ServiceClient.Reply {
        client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("format", name)])
    }

    @Test func mermaidLogIsASequenceDiagramWithOneArrowPerCallback() throws {
        let id = busySession()
        let log = jsonLog(id)
        #expect(log.count > 30)
        let r = format(id, "mermaid")
        #expect(r.status == 200)
        #expect(r.contentType == "text/plain; charset=utf-8")
        let diagram = try MermaidSequence(r.text)
        #expect(diagram.arrows.count == log.count)
        for (arrow, c) in zip(diagram.arrows, log) {
            #expect(arrow.from == "System")
            #expect(arrow.text == "\(c["seq"] ?? "") \(c["method"] ?? "")")
            // The arrow goes to the lifeline of the receiver: its label names it.
            let label = diagram.labels[arrow.to] ?? ""
            switch c["receiver"] as? String {
            case "viewController": #expect(label.hasPrefix("\(c["viewController"] ?? "") ("), "\(label)")
            case "sceneDelegate": #expect(label == "sceneDelegate \(c["sceneId"] ?? "")")
            case let receiver?: #expect(label == receiver)
            case nil: Issue.record("no receiver")
            }
        }
        let labels = Set(diagram.labels.values)
        #expect(
            labels.isSuperset(of: [
                "iOS (UIKit)", "appDelegate", "sceneDelegate scene-1", "sceneDelegate scene-2",
                "root (scene-1)", "detail (scene-1)", "root (scene-2)", "notificationCenterDelegate",
            ]))
        // A note per app state change, the last one the suspension that no callback shows.
        let appNotes = diagram.notes.filter { $0.over == ["App"] }.map(\.text)
        #expect(appNotes.first == "app background")
        #expect(appNotes.last == "app suspended")
        #expect(zip(appNotes, appNotes.dropFirst()).allSatisfy { $0 != $1 })
        #expect(diagram.notes.contains { $0.over == ["SD2"] && $0.text == "scene-2 foregroundActive" })
    }

    @Test func mermaidSimulateHasANotePerActionAndEscapesItsText() throws {
        let body =
            #"{"session":{"iosVersion":"12.0"},"actions":[{"type":"launch"},{"type":"openURL","url":"myapp://a#b;c"},{"type":"background"},{"type":"advanceTime","seconds":30},{"type":"launch"}]}"#
        let json = client.send("POST", "/v1/simulate", body).json
        let steps = try #require(json["steps"] as? [[String: Any]])
        let r = client.send("POST", "/v1/simulate", body, query: [("format", "mermaid")])
        #expect(r.status == 200)
        #expect(r.contentType == "text/plain; charset=utf-8")
        let diagram = try MermaidSequence(r.text)
        #expect(diagram.arrows.count == steps.map { ($0["callbacks"] as? [Any])?.count ?? 0 }.reduce(0, +))
        let banners = diagram.notes.filter { $0.over.count == 2 }
        #expect(
            banners.map(\.text) == [
                "launch", "openURL url=myapp://a#35;b#59;c", "background", "advanceTime seconds=30", "launch",
            ])
        #expect(banners.allSatisfy { $0.over == ["System", diagram.order.last ?? ""] })
        // A note whenever the app state changes: as the callbacks run, then after each step.
        var expected: [String] = []
        var app = "notRunning"
        for step in steps {
            let states = (step["callbacks"] as? [[String: Any]] ?? []).compactMap { $0["appState"] as? String }
            for s in states + [(step["state"] as? [String: Any])?["app"] as? String ?? "?"] where s != app {
                expected.append("app \(s)")
                app = s
            }
        }
        #expect(expected.contains("app suspended"))
        #expect(diagram.notes.filter { $0.over == ["App"] }.map(\.text) == expected)
    }

    @Test func plantumlDeclaresEveryParticipantAndDrawsEveryCallback() throws {
        let id = busySession()
        let log = jsonLog(id)
        let r = format(id, "plantuml")
        #expect(r.status == 200)
        #expect(r.contentType == "text/plain; charset=utf-8")
        let lines = r.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "@startuml")
        #expect(lines.last == "@enduml")
        var declared: [String] = []
        var arrows: [String] = []
        for line in lines.dropFirst().dropLast() {
            if line.hasPrefix("participant \"") {
                let alias = try #require(line.components(separatedBy: "\" as ").last)
                #expect(!declared.contains(alias))
                declared.append(alias)
            } else if line.hasPrefix("System -> ") {
                let rest = line.dropFirst("System -> ".count)
                let parts = rest.components(separatedBy: " : ")
                #expect(declared.contains(parts[0]), "\(line)")
                arrows.append(parts.dropFirst().joined(separator: " : "))
            } else if line.hasPrefix("note over ") {
                let over = line.dropFirst("note over ".count).components(separatedBy: " : ")[0]
                for alias in over.components(separatedBy: ", ") { #expect(declared.contains(alias), "\(line)") }
            } else {
                Issue.record("unexpected PlantUML line: \(line)")
            }
        }
        #expect(arrows == log.map { "\($0["seq"] ?? "") \($0["method"] ?? "")" })
    }

    @Test func textIsOneAlignedLinePerCallback() throws {
        let id = busySession()
        let log = jsonLog(id)
        let r = format(id, "text")
        #expect(r.status == 200)
        #expect(r.contentType == "text/plain; charset=utf-8")
        let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")  // ends with a newline
        let header = try #require(lines.first)
        let rows = Array(lines.dropFirst().dropLast())
        #expect(rows.count == log.count)
        // Each column starts at the header's offset on every row.
        let columns = ["receiver", "method", "app", "scene"].map {
            header.range(of: $0)?.lowerBound.utf16Offset(in: header) ?? -1
        }
        for (row, c) in zip(rows, log) {
            let cells = columns.enumerated().map { i, start in
                let end = i + 1 < columns.count ? columns[i + 1] : row.utf16.count
                return cell(row, from: start, to: end)
            }
            #expect(cell(row, from: 0, to: columns[0]) == "\(c["seq"] ?? "")")
            let receiver =
                c["receiver"] as? String == "viewController"
                ? "viewController \(c["viewController"] ?? "")" : c["receiver"] as? String
            #expect(cells[0] == receiver)
            #expect(cells[1] == c["method"] as? String)
            #expect(cells[2] == c["appState"] as? String)
            let scene = [c["sceneId"] as? String, c["sceneState"] as? String].compactMap { $0 }.joined(separator: " ")
            #expect(cells[3] == scene, "\(row)")
            // A character before each column start is a space: nothing overflows.
            for start in columns {
                #expect(
                    Array(row.utf16).count <= start
                        || row.utf16[row.utf16.index(row.utf16.startIndex, offsetBy: start - 1)] == 32)
            }
        }
    }

    private func cell(_ row: String, from: Int, to: Int) -> String {
        let u = Array(row.utf16)
        guard from < u.count else { return "" }
        return String(decoding: u[from..<min(to, u.count)], as: UTF16.self).trimmingCharacters(in: .whitespaces)
    }

    @Test func textSimulateHasAHeadingPerAction() {
        let body =
            #"{"session":{"lifecycle":"app","iosVersion":"11.0"},"actions":[{"type":"launch"},{"type":"memoryWarning"},{"type":"lock"}]}"#
        let r = client.send("POST", "/v1/simulate", body, query: [("format", "text")])
        #expect(r.status == 200)
        let headings = r.text.split(separator: "\n").filter { $0.hasPrefix("# step ") }
        #expect(headings == ["# step 0: launch", "# step 1: memoryWarning", "# step 2: lock"])
    }

    @Test func logPagesKeepTheirSeqsAndJSONStaysTheDefault() throws {
        let id = busySession()
        let page = format(id, "mermaid")
        let after = client.send(
            "GET", "/v1/sessions/\(id)/callbacks", query: [("after", "10"), ("limit", "5"), ("format", "mermaid")])
        let diagram = try MermaidSequence(after.text)
        #expect(diagram.arrows.map { $0.text.split(separator: " ")[0] } == ["11", "12", "13", "14", "15"])
        #expect(try MermaidSequence(page.text).arrows.count == jsonLog(id).count)
        for query in [[], [("format", "json")]] as [[(name: String, value: String)]] {
            let r = client.send("GET", "/v1/sessions/\(id)/callbacks", query: query)
            #expect(r.contentType == "application/json")
            #expect(r.json["callbacks"] != nil)
        }
    }

    @Test func unknownFormatIsA400ListingTheFormats() {
        let id = client.create()
        for r in [
            format(id, "svg"), client.send("POST", "/v1/simulate", #"{"actions":[]}"#, query: [("format", "MERMAID")]),
        ] {
            #expect(r.status == 400)
            #expect(r.contentType == "application/problem+json")
            #expect(r.json["field"] as? String == "format")
            #expect(r.json["allowed"] as? [String] == ["json", "text", "mermaid", "plantuml"])
        }
        // A good format on an unknown session is the usual 404.
        #expect(format("00000000-0000-4000-8000-000000000000", "text").status == 404)
    }
}

/// A small reader of the Mermaid `sequenceDiagram` subset the service writes; it throws
/// on any line it does not know, on a participant declared twice or used before it is declared.
struct MermaidSequence {
    struct Arrow { var from, to, text: String }
    struct Note {
        var over: [String]
        var text: String
    }
    struct Malformed: Error, CustomStringConvertible { var description: String }

    var order: [String] = []
    var labels: [String: String] = [:]
    var arrows: [Arrow] = []
    var notes: [Note] = []

    init(_ text: String) throws {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "sequenceDiagram" else {
            throw Malformed(description: "does not start with sequenceDiagram")
        }
        lines.removeFirst()
        func declared(_ alias: String) throws -> String {
            guard labels[alias] != nil else { throw Malformed(description: "\(alias) used but not declared") }
            return alias
        }
        for line in lines {
            if line.hasPrefix("participant ") {
                let rest = line.dropFirst("participant ".count)
                guard let sep = rest.range(of: " as ") else { throw Malformed(description: line) }
                let alias = String(rest[..<sep.lowerBound])
                guard labels[alias] == nil, alias.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                    throw Malformed(description: "bad or repeated participant \(line)")
                }
                guard arrows.isEmpty && notes.isEmpty else {
                    throw Malformed(description: "declared after use: \(line)")
                }
                labels[alias] = String(rest[sep.upperBound...])
                order.append(alias)
            } else if let arrow = line.range(of: "->>") {
                let from = String(line[..<arrow.lowerBound])
                let rest = line[arrow.upperBound...]
                guard let colon = rest.range(of: ": ") else { throw Malformed(description: line) }
                arrows.append(
                    Arrow(
                        from: try declared(from), to: try declared(String(rest[..<colon.lowerBound])),
                        text: String(rest[colon.upperBound...])))
            } else if line.hasPrefix("Note over ") {
                let rest = line.dropFirst("Note over ".count)
                guard let colon = rest.range(of: ": ") else { throw Malformed(description: line) }
                let over = try rest[..<colon.lowerBound].split(separator: ",").map { try declared(String($0)) }
                guard (1...2).contains(over.count) else { throw Malformed(description: line) }
                notes.append(Note(over: over, text: String(rest[colon.upperBound...])))
            } else {
                throw Malformed(description: "unknown line: \(line)")
            }
            // Mermaid ends a statement at ';' and reads '#…;' as an entity: only entities may hold them.
            if line.replacingOccurrences(of: "#35;", with: "").replacingOccurrences(of: "#59;", with: "").contains(
                where: { $0 == ";" || $0 == "#" })
            {
                throw Malformed(description: "unescaped ; or #: \(line)")
            }
        }
    }
}
