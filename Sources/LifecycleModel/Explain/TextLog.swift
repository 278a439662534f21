/// A callback log as people paste it, one entry a line: from the Xcode console
/// (`2024-05-01 10:00:00.123456+0200 MyApp[123:4567] …`), from `print(#function)`,
/// from `NSLog(@"%s", __PRETTY_FUNCTION__)`, from a logger with `[Tag]`s, from
/// `flutter run -v`, from a framework's own print of its state. `LineReader` reads
/// each line.
public struct TextLog: Sendable, Equatable {
    /// An entry and the line (from 1) it came from.
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var entry: LogEntry
    }

    public var entries: [Line]
    /// Non-blank lines with no callback, by number (from 1): prose, an app's own
    /// methods, and the lines in `unreadLines`.
    public var ignoredLines: [Int]
    /// Ignored lines that look like a life-cycle event written in words, each with what
    /// it would need to be read.
    public var unreadLines: [UnreadLine]
    /// Lines read as the call of the entry before them: the same callback printed
    /// again inside one call, or `flutter run -v`'s echo of a device line.
    public var mergedLines: [Int]

    /// Reads each line. Blank lines are not entries and not reported.
    ///
    /// One call printed on several lines is one entry: consecutive entries of the same
    /// callback, each with the app's own text after the method and the texts different
    /// (`applicationWillResignActive: cancelling animations…`, then `…: rendering the
    /// cover…`; lines of other text between them allowed, a blank line not), and a
    /// line that repeats the end of the line just before it (`[DEVICE LOG] … flutter:
    /// AppLifecycleState.inactive`, then `flutter: AppLifecycleState.inactive`). Two
    /// calls print the same text, so they stay two.
    public static func parse(_ text: String) -> TextLog {
        var log = TextLog(entries: [], ignoredLines: [], unreadLines: [], mergedLines: [])
        var number = 0
        var previousLine: Substring?
        /// The texts after the method printed so far for the last entry.
        var tails: [Substring] = []
        var blankSinceEntry = false
        for line in lines(of: text) {
            number += 1
            defer { previousLine = line }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                blankSinceEntry = true
                continue
            }
            guard let reading = LineReader.read(line) else {
                log.ignoredLines.append(number)
                if let unread = UnreadLine(number: number, line: line) { log.unreadLines.append(unread) }
                continue
            }
            if let last = log.entries.last, last.entry == reading.entry {
                let echo =
                    last.number == number - 1 && previousLine.map { isEcho(line, of: $0) } == true
                let continued =
                    !blankSinceEntry && !reading.tail.isEmpty && !tails.isEmpty && !tails.contains(reading.tail)
                if echo || continued {
                    log.mergedLines.append(number)
                    tails.append(reading.tail)
                    continue
                }
            }
            log.entries.append(Line(number: number, entry: reading.entry))
            tails = reading.tail.isEmpty ? [] : [reading.tail]
            blankSinceEntry = false
        }
        return log
    }

    /// The lines of `text`, split at `\n`, `\r\n` or `\r` (byte by byte: the bytes of
    /// a line break are never part of another character).
    static func lines(of text: String) -> [Substring] {
        let bytes = text.utf8
        var out: [Substring] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == 0x0A || c == 0x0D {
                out.append(text[start..<i])
                var next = bytes.index(after: i)
                if c == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                start = next
                i = next
            } else {
                i = bytes.index(after: i)
            }
        }
        out.append(text[start...])
        return out
    }

    /// `line`, without its leading tags, is the end of the longer `previous`.
    private static func isEcho(_ line: Substring, of previous: Substring) -> Bool {
        var body = line.drop { $0 == " " || $0 == "\t" }
        while body.first == "[", let close = body.firstIndex(of: "]") {
            body = body[body.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        let echoed = String(body).trimmingTrailingSpaces()
        let earlier = String(previous).trimmingTrailingSpaces()
        return !echoed.isEmpty && earlier.count > echoed.count && earlier.hasSuffix(echoed)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}

/// A line that reads as a life-cycle event written in the app's own words (`view Did
/// Load`, `INACTIVE`, `Flutter hiding`), which the explainer cannot read, and what it
/// would need.
public struct UnreadLine: Sendable, Equatable {
    public var number: Int
    /// The line as written (at most 200 characters).
    public var text: String
    /// The model method its words spell, if they spell one (`viewDidLoad()` for `view
    /// Did Load`).
    public var method: String?
    /// What to write instead.
    public var hint: String

    /// Words that name an app or scene state or a framework's: a short line of prose
    /// with one of them is a life-cycle event in someone's own words.
    static let stateWords: Set<String> = [
        "active", "inactive", "background", "foreground", "resumed", "paused", "hidden", "hiding", "detached",
        "suspended", "terminated", "terminating", "resigned", "appeared", "disappeared", "launched",
    ]

    /// The longest prose line (in words) read as a state in words; longer lines are
    /// sentences that mention one.
    static let maxStateLineWords = 6

    init?(number: Int, line: Substring) {
        let body = line.drop { $0 == " " || $0 == "\t" }
        // The poster's narration: code comments, Markdown headings, `-- … --` rules.
        if ["//", "#", "--", "/*", "*"].contains(where: { body.hasPrefix($0) }) { return nil }
        guard let cue = Self.cue(in: line) else { return nil }
        let words = LineReader.words(line).compactMap(Self.word)
        self.number = number
        self.text = String(body.prefix(200))
        if cue == .phraseStart, let method = Self.spelledMethod(in: words) {
            self.method = method
            let selector = CallbackMethod.methods(named: method).lazy.compactMap(\.selector).first
            self.hint =
                "the words spell \(method): write the method as the code names it, \(method) (print(#function))"
                + (selector.map { " or \($0) (NSLog of __PRETTY_FUNCTION__)" } ?? "") + ", one call a line"
            return
        }
        let lower = words.map { $0.lowercased() }
        guard words.count <= Self.maxStateLineWords, lower.contains(where: Self.stateWords.contains) else {
            return nil
        }
        self.method = nil
        self.hint =
            lower.contains("flutter")
            ? "a state in the app's own words: print Flutter's value as it comes, flutter: AppLifecycleState.inactive (didChangeAppLifecycleState), with observers [\"flutter\"] in the config"
            : "a state in the app's own words: print the callback's name (print(#function)), or a framework's own value with its observer channel in the config: Flutter AppLifecycleState.inactive, React Native AppState change: inactive, Capacitor appStateChange isActive: false, UIApplicationWillResignActiveNotification"
    }

    /// What a cue found in a line starts.
    private enum Cue { case phraseStart, stateWord }

    /// Whether the line holds, in any case, the first word of a phrase (`view`,
    /// `application`, `will`, …) or a state word, as a word or a word's first
    /// camel-case part: the cheap test before reading its words.
    private static func cue(in line: Substring) -> Cue? {
        // ASCII letters only (every cue is ASCII), byte by byte: each word's first part
        // (`view` of `viewDidLoad`, all of `INACTIVE`), in lower case.
        var word: [UInt8] = []
        var skipping = false
        var afterLower = false
        var found: Cue?
        func check() {
            guard word.count > 1, found != .phraseStart else { return }
            var stem = word
            // The word without the ending `Phrase.stem` takes off.
            for ending in endings where word.count > ending.count + 3 && word.suffix(ending.count).elementsEqual(ending)
            {
                stem = Array(word.dropLast(ending.count))
                break
            }
            if phraseCues.contains(stem) || phraseCues.contains(word) {
                found = .phraseStart
            } else if stateCues.contains(stem) || stateCues.contains(word) {
                found = .stateWord
            }
        }
        for b in line.utf8 {
            let upper = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")
            let lower = b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")
            guard upper || lower else {
                check()
                if found == .phraseStart { return found }
                word.removeAll(keepingCapacity: true)
                skipping = false
                afterLower = false
                continue
            }
            if skipping { continue }
            if upper, afterLower {
                // A capital after a lower-case letter: the first part ends here.
                check()
                if found == .phraseStart { return found }
                word.removeAll(keepingCapacity: true)
                skipping = true
                continue
            }
            word.append(b | 0x20)
            afterLower = lower
        }
        check()
        return found
    }

    /// The phrases' first stems and the state words' stems, as lower-case bytes.
    private static let phraseCues: Set<[UInt8]> = Set(MethodSpelling.phraseStarts.map { Array($0.utf8) })
    private static let stateCues: Set<[UInt8]> = Set(stateWords.map { Array(Phrase.stem($0).utf8) })
    private static let endings: [[UInt8]] = ["ing", "ed", "s"].map { Array($0.utf8) }

    /// A word of prose: its letters, if it has some and no digit (not a tag).
    private static func word(_ raw: Substring) -> String? {
        let w = LineReader.trimmed(raw)
        guard w.utf8.first != UInt8(ascii: "[") else { return nil }
        var letters = ""
        for scalar in w.unicodeScalars {
            if ("0"..."9").contains(scalar) { return nil }
            if scalar.properties.isAlphabetic || scalar == "_" { letters.unicodeScalars.append(scalar) }
        }
        return letters.isEmpty ? nil : letters
    }

    /// The method a run of words spells (`application Did Become Active`), matched on
    /// their stems (`MethodSpelling.phrases`); a run starts at a word that starts one.
    private static func spelledMethod(in words: [String]) -> String? {
        var stems: [[String]?] = Array(repeating: nil, count: words.count)
        for start in words.indices where MethodSpelling.phraseStarts.contains(Phrase.stem(Self.firstWord(words[start])))
        {
            var phrase: [String] = []
            for end in start..<min(words.count, start + 8) {
                if stems[end] == nil { stems[end] = Phrase.stems(ofCamelCase: words[end]) }
                phrase += stems[end] ?? []
                if end > start, let method = MethodSpelling.phrases[phrase] { return method }
            }
        }
        return nil
    }

    /// The first camel-case word of `word` (`application` of `applicationDid`).
    private static func firstWord(_ word: String) -> String {
        var out = ""
        for scalar in word.unicodeScalars {
            if !out.isEmpty, scalar.properties.isUppercase { break }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
