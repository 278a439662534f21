import LifecycleModel

/// `format=text`: one aligned line per callback (seq, receiver or view controller,
/// method, app state, scene), with a heading line per action when actions are known.
enum TraceText {
    static let header = ["seq", "receiver", "method", "app", "scene"]

    static func render(_ trace: Trace) -> String {
        // Every row first, so the columns can be as wide as their widest cell.
        enum Line {
            case heading(String)
            case row([String])
        }
        var lines: [Line] = [.row(header)]
        for (i, step) in trace.steps.enumerated() {
            if let action = step.action {
                lines.append(.heading("# step \(i): \(action)" + (step.callbacks.isEmpty ? " (no callbacks)" : "")))
            }
            for e in step.callbacks {
                let c = e.callback
                var scene = c.sceneId.map(Trace.oneLine) ?? ""
                if let state = c.sceneState { scene += scene.isEmpty ? state.rawValue : " \(state.rawValue)" }
                lines.append(
                    .row([String(e.seq), Trace.receiverLabel(c), Trace.methodLabel(c), c.appState.rawValue, scene]))
            }
        }
        var widths = Array(repeating: 0, count: header.count)
        for case .row(let cells) in lines {
            for (i, cell) in cells.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for line in lines {
            switch line {
            case .heading(let text):
                out += text
            case .row(let cells):
                var row = ""
                for (i, cell) in cells.enumerated() {
                    // seq right-aligned, the rest left-aligned; two spaces between columns.
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    row += i == 0 ? pad + cell : "  " + cell + pad
                }
                out += String(row.reversed().drop { $0 == " " }.reversed())
            }
            out += "\n"
        }
        return out
    }
}
