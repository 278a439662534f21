import LifecycleModel

/// `GET …/callbacks?format=text`, written from the log's bytes as they lie: the same lines
/// as `TraceText.render(Trace(logPage:…))`, without reading each callback back into a
/// value (a copy of its bytes, Strings for its members, its arguments parsed): that made a
/// 1,000-callback page cost tens of times its JSON (issue #35).
///
/// It takes the page when every cell it writes from the log is plain ASCII: names and
/// scene ids without an escape (so without a control character) and without a non-ASCII
/// byte, whose widths in Characters are then their byte counts. A label that depends on
/// the arguments (an observer's state, a SwiftUI phase change) is made by the general
/// path, for that callback alone, with its own width. A row always ends in ASCII (the app
/// state, the scene), so its padding is trimmed byte by byte. Anything else answers nil,
/// and the page takes the general path.
enum LogPageText {
    /// Where a cell's bytes are: a member's value in a run's chunk (its range), or a label made apart.
    private struct Row {
        var seq: Int
        var receiver: Receiver
        var method: CallbackMethod
        var appState: AppState
        var run: Int
        var viewController: Range<Int>?
        var sceneId: Range<Int>?
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
        for (r, run) in page.runs.enumerated() {
            let all = run.chunk.bytes.written
            for i in run.indices {
                let slot = run.chunk.entries[run.range.lowerBound + i]
                guard !slot.isInPieces else { return nil }
                guard
                    var row = read(
                        UnsafeBufferPointer(rebasing: all[Int(slot.start)..<Int(slot.end)]), base: Int(slot.start),
                        seq: run.seq(i), slot: slot, run: r)
                else { return nil }
                let object = UnsafeBufferPointer(rebasing: all[Int(slot.start)..<Int(slot.end)])
                if (slot.receiver.isObserver && (contains(object, "\"state\":") || contains(object, "\"isActive\":")))
                    || ((slot.receiver == .app || slot.receiver == .scene) && contains(object, "\"from\":"))
                {
                    guard let entry = Trace.Entry(run[i]) else { return nil }
                    let label = Trace.methodLabel(entry.callback)
                    row.label = labels.count
                    // Its own width in Characters (`→` of a phase change is not ASCII); the
                    // app state after it keeps the row's end ASCII.
                    labels.append((Array(label.utf8), label.count))
                }
                let cells = [
                    digits(row.seq), receiverWidth(row), methodWidth(row, labels), row.appState.rawValue.utf8.count,
                    sceneWidth(row),
                ]
                for k in cells.indices {
                    widths[k] = max(widths[k], cells[k])
                    bytes += cells[k]
                }
                rows.append(row)
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
            let chunk = page.runs[row.run].chunk.bytes.written
            cell(0, width: digits(row.seq)) { $0.append(contentsOf: String(row.seq).utf8) }
            cell(1, width: receiverWidth(row)) { line in
                line.append(contentsOf: row.receiver.rawValue.utf8)
                if let name = row.viewController {
                    line.append(0x20)
                    line.append(contentsOf: chunk[name])
                }
            }
            cell(2, width: methodWidth(row, labels)) { line in
                if let label = row.label {
                    line.append(contentsOf: labels[label].bytes)
                } else {
                    let quoted = MethodNames.encoded(row.method)
                    line.append(contentsOf: quoted[1..<(quoted.count - 1)])
                }
            }
            cell(3, width: row.appState.rawValue.utf8.count) { $0.append(contentsOf: row.appState.rawValue.utf8) }
            cell(4, width: sceneWidth(row)) { line in
                if let id = row.sceneId { line.append(contentsOf: chunk[id]) }
                if let state = row.sceneState {
                    if !(row.sceneId?.isEmpty ?? true) { line.append(0x20) }
                    line.append(contentsOf: state.rawValue.utf8)
                }
            }
            finish()
        }
        return out
    }

    /// Whether `literal` occurs in `bytes`: a callback whose label may read its arguments
    /// (`Trace.methodLabel`) has the member it reads; one without makes its label from its
    /// method's name alone.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let needle = UnsafeBufferPointer(start: literal.utf8Start, count: n)
        for start in 0...(bytes.count - n) where bytes[start] == needle[0] {
            if UnsafeBufferPointer(rebasing: bytes[start..<(start + n)]).elementsEqual(needle) { return true }
        }
        return false
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
        row.receiver.rawValue.utf8.count + (row.viewController.map { 1 + $0.count } ?? 0)
    }

    private static func methodWidth(_ row: Row, _ labels: [(bytes: [UInt8], width: Int)]) -> Int {
        if let label = row.label { return labels[label].width }
        return MethodNames.encoded(row.method).count - 2
    }

    private static func sceneWidth(_ row: Row) -> Int {
        let id = row.sceneId?.count ?? 0
        let state = row.sceneState?.rawValue.utf8.count ?? 0
        return id > 0 && state > 0 ? id + 1 + state : id + state
    }

    /// Printable ASCII other than `\`: a cell written as it lies, its width its byte count.
    private static func plain(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }
    }

    /// The members of one logged callback's object (`LoggedMembers` has the layout), as
    /// ranges into its chunk; nil when one is not plain, or the method's name is not.
    private static func read(
        _ b: UnsafeBufferPointer<UInt8>, base: Int, seq: Int, slot: LogSlot, run: Int
    ) -> Row? {
        let method = MethodNames.encoded(slot.method)
        guard method.count >= 2, plain(method[1..<(method.count - 1)]) else { return nil }
        var row = Row(seq: seq, receiver: slot.receiver, method: slot.method, appState: slot.appState, run: run)
        let quote = UInt8(ascii: "\"")
        guard b.count >= 2, b[0] == UInt8(ascii: "{") else { return nil }
        var i = 1
        func string() -> Range<Int>? {
            guard i < b.count, b[i] == quote else { return nil }
            let start = i + 1
            var j = start
            while j < b.count, b[j] != quote {
                guard b[j] >= 0x20, b[j] < 0x7F, b[j] != UInt8(ascii: "\\") else { return nil }
                j += 1
            }
            guard j < b.count else { return nil }
            i = j + 1
            return start..<j
        }
        func key(_ range: Range<Int>, is literal: StaticString) -> Bool {
            range.count == literal.utf8CodeUnitCount
                && UnsafeBufferPointer(rebasing: b[range]).elementsEqual(
                    UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        while i < b.count - 1 {
            guard let name = string(), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            if key(name, is: "args") { return row }  // last; no cell shows it (the labels that read it are made apart)
            if key(name, is: "seq") {
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            } else {
                // The receiver, method and app state are the slot's; the others are cells.
                guard let value = string() else { return nil }
                if key(name, is: "sceneId") {
                    row.sceneId = (value.lowerBound + base)..<(value.upperBound + base)
                } else if key(name, is: "viewController") {
                    // `Trace.receiverLabel` names only view controllers and views.
                    if row.receiver == .viewController || row.receiver == .view {
                        row.viewController = (value.lowerBound + base)..<(value.upperBound + base)
                    }
                } else if key(name, is: "sceneState") {
                    guard let state = SceneState(rawValue: String(decoding: b[value], as: UTF8.self)) else {
                        return nil
                    }
                    row.sceneState = state
                } else if !(key(name, is: "receiver") || key(name, is: "method") || key(name, is: "appState")) {
                    return nil
                }
            }
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else {
                return b[i] == UInt8(ascii: "}") && i == b.count - 1 ? row : nil
            }
        }
        return nil
    }
}
