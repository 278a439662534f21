import LifecycleModel

/// The log of a `POST /v1/explain` body: `callbacks` (objects) or `log` (text), never both.
struct ExplainLog {
    var entries: [LogEntry]
    /// The line of each entry (text logs), by entry index; empty for `callbacks`.
    var lines: [Int]
    /// Non-blank text lines with no method (empty for `callbacks`).
    var ignoredLines: [Int]
    /// Ignored lines that look like a life-cycle event in words, with what they need.
    var unreadLines: [UnreadLine] = []

    /// Most entries one log may hold: the search's cost grows linearly with them (a
    /// 10,000-entry log of real cycles is explained in about a tenth of a second;
    /// bench `explain`), and so does the answer.
    static let maxEntries = 20_000
    /// Most distinct view-controller names one log may give (issue #35): each is tried
    /// with every push, present and addChild of every state the search expands, so they
    /// multiply its work (200 names took 9 to 15 s of CPU, 1,000 names 136 s).
    static let maxControllerNames = 32

    static let example =
        #"{"config":{"iosVersion":"17.0"},"log":"sceneWillEnterForeground(_:)\nsceneDidBecomeActive(_:)"}"#

    static func decode(_ r: ObjectReader) throws(Problem) -> ExplainLog {
        switch (r["callbacks"], r["log"]) {
        case (nil, nil):
            throw Problem.invalidField(
                "log",
                "log or callbacks is required: the recorded log as text (one callback a line) or as callback objects, e.g. \(example)"
            )
        case (.some, .some):
            throw Problem.invalidField(
                "callbacks", "send either callbacks or log, not both: they are two spellings of the same log")
        case (let callbacks?, nil):
            return try decodeCallbacks(callbacks)
        case (nil, let log?):
            guard case .string(let text) = log else {
                throw Problem.invalidField("log", "log must be a string: the log's text, one callback a line")
            }
            let parsed = TextLog.parse(text)
            guard !parsed.entries.isEmpty else { throw noCallback(parsed) }
            try checkCount(parsed.entries.count, field: "log")
            let entries = parsed.entries.map(\.entry)
            try checkControllerNames(entries, field: "log")
            return ExplainLog(
                entries: entries, lines: parsed.entries.map(\.number), ignoredLines: parsed.ignoredLines,
                unreadLines: parsed.unreadLines)
        }
    }

    /// A log that names no callback: a 400 that says what to write, from the lines that
    /// read as life-cycle events in words (prose such as `application Did Become Active`
    /// or `INACTIVE`), listed in `unreadLines`.
    private static func noCallback(_ parsed: TextLog) -> Problem {
        let howTo =
            "write one callback a line as the code names it: #function (sceneDidBecomeActive(_:)), a selector or -[Class selector], a notification's name, or a framework's own print (flutter: AppLifecycleState.inactive)"
        guard let first = parsed.unreadLines.first else {
            let ignored = parsed.ignoredLines.isEmpty ? "it is empty" : "no line names a callback"
            return Problem.invalidField("log", "log has no callback to explain (\(ignored)); \(howTo)")
        }
        let others = parsed.unreadLines.count > 1 ? " (and \(parsed.unreadLines.count - 1) more in unreadLines)" : ""
        var problem = Problem.invalidField(
            "log",
            "log has no callback to explain: its lines name life-cycle events in words, not as code. Line \(first.number) (\(first.text)): \(first.hint)\(others); \(howTo)"
        )
        problem = problem.with(
            "unreadLines",
            .array(
                parsed.unreadLines.map { line in
                    .object(
                        [JSONMember("line", .number(String(line.number))), JSONMember("text", .string(line.text))]
                            + (line.method.map { [JSONMember("method", .string($0))] } ?? [])
                            + [JSONMember("hint", .string(line.hint))])
                }))
        return problem
    }

    private static func decodeCallbacks(_ value: JSONValue) throws(Problem) -> ExplainLog {
        guard case .array(let items) = value else {
            throw Problem.invalidField(
                "callbacks", "callbacks must be an array of objects such as {\"method\":\"sceneDidBecomeActive(_:)\"}")
        }
        guard !items.isEmpty else {
            throw Problem.invalidField("callbacks", "callbacks is empty: send at least one callback to explain")
        }
        try checkCount(items.count, field: "callbacks")
        var entries: [LogEntry] = []
        for (i, item) in items.enumerated() {
            let r = try ObjectReader(
                item, path: "callbacks[\(i)]", what: "a logged callback",
                known: ["method", "receiver", "viewController", "args"])
            let method = try r.require(
                "method", try r.string("method"),
                hint: "the method as logged, e.g. \"sceneDidBecomeActive(_:)\" or \"sceneDidBecomeActive:\"")
            guard !method.isEmpty else {
                throw Problem.invalidField(r.field("method"), "\(r.field("method")) must not be empty")
            }
            entries.append(
                LogEntry(
                    method: method, receiver: try r.string("receiver"), viewController: try r.string("viewController"),
                    args: r["args"]))
        }
        try checkControllerNames(entries, field: "callbacks")
        return ExplainLog(entries: entries, lines: [], ignoredLines: [])
    }

    /// A 400 naming `field` when the log gives more than `maxControllerNames` view-controller names.
    private static func checkControllerNames(_ entries: [LogEntry], field: String) throws(Problem) {
        let names = Set(entries.compactMap { CallbackKey($0).viewController })
        guard names.count <= maxControllerNames else {
            throw Problem.invalidField(
                field,
                "\(field) names \(names.count) view controllers; at most \(maxControllerNames) per request (each one multiplies the actions the search tries): explain the log in parts (`from` starts a part where the last one ended)"
            )
        }
    }

    private static func checkCount(_ n: Int, field: String) throws(Problem) {
        guard n <= maxEntries else {
            throw Problem.invalidField(
                field,
                "\(field) holds \(n) callbacks; at most \(maxEntries) per request: explain the log in parts (`from` starts a part where the last one ended)"
            )
        }
    }
}
