/// A callback log as people paste it, one entry a line: from the Xcode console
/// (`2024-05-01 10:00:00.123456+0200 MyApp[123:4567] …`), from `print(#function)`,
/// from `NSLog(@"%s", __PRETTY_FUNCTION__)`, from a logger with `[Tag]`s.
public struct TextLog: Sendable, Equatable {
    /// An entry and the line (from 1) it came from.
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var entry: LogEntry
    }

    public var entries: [Line]
    /// Non-blank lines with no recognisable method, by number (from 1).
    public var ignoredLines: [Int]

    /// Reads each line: the first method on it (Swift `#function`, an Objective-C
    /// selector, `-[Class selector]`, or a bare base name the model knows), the
    /// receiver written just before it (`AppDelegate applicationDidBecomeActive(_:)`,
    /// `SceneDelegate.sceneDidBecomeActive(_:)`, `DetailViewController: viewDidLoad`),
    /// and a URL anywhere on the line as `args.url`. Time stamps, `process[pid:tid]`
    /// prefixes and `[Tag]`s are not methods, so they are passed over; a line with
    /// no method is reported in `ignoredLines`. Blank lines are not entries and not
    /// reported.
    public static func parse(_ text: String) -> TextLog {
        var entries: [Line] = []
        var ignored: [Int] = []
        var number = 0
        // `\r\n` is one Character, a newline like `\n`.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if let entry = entry(in: line) {
                entries.append(Line(number: number, entry: entry))
            } else {
                ignored.append(number)
            }
        }
        return TextLog(entries: entries, ignoredLines: ignored)
    }

    /// The entry a line holds, if it names a method.
    static func entry(in line: Substring) -> LogEntry? {
        let url = words(line).lazy.compactMap { Self.url(in: trimmed($0)) }.first
        let args: JSONValue? = url.map { .object(["url": .string(String($0))]) }
        // `-[Class selector]` (two words inside brackets).
        if let open = line.firstIndex(of: "["), let message = objCMessage(in: line[open...]) {
            return LogEntry(method: message.method, receiver: message.receiver, args: args)
        }
        // Methods whose spelling holds a space (`onChange(of: scenePhase)`).
        for name in MethodSpelling.catalog.keys where name.contains(" ") {
            if let r = line.firstRange(of: name) {
                return LogEntry(method: name, receiver: receiver(before: line[..<r.lowerBound]), args: args)
            }
        }
        var previous: Substring?
        for word in words(line) {
            let token = trimmed(word)
            defer { previous = word }
            if Self.url(in: token) != nil { continue }
            // A framework event after its channel (`[flutter] onResume`, `maui: Activated`).
            if let channel = previous.map(channelWord),
                let event = MethodSpelling.frameworkEvent(String(token), channel: channel)
            {
                return LogEntry(method: event.method, receiver: event.receiver.rawValue, args: args)
            }
            if let method = MethodSpelling.method(in: String(token), selectorsCount: false) {
                return LogEntry(method: method, receiver: previous.flatMap(receiverWord), args: args)
            }
            // `Receiver.method(...)`
            if let dot = token.lastIndex(of: "."), dot < token.index(before: token.endIndex),
                let method = MethodSpelling.method(
                    in: String(token[token.index(after: dot)...]), selectorsCount: false),
                MethodSpelling.isIdentifier(String(token[..<dot]))
            {
                return LogEntry(method: method, receiver: String(token[..<dot]), args: args)
            }
        }
        return nil
    }

    /// `-[Class sel]` / `[Class sel]` starting at the first `[` that opens one.
    private static func objCMessage(in text: Substring) -> (receiver: String, method: String)? {
        var rest = text
        while let open = rest.firstIndex(of: "[") {
            let start =
                open > rest.startIndex && "-+".contains(rest[rest.index(before: open)])
                ? rest.index(before: open) : open
            if let close = rest[open...].firstIndex(of: "]"), let m = MethodSpelling.objCMessage(rest[start...close]) {
                return m
            }
            rest = rest[rest.index(after: open)...]
        }
        return nil
    }

    private static func words(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    /// A word without the quotes, commas and similar around it.
    private static func trimmed(_ word: Substring) -> Substring {
        var w = word
        while let c = w.first, "\"'`(<{,;".contains(c) { w = w.dropFirst() }
        while let c = w.last, "\"'`>},;.".contains(c) { w = w.dropLast() }
        // `foo()` loses its `)` only when it has no `(`.
        while w.last == ")", !w.contains("(") { w = w.dropLast() }
        return w
    }

    /// The receiver a word before the method names: a capitalised identifier, maybe
    /// followed by `:` or `.` (`AppDelegate:`), never a `[Tag]` or `app[pid:tid]`.
    /// A word that may name an observer channel: `flutter`, `[flutter]`, `flutter:`.
    private static func channelWord(_ word: Substring) -> String {
        String(word.filter { $0 != "[" && $0 != "]" && $0 != ":" })
    }

    private static func receiverWord(_ word: Substring) -> String? {
        var w = word
        while let c = w.last, ":.,".contains(c) { w = w.dropLast() }
        guard let first = w.first, first.isUppercase, MethodSpelling.isIdentifier(String(w)) else { return nil }
        return String(w)
    }

    private static func receiver(before text: Substring) -> String? {
        words(text).last.flatMap(receiverWord)
    }

    /// The URL in a word (`myapp://item/7`, also after `url=`): RFC 3986's scheme (a
    /// letter, then letters, digits, `+`, `-`, `.`), `://` and something after it.
    private static func url(in word: Substring) -> Substring? {
        guard let r = word.firstRange(of: "://"), r.upperBound < word.endIndex else { return nil }
        var start = r.lowerBound
        while start > word.startIndex {
            let c = word[word.index(before: start)]
            guard c.isASCII, c.isLetter || c.isNumber || "+-.".contains(c) else { break }
            start = word.index(before: start)
        }
        while start < r.lowerBound, !(word[start].isASCII && word[start].isLetter) { start = word.index(after: start) }
        return start < r.lowerBound ? word[start...] : nil
    }
}
