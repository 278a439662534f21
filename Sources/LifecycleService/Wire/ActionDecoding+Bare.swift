import Foundation
import LifecycleModel

extension ActionDecoding {
    /// The action of a body that is exactly `{"type":"<kind>"}` (what most clients and
    /// the benchmark send), without building a JSON tree; nil for any other body.
    ///
    /// The table is made once by running each such body through the full parser and
    /// decoder, so an answer from it is the one the full path gives, by construction.
    /// The full path was about a quarter of the service's instructions for an action
    /// (bench/PROFILE.md): a dictionary, Strings and a member check for 20 bytes.
    static func bare(_ body: [UInt8]) -> Action? {
        let open = bareOpen.utf8CodeUnitCount
        let close = 2
        guard body.count > open + close, body.count <= bareLongest else { return nil }
        return body.withUnsafeBufferPointer { p -> Action? in
            guard let base = p.baseAddress, memcmp(base, bareOpen.utf8Start, open) == 0,
                p[p.count - 2] == UInt8(ascii: "\""), p[p.count - 1] == UInt8(ascii: "}")
            else { return nil }
            let name = UnsafeBufferPointer(rebasing: p[open..<(p.count - close)])
            guard let nameBase = name.baseAddress else { return nil }
            // By index and memcmp: `for entry in bareActions` copied every entry (its
            // name array and action retained and released) on the way (bench/PROFILE.md).
            let table = bareActions
            for i in table.indices where table[i].name.count == name.count {
                let same = table[i].name.withUnsafeBufferPointer { entry in
                    entry.baseAddress.map { memcmp($0, nameBase, name.count) == 0 } ?? false
                }
                if same { return table[i].action }
            }
            return nil
        }
    }

    private static let bareOpen: StaticString = #"{"type":""#

    /// Each kind that a bare `{"type":…}` body decodes to, with the name's bytes.
    private static let bareActions: [(name: [UInt8], action: Action)] = ActionKind.allCases.compactMap { kind in
        let body = Array(#"{"type":"\#(kind.rawValue)"}"#.utf8)
        guard let value = try? JSONParser.parse(body), let action = try? decode(value) else { return nil }
        return (Array(kind.rawValue.utf8), action)
    }

    private static let bareLongest =
        bareActions.map { $0.name.count }.max().map { $0 + bareOpen.utf8CodeUnitCount + 2 } ?? 0
}
