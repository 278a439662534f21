import Foundation
import LifecycleService
import ServiceHTTP

/// `lifecycled explain FILE`: `POST /v1/explain` on a log file, without a server
/// (the same service, in process), answered as text: a summary line, the divergence
/// if any, then each step's callbacks as `?format=text` draws them.
///
/// Exit status: 0 explained, 1 not explained (or the service refused the input,
/// its problem on standard error), 2 bad usage.
enum ExplainCommand {
    static let usage = """
        usage: lifecycled explain FILE [--config JSON | --config-file FILE] [--from JSON]
                                       [--max-actions N] [--json]

        Finds the user actions behind a recorded callback log (one callback a line,
        as printed: #function, a selector, -[Class selector], a notification's name, a
        framework's print of its state; FILE - reads standard input), or the first
        line no action sequence produces (POST /v1/explain).

          --config JSON       the session config, e.g. '{"iosVersion":"17.0"}' (default: {})
          --config-file FILE  the session config, read from FILE
          --from JSON         actions applied first, e.g. '[{"type":"launch"}]' (without it,
                              a log that starts in a running app is explained after the
                              actions it needs, which the answer names)
          --max-actions N     the longest action sequence tried (default: no limit)
          --json              print the JSON answer of POST /v1/explain instead

        """

    struct Arguments {
        var file: String?
        var config = "{}"
        var from: String?
        var maxActions: String?
        var json = false
    }

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: Arguments
        do {
            parsed = try parse(arguments)
        } catch {
            writeLine("lifecycled explain: \(error.message); see lifecycled explain --help", to: 2)
            return 2
        }
        guard let file = parsed.file else {
            writeLine(usage, to: 1, newline: false)
            return 0
        }
        let text: String
        do {
            let data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            writeLine("lifecycled explain: cannot read \(file): \(error.localizedDescription)", to: 2)
            return 2
        }
        var body = #"{"config":\#(parsed.config),"log":\#(quoted(text))"#
        if let from = parsed.from { body += #","from":\#(from)"# }
        if let n = parsed.maxActions { body += #","maxActions":\#(n)"# }
        body += "}"

        let service = Service()
        func ask(_ query: [(name: String, value: String)]) -> ServiceResponse {
            service.handle(ServiceRequest(method: "POST", path: "/v1/explain", query: query, body: Array(body.utf8)))
        }
        let answer = ask([])
        let json = String(decoding: answer.body, as: UTF8.self)
        guard answer.status == 200,
            let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        else {
            writeLine("lifecycled explain: \(answer.status) \(json)", to: 2)
            return 1
        }
        let explained = object["explained"] as? Bool ?? false
        if parsed.json {
            writeLine(json, to: 1)
        } else {
            writeLine(summary(object), to: 1, newline: false)
            writeLine(String(decoding: ask([("format", "text")]).body, as: UTF8.self), to: 1, newline: false)
        }
        return explained ? 0 : 1
    }

    /// The answer in a few lines: explained or not, the actions, what was assumed, the
    /// other stories as short, the divergence or why the search stopped, hints, the
    /// lines not read.
    static func summary(_ o: [String: Any]) -> String {
        let actions = (o["actions"] as? [[String: Any]] ?? []).map(label)
        var out = ""
        if let assumed = o["assumed"] as? [String: Any] {
            out += "assumed: \(assumed["detail"] as? String ?? "")\n"
        }
        if o["explained"] as? Bool == true {
            out += "explained by \(actions.count) action(s): \(actions.joined(separator: ", "))\n"
            for alternative in o["alternatives"] as? [[[String: Any]]] ?? [] {
                out += "  as short: \(alternative.map(label).joined(separator: ", "))\n"
            }
        } else {
            out += "not explained\n"
            if let d = o["divergence"] as? [String: Any] {
                let index = d["index"] as? Int ?? 0
                let at = (d["line"] as? Int).map { "line \($0)" } ?? "entry \(index + 1)"
                if let observed = d["observed"] as? [String: Any] {
                    out += "\(at): \(observed["method"] as? String ?? "?") is where no action sequence goes on"
                } else {
                    out += "the log ends after \(index) entries where UIKit goes on"
                }
                out +=
                    " (\(index) entries explained by: \(actions.isEmpty ? "no action" : actions.joined(separator: ", ")))\n"
                for e in d["expected"] as? [[String: Any]] ?? [] {
                    let who = (e["viewController"] as? String) ?? (e["receiver"] as? String) ?? ""
                    out +=
                        "  UIKit could call instead: \(who) \(e["method"] as? String ?? "?") (after \(e["action"] as? String ?? "?"))\n"
                }
            }
            if let reason = o["reason"] as? [String: Any] {
                let explained = reason["explainedEntries"] as? Int ?? 0
                out +=
                    "the search stopped early (\(reason["bound"] as? String ?? "?")) after explaining \(explained) entries: \(reason["detail"] as? String ?? "")\n"
            }
            for hint in o["hints"] as? [[String: Any]] ?? [] {
                out += "hint: \(hint["detail"] as? String ?? "")\n"
            }
        }
        for line in o["unreadLines"] as? [[String: Any]] ?? [] {
            out += "line \(line["line"] as? Int ?? 0) not read: \(line["hint"] as? String ?? "")\n"
        }
        if let ignored = o["ignoredLines"] as? [Int], !ignored.isEmpty {
            out += "ignored lines (no method): \(ignored.map(String.init).joined(separator: ", "))\n"
        }
        out += "nodes visited: \(o["nodesVisited"] as? Int ?? 0)\n"
        return out
    }

    /// `launch`, `openURL url=myapp://x`: the type and the other members.
    private static func label(_ action: [String: Any]) -> String {
        let type = action["type"] as? String ?? "?"
        let rest = action.keys.filter { $0 != "type" }.sorted().map { "\($0)=\(action[$0] ?? "")" }
        return ([type] + rest).joined(separator: " ")
    }

    private static func parse(_ arguments: [String]) throws(Options.Failure) -> Arguments {
        var a = Arguments()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            func value() throws(Options.Failure) -> String {
                if let inline { return inline }
                guard let next = remaining.popFirst() else { throw Options.Failure(message: "\(flag): missing value") }
                return next
            }
            switch flag {
            case "--help", "-h": return Arguments()
            case "--config": a.config = try value()
            case "--config-file":
                let path = try value()
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw Options.Failure(message: "--config-file: cannot read \(path)")
                }
                a.config = String(decoding: data, as: UTF8.self)
            case "--from": a.from = try value()
            case "--max-actions": a.maxActions = try value()
            case "--json": a.json = true
            default:
                guard !argument.hasPrefix("-") || argument == "-" else {
                    throw Options.Failure(message: "unknown flag \"\(argument)\"")
                }
                guard a.file == nil else { throw Options.Failure(message: "one log file at a time (got \(argument))") }
                a.file = argument
            }
        }
        guard a.file != nil else { throw Options.Failure(message: "missing the log FILE (- for standard input)") }
        return a
    }

    /// `s` as a JSON string.
    private static func quoted(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
