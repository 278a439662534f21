import Foundation
import Testing

/// The trace formats over real HTTP: content type, body and the 400 for an unknown format.
@Suite struct LiveTraceFormatTests {
    let live: LiveService
    init() throws { live = try LiveService() }

    @Test func callbackLogAsMermaidTextAndPlantUML() throws {
        let id = try live.create(#"{"lifecycle":"app","iosVersion":"12.0"}"#)
        for action in [#"{"type":"launch"}"#, #"{"type":"background"}"#] {
            #expect(try live.send("POST", "/v1/sessions/\(id)/actions", action).status == 200)
        }
        let log = try live.send("GET", "/v1/sessions/\(id)/callbacks").callbacks
        #expect(!log.isEmpty)
        let mermaid = try live.send("GET", "/v1/sessions/\(id)/callbacks?format=mermaid")
        #expect(mermaid.status == 200)
        #expect(mermaid.header("Content-Type") == "text/plain; charset=utf-8")
        let lines = mermaid.text.split(separator: "\n")
        #expect(lines.first == "sequenceDiagram")
        #expect(lines.filter { $0.contains("->>") }.count == log.count)
        let entered = try #require(log.first { $0["method"] as? String == "applicationDidEnterBackground(_:)" })
        #expect(mermaid.text.contains("    System->>App: \(entered["seq"] ?? "") applicationDidEnterBackground(_:)\n"))
        let text = try live.send("GET", "/v1/sessions/\(id)/callbacks?format=text")
        #expect(text.text.split(separator: "\n").count == log.count + 1)
        let plantuml = try live.send(
            "POST", "/v1/simulate?format=plantuml", #"{"session":{"iosVersion":"17.0"},"actions":[{"type":"launch"}]}"#)
        #expect(plantuml.status == 200)
        #expect(plantuml.text.hasPrefix("@startuml\n") && plantuml.text.hasSuffix("@enduml\n"))
        let bad = try live.send("GET", "/v1/sessions/\(id)/callbacks?format=dot")
        #expect(bad.status == 400)
        #expect(bad.json["allowed"] as? [String] == ["json", "text", "mermaid", "plantuml"])
    }
}
