import Foundation
import LifecycleModel
import ServiceHTTP
import Testing

@testable import LifecycleService

/// Issue #35: the text formats read logged callbacks in place and build their lines as
/// bytes; the answers are the same as the general parse and the String-built lines gave.
@Suite struct TextFormatTests {
    /// A session whose callbacks have every member, escapes, non-ASCII, control
    /// characters and a Prepend character before spaces in its names.
    static func variedSession() -> (ServiceClient, String) {
        let client = ServiceClient()
        let id = client.create(
            #"{"lifecycle":"scene","iosVersion":"17.0","device":"ipad","supportsMultipleScenes":true,"observers":["notifications","flutter","composeMultiplatform","maui","reactNative"]}"#
        )
        let names = [#"q\"uote"#, #"line\nbreak\u0085x"#, "ünïcödé 名前", "\u{0600}  ", "trailing  ", "tab\\tname"]
        var actions = [#"{"type":"launch"}"#, #"{"type":"openScene","by":"user"}"#]
        for name in names { actions.append(#"{"type":"push","name":"\#(name)"}"#) }
        actions += [
            #"{"type":"receiveNotification","payload":{"aps":{"alert":"hi \"x\""},"k":[1,2,{"z":null}]}}"#,
            #"{"type":"openURL","url":"myapp://a?b=\"c\""}"#, #"{"type":"background"}"#,
            #"{"type":"advanceTime","seconds":30}"#, #"{"type":"launch"}"#, #"{"type":"setAppearance","style":"dark"}"#,
        ]
        let batch = client.act(id, "[" + actions.joined(separator: ",") + "]")
        #expect(batch.status == 200, "\(batch.text)")
        return (client, id)
    }

    @Test func loggedCallbacksReadInPlaceAreTheParsedOnes() throws {
        let (client, id) = Self.variedSession()
        let uuid = try #require(UUID(uuidString: id))
        let box = try #require(client.service.store.find(uuid))
        let page = box.session.withLock { $0.log.page(after: 0, limit: 10_000) }
        let logged = page.callbacks
        #expect(logged.count > 100)
        var inPlace = 0
        for c in logged {
            let fast = try #require(Trace.Entry(c))
            let parsed = try #require(Trace.Entry.parsed(c))
            #expect(fast.seq == parsed.seq && fast.callback == parsed.callback, "seq \(c.seq)")
            if LoggedMembers(c.json) != nil { inPlace += 1 }
        }
        // Most are read in place; those with an escape in a string go to the parser.
        #expect(inPlace > logged.count / 2 && inPlace < logged.count)
    }

    @Test func theTextPageIsTheOneStringsBuilt() throws {
        let (client, id) = Self.variedSession()
        let uuid = try #require(UUID(uuidString: id))
        let box = try #require(client.service.store.find(uuid))
        let trace = box.session.withLock { Trace(logPage: $0.log.page(after: 0, limit: 10_000), after: 0, of: $0) }
        let text = TraceText.render(trace)
        #expect(text == Self.reference(trace))
        #expect(text.contains("ünïcödé 名前"))
        for line in text.split(separator: "\n") { #expect(line.last != " ") }
        // oneLine: control characters, and only they, become spaces.
        for s in ["plain", "a\u{0007}b", "a\u{0085}b", "é\u{009F}", "\u{00A0}x", "\r\n", "名\u{007F}"] {
            #expect(Trace.oneLine(s) == Self.referenceOneLine(s), "\(s.debugDescription)")
        }
    }

    /// Sessions whose names are plain ASCII: the log page is written from the log's bytes,
    /// with the same lines as the general path, for every kind of receiver and page.
    @Test(arguments: [
        #"{"lifecycle":"scene","iosVersion":"17.0","device":"ipad","supportsMultipleScenes":true,"observers":["notifications","flutter","composeMultiplatform","maui","reactNative","capacitor","cordova"]}"#,
        #"{"lifecycle":"scene","iosVersion":"17.0","ui":"swiftui"}"#,
        #"{"lifecycle":"app","iosVersion":"11.0","stateRestoration":true}"#,
    ])
    func aPlainPageIsWrittenInPlaceAsTheGeneralPathWritesIt(_ config: String) throws {
        let client = ServiceClient()
        let id = client.create(config)
        let actions = [
            #"{"type":"launch"}"#, #"{"type":"push","name":"detail"}"#, #"{"type":"present","name":"sheet"}"#,
            #"{"type":"receiveNotification","payload":{"aps":{"alert":"hi"}}}"#, #"{"type":"background"}"#,
            #"{"type":"openURL","url":"myapp://item/7"}"#, #"{"type":"rotate","orientation":"landscapeLeft"}"#,
            #"{"type":"setAppearance","style":"dark"}"#, #"{"type":"terminate","by":"user"}"#,
        ]
        for action in actions { client.act(id, action) }
        let uuid = try #require(UUID(uuidString: id))
        let box = try #require(client.service.store.find(uuid))
        for (after, limit) in [(0, 10_000), (0, 7), (5, 3), (12, 10_000)] {
            let (page, trace) = box.session.withLock { session in
                let page = session.log.page(after: after, limit: limit)
                return (page, Trace(logPage: page, after: after, of: session))
            }
            let written = try #require(LogPageText.render(page), "after \(after) limit \(limit)")
            #expect(
                String(decoding: written, as: UTF8.self) == TraceText.render(trace), "after \(after) limit \(limit)")
        }
        let text = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("format", "text")])
        #expect(text.status == 200 && text.contentType == "text/plain; charset=utf-8")
    }

    /// A page with a name that is not plain ASCII takes the general path.
    @Test func aPageWithEscapesTakesTheGeneralPath() throws {
        let (client, id) = Self.variedSession()
        let uuid = try #require(UUID(uuidString: id))
        let box = try #require(client.service.store.find(uuid))
        #expect(box.session.withLock { LogPageText.render($0.log.page(after: 0, limit: 10_000)) } == nil)
    }

    /// The renderer as it was: cells as Strings, widths in Characters, rows trimmed Character by Character.
    static func reference(_ trace: Trace) -> String {
        enum Line {
            case heading(String)
            case row([String])
        }
        var lines: [Line] = [.row(TraceText.header)]
        for (i, step) in trace.steps.enumerated() {
            if let action = step.action {
                lines.append(.heading("# step \(i): \(action)" + (step.callbacks.isEmpty ? " (no callbacks)" : "")))
            }
            for e in step.callbacks {
                let c = e.callback
                var scene = c.sceneId.map(referenceOneLine) ?? ""
                if let state = c.sceneState { scene += scene.isEmpty ? state.rawValue : " \(state.rawValue)" }
                lines.append(
                    .row([String(e.seq), Trace.receiverLabel(c), Trace.methodLabel(c), c.appState.rawValue, scene]))
            }
        }
        var widths = Array(repeating: 0, count: TraceText.header.count)
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
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    row += i == 0 ? pad + cell : "  " + cell + pad
                }
                out += String(row.reversed().drop { $0 == " " }.reversed())
            }
            out += "\n"
        }
        return out
    }

    static func referenceOneLine(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
