import LifecycleModel

/// `format=text`: one aligned line per callback (seq, receiver or view controller,
/// method, app state, scene), with a heading line per action when actions are known.
enum TraceText {
    static let header = ["seq", "receiver", "method", "app", "scene"]

    static func render(_ trace: Trace) -> String {
        // Every row first, so the columns can be as wide as their widest cell.
        enum Line {
            case heading(String)
            case row([Cell])
        }
        var lines: [Line] = [.row(header.map(Cell.init))]
        lines.reserveCapacity(trace.steps.reduce(1) { $0 + 1 + $1.callbacks.count })
        for (i, step) in trace.steps.enumerated() {
            if let action = step.action {
                lines.append(.heading("# step \(i): \(action)" + (step.callbacks.isEmpty ? " (no callbacks)" : "")))
            }
            for e in step.callbacks {
                let c = e.callback
                var scene = c.sceneId.map(Trace.oneLine) ?? ""
                if let state = c.sceneState { scene += scene.isEmpty ? state.rawValue : " \(state.rawValue)" }
                lines.append(
                    .row([
                        Cell(String(e.seq)), Cell(Trace.receiverLabel(c)), Cell(Trace.methodLabel(c)),
                        Cell(c.appState.rawValue), Cell(scene),
                    ]))
            }
        }
        var widths = Array(repeating: 0, count: header.count)
        var bytes = 0
        for case .row(let cells) in lines {
            for (i, cell) in cells.enumerated() {
                widths[i] = max(widths[i], cell.width)
                bytes += cell.text.utf8.count
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes + lines.count * (widths.reduce(0, +) + 2 * header.count + 1))
        var row: [UInt8] = []
        for line in lines {
            switch line {
            case .heading(let text):
                out.append(contentsOf: text.utf8)
            case .row(let cells):
                // seq right-aligned, the rest left-aligned; two spaces between columns.
                row.removeAll(keepingCapacity: true)
                var ascii = true
                for (i, cell) in cells.enumerated() {
                    let pad = widths[i] - cell.width
                    if i > 0 {
                        row.append(0x20)
                        row.append(0x20)
                    }
                    if i == 0 { for _ in 0..<pad { row.append(0x20) } }
                    row.append(contentsOf: cell.text.utf8)
                    if i > 0 { for _ in 0..<pad { row.append(0x20) } }
                    ascii = ascii && cell.isASCII
                }
                if ascii {
                    while row.last == 0x20 { row.removeLast() }
                    out.append(contentsOf: row)
                } else {
                    out.append(contentsOf: String(decoding: row, as: UTF8.self).withoutTrailingSpaces.utf8)
                }
            }
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cell and its width in Characters, counted once: for a cell of ASCII other than
    /// CR (which pairs with LF into one Character) its byte count.
    struct Cell {
        let text: String
        let width: Int
        let isASCII: Bool

        init(_ text: String) {
            self.text = text
            isASCII = text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
            width = isASCII ? text.utf8.count : text.count
        }
    }
}

extension String {
    /// Without its trailing spaces (the padding of a row's last cells). Found from the
    /// end, Character by Character: a reversed copy of the row and its reversal back,
    /// through unspecialized generic code, were nine tenths of a text page's time.
    var withoutTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return end == endIndex ? self : String(self[..<end])
    }
}
