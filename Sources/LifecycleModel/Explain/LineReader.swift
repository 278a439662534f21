/// Reads one line of a pasted log as printed: the callback it names, if any, and the
/// app's own text after the method (how `TextLog` tells one call printed twice from two
/// calls).
///
/// What a line may look like, in the order it is tried:
/// - `-[Class selector]` or `+[Class selector]` (`__PRETTY_FUNCTION__`), where
///   `selector` has a selector's shape (lower case first): `[DEVICE LOG]` and
///   `[App Lifecycle]` are tags, not messages;
/// - a framework's own print of its state: Flutter's `AppLifecycleState.inactive`
///   (`state = …`, `didChangeAppLifecycleState paused`), React Native's `AppState`
///   with a state after it, Capacitor's `isActive` with `true` or `false`;
/// - a full Swift signature, `sceneWillEnterForeground(_ scene: UIScene)`;
/// - a word: Swift's `#function` (`viewWillAppear(_:)`), a selector, a bare name or a
///   selector piece only one method has (`viewDidLoad`, `didFinishLaunchingWithOptions`),
///   a notification's name, or a framework event after its channel (`flutter onResume`).
///
/// The receiver is the word before the method (`AppDelegate`, `DetailViewController:`,
/// `MyApp.HomeViewController` as `type(of: self)` prints it), or what follows it in
/// parentheses or angle brackets (`viewDidLoad (ViewController 1)`,
/// `viewWillAppear <HomeViewController: 0x7f…>`). Time stamps, `process[pid:tid]` and
/// `[Tags]` are passed over. An unknown method counts only when it reads as a
/// life-cycle callback (`MethodSpelling.looksLikeLifecycle`): an app's own methods
/// (`initWithCoder:`, `-[VC present:]`, `setUpViews()`) are not callbacks.
struct LineReader {
    /// What a line holds: the entry and the text after its method.
    struct Reading: Equatable {
        var entry: LogEntry
        var tail: Substring
    }

    static func read(_ line: Substring) -> Reading? {
        let all = words(line)
        if let reading = read(line, words: all) { return reading }
        // A `[` far from its `]` is no tag: read the words between them too.
        let spanning = all.filter { $0.utf8.first == UInt8(ascii: "[") && $0.utf8.contains(0x20) }
        guard !spanning.isEmpty else { return nil }
        return read(line, words: all.flatMap { $0.split { $0 == "[" || $0 == "]" || $0 == " " } })
    }

    private static func read(_ line: Substring, words all: [Substring]) -> Reading? {
        // Most lines hold no URL, no message and no parenthesis: one pass over the bytes
        // says which, so that the searches for them are made only where they may succeed.
        var hasColon = false
        var hasBracket = false
        var hasParenthesis = false
        var hasState = false
        for b in line.utf8 {
            switch b {
            case UInt8(ascii: ":"): hasColon = true
            case UInt8(ascii: "["): hasBracket = true
            case UInt8(ascii: "("): hasParenthesis = true
            case UInt8(ascii: "S"), UInt8(ascii: "s"): hasState = true
            default: break
            }
        }
        let url =
            hasColon && range(of: "://", in: line) != nil
            ? all.lazy.compactMap { Self.url(in: trimmed($0)) }.first : nil
        let args: JSONValue? = url.map { .object(["url": .string(String($0))]) }
        func reading(_ method: String, receiver: String?, after end: String.Index, extra: JSONValue? = nil) -> Reading {
            let rest = line[end...]
            let receiver = receiver ?? receiverAfter(rest)
            return Reading(
                entry: LogEntry(method: method, receiver: receiver, args: extra ?? args),
                tail: rest.drop { ": \t-".contains($0) })
        }
        if hasBracket, let message = objCMessage(in: line), let method = callbackName(message.method) {
            return reading(method, receiver: message.receiver, after: message.end)
        }
        if hasState, let print = frameworkPrint(in: line, words: all) {
            return reading(print.method, receiver: print.receiver, after: print.end, extra: print.args)
        }
        if hasParenthesis {
            // Methods whose spelling holds a space (`onChange(of: scenePhase)`).
            for name in spacedNames {
                if let r = range(of: name, in: line) {
                    return reading(name, receiver: receiver(before: line[..<r.lowerBound]), after: r.upperBound)
                }
            }
            if let signature = swiftSignature(in: line) {
                return reading(signature.method, receiver: signature.receiver, after: signature.end)
            }
        }
        var previous: Substring?
        for word in all {
            let token = trimmed(word)
            defer { previous = word }
            // A method starts with a letter or `_` (time stamps, counters and numbers do not).
            guard let head = token.utf8.first,
                head == UInt8(ascii: "_") || (head | 0x20) >= UInt8(ascii: "a") && (head | 0x20) <= UInt8(ascii: "z")
                    || head >= 0x80,
                url == nil || Self.url(in: token) == nil
            else { continue }
            // A framework event after its channel (`[flutter] onResume`, `maui: Activated`).
            if let previous, MethodSpelling.isFrameworkEvent(token),
                let event = MethodSpelling.frameworkEvent(String(token), channel: channelWord(previous))
            {
                return reading(event.method, receiver: event.receiver.rawValue, after: word.endIndex)
            }
            // A word of prose (lower case letters only) names no method: methods are camel
            // case or carry their punctuation (`viewDidLoad`, `init(coder:)`, `dealloc` is
            // no callback).
            guard token.utf8.contains(where: { $0 < UInt8(ascii: "a") || $0 > UInt8(ascii: "z") }) else { continue }
            if let method = callbackName(String(token)) {
                return reading(method, receiver: previous.flatMap(receiverWord), after: word.endIndex)
            }
            // `Receiver.method(...)`
            if let dot = token.lastIndex(of: "."), dot < token.index(before: token.endIndex),
                let method = callbackName(String(token[token.index(after: dot)...])),
                let receiver = typeName(token[..<dot])
            {
                return reading(method, receiver: receiver, after: word.endIndex)
            }
        }
        return nil
    }

    /// The known methods whose spelling holds a space.
    private static let spacedNames = MethodSpelling.catalog.keys.filter { $0.contains(" ") }.sorted()

    /// The model method a token names, known or shaped like a life-cycle callback;
    /// nil for anything else (prose, an app's own method).
    static func callbackName(_ token: String) -> String? {
        if let known = MethodSpelling.known(token) { return known }
        let shaped = MethodSpelling.isSwiftSpelling(token) || MethodSpelling.isSelector(token)
        return shaped && MethodSpelling.looksLikeLifecycle(token) ? token : nil
    }

    // MARK: Objective-C messages

    /// `-[Class sel]` / `[Class sel]` at the first `[` that opens one whose `sel` has a
    /// selector's shape (a lower-case letter or `_` first).
    private static func objCMessage(
        in line: Substring
    ) -> (receiver: String, method: String, end: String.Index)? {
        var rest = line
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "[")) {
            let before = open > rest.startIndex ? rest.utf8[rest.utf8.index(before: open)] : 0
            let start =
                before == UInt8(ascii: "-") || before == UInt8(ascii: "+") ? rest.utf8.index(before: open) : open
            let afterOpen = rest.utf8.index(after: open)
            if afterOpen < rest.endIndex, rest.utf8[afterOpen] >= UInt8(ascii: "A"),
                let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "]")),
                rest.utf8[open..<close].contains(UInt8(ascii: " ")),
                let m = MethodSpelling.objCMessage(rest[start...close])
            {
                return (m.receiver, m.method, rest.index(after: close))
            }
            rest = rest[rest.utf8.index(after: open)...]
        }
        return nil
    }

    // MARK: Framework prints

    /// A framework's print of its state: Flutter's `AppLifecycleState.x` (also
    /// `didChangeAppLifecycleState x`), React Native's `AppState` followed by a state,
    /// Capacitor's `isActive` (or `Is active?`) followed by `true` or `false`.
    private static func frameworkPrint(
        in line: Substring, words all: [Substring]
    ) -> (method: String, receiver: String, args: JSONValue, end: String.Index)? {
        let flutter = FrameworkEvent.flutterState.name
        if let r = range(of: "AppLifecycleState.", in: line),
            let (word, end) = identifier(after: r.upperBound, in: line),
            let state = FlutterAppLifecycleState(rawValue: word)
        {
            return (flutter, ObserverChannel.flutter.rawValue, .object(["state": .string(state.rawValue)]), end)
        }
        for (i, word) in all.enumerated() {
            // Only `didChangeAppLifecycleState` and `AppState`/`appState` start a print.
            guard let head = word.utf8.first, head == UInt8(ascii: "d") || head | 0x20 == UInt8(ascii: "a") else {
                continue
            }
            let token = trimmed(word)
            if token == flutter, i + 1 < all.count,
                let state = FlutterAppLifecycleState(rawValue: String(trimmed(all[i + 1])))
            {
                return (
                    flutter, ObserverChannel.flutter.rawValue, .object(["state": .string(state.rawValue)]),
                    all[i + 1].endIndex
                )
            }
            if token == "AppState" || token == "appState" || token == "AppState:" || token == "appState:" {
                for later in all[(i + 1)...].prefix(4) {
                    if let state = ReactNativeAppState(rawValue: String(trimmed(later))) {
                        return (
                            FrameworkEvent.reactNativeChange.name, ObserverChannel.reactNative.rawValue,
                            .object(["state": .string(state.rawValue)]), later.endIndex
                        )
                    }
                }
            }
        }
        guard range(of: "ctive", in: line) != nil else { return nil }
        let lower = line.lowercased()
        for spelling in ["isactive", "is active"] {
            guard let r = range(of: spelling, in: lower[...]) else { continue }
            let after = lower[r.upperBound...].drop { " :=?\"'".contains($0) }
            for (word, value) in [("true", true), ("false", false)] where after.hasPrefix(word) {
                let offset = lower.distance(from: lower.startIndex, to: after.startIndex) + word.count
                let end = line.index(line.startIndex, offsetBy: offset)
                return (
                    FrameworkEvent.capacitorAppStateChange.name, ObserverChannel.capacitor.rawValue,
                    .object(["isActive": .bool(value)]), end
                )
            }
        }
        return nil
    }

    private static func identifier(after index: String.Index, in line: Substring) -> (String, String.Index)? {
        let rest = line[index...]
        let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return word.isEmpty ? nil : (String(word), word.endIndex)
    }

    // MARK: Swift signatures

    /// A full signature, `application(_ application: UIApplication, didFinishLaunchingWithOptions
    /// launchOptions: …)`: the method its argument labels make, known or shaped like a
    /// life-cycle callback.
    private static func swiftSignature(
        in line: Substring
    ) -> (method: String, receiver: String?, end: String.Index)? {
        var search = line[...]
        while let open = search.firstIndex(of: "(") {
            defer { search = line[line.index(after: open)...] }
            let base = line[..<open].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !base.isEmpty, let close = closing(open, in: line) else { continue }
            let inner = line[line.index(after: open)..<close]
            guard inner.contains(" ") || inner.contains(",") else { continue }
            let labels = topLevel(inner, separator: ",").map { parameter -> String in
                let p = parameter.drop { $0 == " " }
                return String(p.prefix { $0 != " " && $0 != ":" })
            }
            let baseName = String(base.reversed())
            let method = baseName + "(" + labels.map { $0 + ":" }.joined() + ")"
            guard let name = callbackName(method) else { continue }
            let baseStart = line.index(open, offsetBy: -baseName.count)
            return (name, receiver(before: line[..<baseStart]), line.index(after: close))
        }
        return nil
    }

    /// The `)` that closes the `(` at `open`, counting brackets of every kind.
    private static func closing(_ open: String.Index, in line: Substring) -> String.Index? {
        var depth = 0
        var i = open
        while i < line.endIndex {
            switch line[i] {
            case "(", "[", "<": depth += 1
            case ")", "]": depth -= 1
            case ">" where !isArrow(i, in: line): depth -= 1
            default: break
            }
            if depth == 0 { return line[i] == ")" ? i : nil }
            i = line.index(after: i)
        }
        return nil
    }

    /// The `>` of a function type's `->`, which closes nothing.
    private static func isArrow(_ i: String.Index, in text: Substring) -> Bool {
        i > text.startIndex && text[text.index(before: i)] == "-"
    }

    private static func topLevel(_ text: Substring, separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var depth = 0
        var start = text.startIndex
        for i in text.indices {
            switch text[i] {
            case "(", "[", "<": depth += 1
            case ")", "]": depth -= 1
            case ">" where !isArrow(i, in: text): depth -= 1
            case separator where depth == 0:
                parts.append(text[start..<i])
                start = text.index(after: i)
            default: break
            }
        }
        parts.append(text[start...])
        return parts
    }

    // MARK: Words and receivers

    /// The words of a line: a tag (`[Lifecycle]`, `[DEVICE LOG]`) is one word, spaces
    /// and all, and a process prefix (`MyApp[123:4567]`) none: neither names a method
    /// or a receiver.
    static func words(_ line: Substring) -> [Substring] {
        // Bytes, not Characters: every separator is ASCII, and a UTF-8 byte below 0x80 is
        // never part of another character.
        let bytes = line.utf8
        var out: [Substring] = []
        var i = bytes.startIndex
        var wordStart: String.Index?
        var skippingWord = false
        func end(at j: String.Index) {
            if let s = wordStart, !skippingWord { out.append(line[s..<j]) }
            wordStart = nil
            skippingWord = false
        }
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 {
                end(at: i)
            } else if c == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) {
                if wordStart != nil {
                    // A process prefix glued to its name: the word goes.
                    skippingWord = true
                } else {
                    // A tag, spaces and all, is one word (a channel, never a receiver).
                    wordStart = i
                }
                i = close
            } else if wordStart == nil {
                wordStart = i
            }
            i = bytes.index(after: i)
        }
        end(at: bytes.endIndex)
        return out
    }

    /// Where `needle` first occurs in `line` (byte by byte: the standard library's
    /// `firstRange(of:)` cost the parser most of its time; bench `explain`).
    static func range(of needle: String, in line: Substring) -> Range<String.Index>? {
        let n = Array(needle.utf8)
        let bytes = line.utf8
        let found: Int?? = bytes.withContiguousStorageIfAvailable { buffer -> Int? in
            guard let first = n.first, buffer.count >= n.count else { return nil }
            var i = 0
            while i <= buffer.count - n.count {
                if buffer[i] == first {
                    var k = 1
                    while k < n.count, buffer[i + k] == n[k] { k += 1 }
                    if k == n.count { return i }
                }
                i += 1
            }
            return nil
        }
        if let found {
            guard let offset = found else { return nil }
            let start = bytes.index(bytes.startIndex, offsetBy: offset)
            return start..<bytes.index(start, offsetBy: n.count)
        }
        // A string that is not stored as UTF-8 (bridged): the slow way.
        return line.firstRange(of: needle)
    }

    /// A word without the quotes, commas and similar around it (all ASCII, so trimmed
    /// byte by byte).
    static func trimmed(_ word: Substring) -> Substring {
        let bytes = word.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, leading(bytes[start]) { start = bytes.index(after: start) }
        while start < end, trailing(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        // `foo()` loses its `)` only when it has no `(`.
        if start < end, bytes[bytes.index(before: end)] == UInt8(ascii: ")"),
            !bytes[start..<end].contains(UInt8(ascii: "("))
        {
            while start < end, bytes[bytes.index(before: end)] == UInt8(ascii: ")") { end = bytes.index(before: end) }
        }
        return word[start..<end]
    }

    private static func leading(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "("), UInt8(ascii: "<"),
            UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ";"):
            true
        default: false
        }
    }

    private static func trailing(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: ">"), UInt8(ascii: "}"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "!"):
            true
        default: false
        }
    }

    /// A word that may name an observer channel: `flutter`, `[flutter]`, `flutter:`.
    private static func channelWord(_ word: Substring) -> String {
        String(word.filter { $0 != "[" && $0 != "]" && $0 != ":" })
    }

    /// The receiver a word before the method names: a capitalised identifier, maybe
    /// module-qualified (`MyApp.HomeViewController`, as `String(reflecting:)` prints
    /// `type(of: self)`), maybe followed by `:` or `.` (`AppDelegate:`).
    private static func receiverWord(_ word: Substring) -> String? {
        var w = word
        while let c = w.last, ":.,".contains(c) { w = w.dropLast() }
        guard let name = typeName(w), let first = name.first, first.isUppercase else { return nil }
        return name
    }

    /// `HomeViewController`, or the last part of `MyApp.HomeViewController`.
    private static func typeName(_ text: Substring) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ MethodSpelling.isIdentifier(String($0)) }) else { return nil }
        return parts.last.map(String.init)
    }

    private static func receiver(before text: Substring) -> String? {
        words(text).last.flatMap(receiverWord)
    }

    /// A receiver printed after the method: `(AppDelegate)`, `(ViewController 1)`, or
    /// an object's description, `<HomeViewController: 0x7f…>`.
    private static func receiverAfter(_ rest: Substring) -> String? {
        let text = rest.drop { $0 == " " || $0 == ":" }
        if text.first == "(", let close = text.firstIndex(of: ")") {
            let inner = text[text.index(after: text.startIndex)..<close]
            let parts = inner.split(separator: " ")
            guard let head = parts.first, let name = typeName(head), name.first?.isUppercase == true,
                parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isNumber) })
            else { return nil }
            return ([name] + parts.dropFirst().map(String.init)).joined(separator: " ")
        }
        if text.first == "<" {
            let inner = text.dropFirst().prefix { $0 != ":" && $0 != ">" && $0 != " " }
            return typeName(inner).flatMap { $0.first?.isUppercase == true ? $0 : nil }
        }
        return nil
    }

    /// The URL in a word (`myapp://item/7`, also after `url=`): RFC 3986's scheme (a
    /// letter, then letters, digits, `+`, `-`, `.`), `://` and something after it.
    static func url(in word: Substring) -> Substring? {
        guard let r = range(of: "://", in: word), r.upperBound < word.endIndex else { return nil }
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
