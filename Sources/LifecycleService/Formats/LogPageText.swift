import LifecycleModel

/// `GET …/callbacks?format=text`, written from the log's entries as they lie: the same
/// lines as `TraceText.render(Trace(logPage:…))`, without reading each callback back into
/// a value (its JSON written, then parsed into Strings and arguments): that made a
/// 1,000-callback page cost tens of times its JSON (issue #35).
///
/// It takes the page when every cell it writes from the log is plain ASCII (names and
/// scene ids of printable ASCII that JSON writes as they are, whose widths in Characters are then their byte counts).
/// A label that depends on the arguments (an observer's state, a SwiftUI phase change)
/// is made by the general path, for that callback alone, with its own width. A row
/// always ends in ASCII (the app state, the scene), so its padding is trimmed byte by
/// byte. Anything else (a name that is not plain, a callback kept in pieces) answers
/// nil, and the page takes the general path.
enum LogPageText {
    /// A row's cells: its entry's facts, and a label made apart.
    private struct Row {
        var seq: Int
        var receiver: Receiver
        var method: String
        var appState: AppState
        var viewController: String?
        var sceneId: String?
        var sceneState: SceneState?
        /// Index into `labels` when the method's label was made by the general path.
        var label: Int?
    }

    static func render(_ page: LogPage) -> [UInt8]? {
        var rows: [Row] = []
        rows.reserveCapacity(page.count)
        var labels: [(bytes: [UInt8], width: Int)] = []
        var widths = TraceText.header.map(\.utf8.count)
        var bytes = 0
        for run in page.runs {
            let chunk = run.chunk
            for i in run.indices {
                let e = chunk.entries[run.range.lowerBound + i]
                guard e.arguments != .pieces, let row = row(e, seq: run.seq(i), in: chunk) else { return nil }
                var labelled = row
                // `Trace.methodLabel` reads the arguments of these receivers' callbacks.
                if e.arguments != .none, e.receiver.isObserver || e.receiver == .app || e.receiver == .scene {
                    guard let entry = Trace.Entry(run[i]) else { return nil }
                    let label = Trace.methodLabel(entry.callback)
                    labelled.label = labels.count
                    // Its own width in Characters (`→` of a phase change is not ASCII); the
                    // app state after it keeps the row's end ASCII.
                    labels.append((Array(label.utf8), label.count))
                }
                let cells = [
                    digits(row.seq), receiverWidth(row), methodWidth(labelled, labels),
                    row.appState.rawValue.utf8.count,
                    sceneWidth(row),
                ]
                for k in cells.indices {
                    widths[k] = max(widths[k], cells[k])
                    bytes += cells[k]
                }
                rows.append(labelled)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes + (rows.count + 1) * (widths.reduce(0, +) + 10))
        var line: [UInt8] = []
        func cell(_ k: Int, width: Int, _ write: (inout [UInt8]) -> Void) {
            if k > 0 {
                line.append(0x20)
                line.append(0x20)
            } else {
                for _ in 0..<(widths[0] - width) { line.append(0x20) }  // seq right-aligned
            }
            write(&line)
            if k > 0 { for _ in 0..<(widths[k] - width) { line.append(0x20) } }
        }
        func finish() {
            while line.last == 0x20 { line.removeLast() }
            out.append(contentsOf: line)
            out.append(0x0A)
            line.removeAll(keepingCapacity: true)
        }
        for (k, title) in TraceText.header.enumerated() {
            cell(k, width: title.utf8.count) { $0.append(contentsOf: title.utf8) }
        }
        finish()
        for row in rows {
            cell(0, width: digits(row.seq)) { $0.append(contentsOf: String(row.seq).utf8) }
            cell(1, width: receiverWidth(row)) { line in
                line.append(contentsOf: row.receiver.rawValue.utf8)
                if let name = row.viewController {
                    line.append(0x20)
                    line.append(contentsOf: name.utf8)
                }
            }
            cell(2, width: methodWidth(row, labels)) { line in
                if let label = row.label {
                    line.append(contentsOf: labels[label].bytes)
                } else {
                    line.append(contentsOf: row.method.utf8)
                }
            }
            cell(3, width: row.appState.rawValue.utf8.count) { $0.append(contentsOf: row.appState.rawValue.utf8) }
            cell(4, width: sceneWidth(row)) { line in
                if let id = row.sceneId { line.append(contentsOf: id.utf8) }
                if let state = row.sceneState {
                    if !(row.sceneId?.isEmpty ?? true) { line.append(0x20) }
                    line.append(contentsOf: state.rawValue.utf8)
                }
            }
            finish()
        }
        return out
    }

    private static func digits(_ n: Int) -> Int {
        var count = 1
        var rest = n / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return n < 0 ? count + 1 : count
    }

    /// `Trace.receiverLabel`: view controllers (and views) by name.
    private static func receiverWidth(_ row: Row) -> Int {
        row.receiver.rawValue.utf8.count + (row.viewController.map { 1 + $0.utf8.count } ?? 0)
    }

    private static func methodWidth(_ row: Row, _ labels: [(bytes: [UInt8], width: Int)]) -> Int {
        if let label = row.label { return labels[label].width }
        return row.method.utf8.count
    }

    private static func sceneWidth(_ row: Row) -> Int {
        let id = row.sceneId?.utf8.count ?? 0
        let state = row.sceneState?.rawValue.utf8.count ?? 0
        return id > 0 && state > 0 ? id + 1 + state : id + state
    }

    /// Printable ASCII but for the characters JSON escapes: a cell written as it is, its
    /// width its byte count.
    private static func plain(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }
    }

    /// The cells of entry `e` of `chunk`; nil when a name in them, or the method's, is not plain.
    private static func row(_ e: LogSlot, seq: Int, in chunk: LogChunk) -> Row? {
        let method = e.method.name
        guard plain(method) else { return nil }
        var row = Row(seq: seq, receiver: e.receiver, method: method, appState: e.appState, sceneState: e.sceneState)
        if e.sceneId > 0 {
            guard let id = chunk.table.name(e.sceneId), plain(id) else { return nil }
            row.sceneId = id
        }
        // `Trace.receiverLabel` names only view controllers and views.
        if e.viewController > 0, e.receiver == .viewController || e.receiver == .view {
            guard let name = chunk.table.name(e.viewController), plain(name) else { return nil }
            row.viewController = name
        }
        return row
    }
}
