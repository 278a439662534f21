import LifecycleModel

/// The members of a logged callback's JSON object, read in place for the text formats:
/// the log's own writer puts `seq`, `receiver`, `method`, `appState` (which the log also
/// keeps as values: `LoggedCallback`), then the optional `sceneId`, `sceneState`,
/// `viewController` (strings) and `args` last (`JSONWriter.writeGeneral`). Only `args` goes through the JSON parser; the strings
/// are taken as they lie. A general parse of every callback of a page was most of a text
/// page's remaining time. Anything else (an escape in a string, a member out of place)
/// is left to the general parse: nil.
struct LoggedMembers {
    var sceneId: String?
    var sceneState: String?
    var viewController: String?
    var args: JSONValue?

    init?(_ json: [UInt8]) {
        let parsed: LoggedMembers?? = json.withUnsafeBufferPointer { Self.read($0) }
        guard let parsed, let parsed else { return nil }
        self = parsed
    }

    private init() {}

    private static func read(_ b: UnsafeBufferPointer<UInt8>) -> LoggedMembers? {
        var members = LoggedMembers()
        let quote = UInt8(ascii: "\"")
        guard b.count >= 2, b[0] == UInt8(ascii: "{"), b[b.count - 1] == UInt8(ascii: "}") else { return nil }
        var i = 1
        /// A string from the quote at `i` (none with an escape), leaving `i` past its end.
        func string() -> UnsafeBufferPointer<UInt8>? {
            guard i < b.count, b[i] == quote else { return nil }
            let start = i + 1
            var j = start
            while j < b.count, b[j] != quote {
                if b[j] == UInt8(ascii: "\\") { return nil }
                j += 1
            }
            guard j < b.count else { return nil }
            i = j + 1
            return UnsafeBufferPointer(rebasing: b[start..<j])
        }
        while i < b.count - 1 {
            guard let key = string(), i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            guard i < b.count else { return nil }
            if Self.equals(key, "args") {
                // Last: the value runs to the object's closing brace.
                guard let value = try? JSONParser.parse(Array(b[i..<(b.count - 1)])) else { return nil }
                members.args = value
                return members
            }
            if Self.equals(key, "seq") {
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            } else {
                guard let value = string() else { return nil }
                // The receiver, method and app state are the logged callback's own fields.
                if Self.equals(key, "receiver") || Self.equals(key, "method") || Self.equals(key, "appState") {
                    // as logged
                } else {
                    guard let text = Self.text(value) else { return nil }
                    if Self.equals(key, "sceneId") {
                        members.sceneId = text
                    } else if Self.equals(key, "sceneState") {
                        members.sceneState = text
                    } else if Self.equals(key, "viewController") {
                        members.viewController = text
                    } else {
                        return nil
                    }
                }
            }
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") {
                i += 1
            } else if b[i] == UInt8(ascii: "}"), i == b.count - 1 {
                return members
            } else {
                return nil
            }
        }
        return nil
    }

    /// The text of a string's bytes: ASCII as it is, anything else validated as UTF-8.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && bytes.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
