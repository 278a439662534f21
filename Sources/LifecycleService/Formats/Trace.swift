import LifecycleModel
import ServiceHTTP

/// What the text and diagram formats draw: callbacks grouped by the action that caused
/// them, in order.
///
/// The renderers take model values (`Callback`s with their seq), not the log's storage,
/// so they work the same on a session's log and on a `/v1/simulate` run.
struct Trace: Sendable {
    /// One callback with its per-session sequence number.
    struct Entry: Sendable {
        var seq: Int
        var callback: Callback
    }

    /// The callbacks one action caused. The session log does not keep action boundaries,
    /// so it is one step with no action.
    struct Step: Sendable {
        /// A short label of the action (`openURL url=…`); nil when unknown.
        var action: String?
        var callbacks: [Entry]
        /// The app state after the step, when known (it shows states no callback runs in,
        /// such as `suspended` and `notRunning`).
        var appStateAfter: AppState?
    }

    var steps: [Step]
    /// The app state before the first step, when known (a fresh session: `notRunning`).
    var initialAppState: AppState?
}

extension Trace.Entry {
    /// A logged callback read back from the JSON the log keeps (the log stores encoded
    /// bytes, not values, so that a session costs its payloads once and a page is copied,
    /// not re-encoded); nil for bytes that do not decode, which the log's own writer never
    /// produces.
    init?(_ logged: LoggedCallback) {
        if let members = LoggedMembers(logged.json) {
            guard
                let target = CallbackTarget(
                    receiver: logged.receiver, sceneId: members.sceneId,
                    sceneState: members.sceneState.flatMap(SceneState.init(rawValue:)),
                    viewController: members.viewController)
            else { return nil }
            self.init(
                seq: logged.seq,
                callback: Callback(target, method: logged.method, appState: logged.appState, args: members.args))
            return
        }
        guard let parsed = Self.parsed(logged) else { return nil }
        self = parsed
    }

    /// The same by the general JSON parser (what `LoggedMembers` leaves to it).
    static func parsed(_ logged: LoggedCallback) -> Trace.Entry? {
        guard let object = try? JSONParser.parse(logged.json),
            let receiver = object["receiver"]?.stringValue.flatMap(Receiver.init(rawValue:)),
            let appState = object["appState"]?.stringValue.flatMap(AppState.init(rawValue:))
        else { return nil }
        guard
            let target = CallbackTarget(
                receiver: receiver, sceneId: object["sceneId"]?.stringValue,
                sceneState: object["sceneState"]?.stringValue.flatMap(SceneState.init(rawValue:)),
                viewController: object["viewController"]?.stringValue)
        else { return nil }
        let callback = Callback(target, method: logged.method, appState: appState, args: object["args"])
        return Trace.Entry(seq: logged.seq, callback: callback)
    }
}

/// The formats of `?format=` on the callback log and on `/v1/simulate`.
enum TraceFormat: String, CaseIterable, Sendable {
    case json, text, mermaid, plantuml

    /// The format a request asks for: JSON when absent, 400 listing the formats when unknown.
    init(_ request: ServiceRequest) throws(Problem) {
        guard let text = request.queryValue("format") else {
            self = .json
            return
        }
        guard let format = TraceFormat(rawValue: text) else {
            let allowed = Self.allCases.map(\.rawValue)
            let shown =
                text.unicodeScalars.count > 40
                ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(40))) + "…" : text
            throw Problem.invalidField(
                "format",
                "query argument format must be one of \(allowed.joined(separator: ", ")) (got \"\(shown)\"); json is the default",
                allowed: allowed
            )
            .suggesting(text, among: allowed)
        }
        self = format
    }

    /// Renders a trace in a text format (nil for JSON, which the handlers write themselves).
    func render(_ trace: Trace) -> String? {
        switch self {
        case .json: nil
        case .text: TraceText.render(trace)
        case .mermaid: TraceMermaid.render(trace)
        case .plantuml: TracePlantUML.render(trace)
        }
    }

    /// A 200 `text/plain` response holding the rendered trace.
    func response(_ trace: Trace) -> ServiceResponse? {
        guard let text = render(trace) else { return nil }
        return ServiceResponse(
            status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }
}

extension Action {
    /// A one-line label for notes and headings: the type, then its parameters as
    /// `name=value` (strings bare, other values as compact JSON).
    var traceLabel: String {
        var w = JSONWriter(capacity: 64)
        w.write(self)
        guard case .object(let members)? = try? JSONParser.parse(w.bytes) else { return kind.rawValue }
        var parts = [kind.rawValue]
        for m in members where m.key != "type" {
            let value: String
            if case .string(let s) = m.value {
                value = s
            } else {
                var v = JSONWriter(capacity: 64)
                v.value(m.value)
                value = String(decoding: v.bytes, as: UTF8.self)
            }
            parts.append("\(m.key)=\(value)")
        }
        return Trace.oneLine(parts.joined(separator: " "))
    }
}

extension Trace {
    /// Text safe to put on one line: control characters (newlines included) become spaces.
    static func oneLine(_ s: String) -> String {
        // The control characters (Cc) are U+0000–U+001F and U+007F–U+009F: in UTF-8,
        // bytes below 0x20, 0x7F, and 0xC2 followed by 0x80–0x9F. Text without them,
        // nearly all, is returned as it is (looking up each scalar's category was a
        // fifth of a text page's time).
        var previous: UInt8 = 0
        let clean = s.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte >= 0x20 && byte != 0x7F && !(previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }
        if clean { return s }
        return String(
            String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The method as the formats show it, on one line; a SwiftUI phase change with its
    /// phases (`onChange(of: scenePhase) inactive→active`).
    static func methodLabel(_ c: Callback) -> String {
        // Issue #20: a lens's state argument belongs to its event (`change active`).
        if c.receiver.isObserver, let args = c.args {
            if let state = args["state"]?.stringValue { return oneLine("\(c.method) \(state)") }
            if case .bool(let isActive)? = args["isActive"] { return oneLine("\(c.method) isActive=\(isActive)") }
        }
        guard c.receiver == .app || c.receiver == .scene,
            let from = c.args?["from"]?.stringValue, let to = c.args?["to"]?.stringValue
        else { return oneLine(c.method.name) }
        return oneLine("\(c.method.name) \(from)→\(to)")
    }

    /// The receiver as the text format names it: view controllers by name.
    static func receiverLabel(_ c: Callback) -> String {
        if c.receiver == .viewController || c.receiver == .view, let name = c.viewController {
            return "\(c.receiver.rawValue) \(oneLine(name))"
        }
        return c.receiver.rawValue
    }
}

extension Trace {
    /// A page of a session's log as one step: the log keeps no action boundaries.
    /// From the start of an intact log the app was `notRunning`; a page that reaches
    /// the newest callback ends in the session's current app state.
    init(logPage page: LogPage, after: Int, of session: Session) {
        let fromStart = after == 0 && session.log.dropped == 0
        let reachesEnd = (page.lastSeq ?? after) >= session.log.lastSeq
        self.init(
            steps: [
                Step(
                    action: nil, callbacks: page.callbacks.compactMap(Entry.init),
                    appStateAfter: reachesEnd ? session.state.app : nil)
            ],
            initialAppState: fromStart ? .notRunning : nil)
    }
}

extension LoggedCallback {
    /// The model's value read back from the stored JSON, for the text formats and the
    /// diff (the log keeps compact entries, not `Callback`s). The log's own writer never
    /// stores bytes that fail to decode; such an entry would read as its method and
    /// state alone, on its receiver if that carries no members (else the app delegate).
    var callback: Callback {
        let bare = CallbackTarget(receiver: receiver, sceneId: nil, sceneState: nil, viewController: nil)
        return Trace.Entry(self)?.callback ?? Callback(bare ?? .appDelegate, method: method, appState: appState)
    }
}
