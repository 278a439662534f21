/// `format=plantuml`: the same diagram as Mermaid's, in PlantUML (`@startuml … @enduml`).
enum TracePlantUML {
    static func render(_ trace: Trace) -> String {
        let d = TraceDiagram(trace)
        var out = "@startuml\n"
        for p in d.participants { out += "participant \"\(escape(p.label, quoted: true))\" as \(p.alias)\n" }
        for item in d.items {
            switch item {
            case .arrow(let to, let text): out += "System -> \(to) : \(escape(text))\n"
            case .note(let over, let text): out += "note over \(over) : \(escape(text))\n"
            case .banner(let text): out += "note over System, \(d.lastAlias) : \(escape(text))\n"
            }
        }
        return out + "@enduml\n"
    }

    /// PlantUML reads `\n` in a label as a line break and `"` ends a quoted name:
    /// show backslashes as U+2216 and double quotes as single ones.
    static func escape(_ s: String, quoted: Bool = false) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\u{2216}"
            case "\"" where quoted: out += "'"
            default: out.append(ch)
            }
        }
        return out
    }
}
