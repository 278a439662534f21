import LifecycleModel

/// The members of a logged callback's JSON object, read in place for the text formats:
/// the log's own writer puts `seq`, `receiver`, `method`, `appState`, then the optional
/// `sceneId`, `sceneState`, `viewController` (strings) and `args` last
/// (`JSONWriter.writeGeneral`). Only `args` goes through the JSON parser; the strings
/// are taken as they lie. A general parse of every callback of a page was most of a text
/// page's remaining time. Anything else (an escape in a string, a member out of place)
/// is left to the general parse: nil.
struct LoggedMembers {
    var receiver: String?
    var appState: String?
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
                guard let value = string(), let text = String(validating: value, as: UTF8.self) else { return nil }
                if Self.equals(key, "receiver") {
                    members.receiver = text
                } else if Self.equals(key, "appState") {
                    members.appState = text
                } else if Self.equals(key, "sceneId") {
                    members.sceneId = text
                } else if Self.equals(key, "sceneState") {
                    members.sceneState = text
                } else if Self.equals(key, "viewController") {
                    members.viewController = text
                } else if !Self.equals(key, "method") {
                    return nil
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

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && bytes.elementsEqual(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
