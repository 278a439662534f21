import LifecycleModel

/// Two callback sequences aligned by a longest common subsequence, compared on
/// receiver (a view controller by its name) and method: what `/v1/diff` shows per step.
enum CallbackDiff {
    enum Op: String { case same, first, second }

    struct Row {
        var op: Op
        var first: LoggedCallback?
        var second: LoggedCallback?
    }

    /// What two callbacks are compared on.
    static func key(_ c: Callback) -> String { Trace.receiverLabel(c) + " " + c.method.name }

    /// The alignment: common callbacks in order, the others where they fall.
    static func align(_ a: [LoggedCallback], _ b: [LoggedCallback]) -> [Row] {
        let ka = a.map { key($0.callback) }
        let kb = b.map { key($0.callback) }
        // lcs[i][j]: the LCS length of a[i...] and b[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: kb.count + 1), count: ka.count + 1)
        for i in stride(from: ka.count - 1, through: 0, by: -1) {
            for j in stride(from: kb.count - 1, through: 0, by: -1) {
                lcs[i][j] = ka[i] == kb[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var rows: [Row] = []
        var i = 0
        var j = 0
        while i < ka.count || j < kb.count {
            if i < ka.count, j < kb.count, ka[i] == kb[j] {
                rows.append(Row(op: .same, first: a[i], second: b[j]))
                i += 1
                j += 1
            } else if j == kb.count || (i < ka.count && lcs[i + 1][j] >= lcs[i][j + 1]) {
                rows.append(Row(op: .first, first: a[i], second: nil))
                i += 1
            } else {
                rows.append(Row(op: .second, first: nil, second: b[j]))
                j += 1
            }
        }
        return rows
    }
}

/// One step of a diff: the action, each side's outcome and the alignment.
struct DiffStep {
    struct Side {
        var callbacks: [LoggedCallback]
        var appStateAfter: AppState
        /// What the action needed, when this config refused it (nothing changed there).
        var refused: String?
    }

    var action: Action
    var sides: [Side]
    var rows: [CallbackDiff.Row]
}

/// `format=text` of a diff: per step a heading, then one line per aligned callback:
/// `=` in both, `-` first only, `+` second only (as a unified diff), with the receiver,
/// the method and the app state on each side.
enum DiffText {
    static func render(_ steps: [DiffStep], labels: [String]) -> String {
        var out = "# first: \(labels[0])\n# second: \(labels[1])\n"
        var lines: [[String]] = [["", "receiver", "method", "first", "second"]]
        var headings: [Int: String] = [:]
        for (i, step) in steps.enumerated() {
            var heading = "# step \(i): \(step.action.traceLabel)"
            for (k, side) in step.sides.enumerated() where side.refused != nil {
                heading +=
                    " (refused by the \(k == 0 ? "first" : "second"): it needs \(Trace.oneLine(side.refused ?? ""))"
                heading += ")"
            }
            headings[lines.count] = heading
            for row in step.rows {
                guard let c = (row.first ?? row.second)?.callback else { continue }
                let marker =
                    switch row.op {
                    case .same: "="
                    case .first: "-"
                    case .second: "+"
                    }
                lines.append([
                    marker, Trace.receiverLabel(c), Trace.oneLine(c.method.name),
                    row.first?.callback.appState.rawValue ?? "", row.second?.callback.appState.rawValue ?? "",
                ])
            }
            lines.append([
                "", "", "(after)", step.sides[0].appStateAfter.rawValue, step.sides[1].appStateAfter.rawValue,
            ])
        }
        var widths = Array(repeating: 0, count: 5)
        for cells in lines { for (k, cell) in cells.enumerated() { widths[k] = max(widths[k], cell.count) } }
        for (n, cells) in lines.enumerated() {
            if let heading = headings[n] { out += heading + "\n" }
            var row = ""
            for (k, cell) in cells.enumerated() {
                row += (k == 0 ? "" : "  ") + cell + String(repeating: " ", count: widths[k] - cell.count)
            }
            out += row.withoutTrailingSpaces + "\n"
        }
        return out
    }
}
