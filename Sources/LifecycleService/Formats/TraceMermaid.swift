/// `format=mermaid`: a Mermaid `sequenceDiagram`, every participant declared up front,
/// one arrow per callback, a note per action and per state change.
enum TraceMermaid {
    static func render(_ trace: Trace) -> String {
        let d = TraceDiagram(trace)
        var out = "sequenceDiagram\n"
        for p in d.participants { out += "    participant \(p.alias) as \(escape(p.label))\n" }
        for item in d.items {
            switch item {
            case .arrow(let to, let text): out += "    System->>\(to): \(escape(text))\n"
            case .note(let over, let text): out += "    Note over \(over): \(escape(text))\n"
            case .banner(let text): out += "    Note over System,\(d.lastAlias): \(escape(text))\n"
            }
        }
        return out
    }

    /// Mermaid reads `#…;` as an entity and `;` as a statement end: write both as entities.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "#": out += "#35;"
            case ";": out += "#59;"
            default: out.append(ch)
            }
        }
        return out
    }
}
