import Foundation
import Testing

@testable import LifecycleService

/// Issue #9 item 1: the duplicate-key check is linear and objects and arrays are bounded.
@Suite struct JSONLimitsTests {
    /// `count` distinct short keys: a, b, …, aa, ab, … (the issue's body).
    static func keys(_ count: Int) -> [String] {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").map(String.init)
        var out: [String] = []
        var level = [""]
        while out.count < count {
            level = level.flatMap { p in alphabet.map { p + $0 } }
            out += level.prefix(count - out.count)
        }
        return out
    }

    static func object(_ keys: [String]) -> [UInt8] {
        Array(("{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}").utf8)
    }

    @Test func duplicatesAreFoundPastTheLinearScan() throws {
        let keys = Self.keys(50_000)
        guard case .object(let members) = try JSONParser.parse(Self.object(keys)) else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 50_000)
        #expect(members.map(\.key) == keys)  // order kept
        for duplicate in [keys[0], keys[JSONParser.linearKeyScan - 1], keys[JSONParser.linearKeyScan], keys[49_999]] {
            let bytes = Self.object(keys + [duplicate])
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bytes) }
            do { _ = try JSONParser.parse(bytes) } catch {
                #expect(error.message == "duplicate member name \"\(duplicate)\"")
                #expect(error.offset == bytes.count - duplicate.utf8.count - 5)
            }
        }
        // Below the threshold the scan still catches them.
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(#"{"a":1,"b":2,"a":3}"#.utf8)) }
    }

    /// The issue's 1 MiB body of 131,000 keys: refused with 400 at the member bound
    /// (it cost ~30 s of CPU when every key was compared with every earlier one).
    @Test func theIssuesBodyIsRefusedAtTheMemberBound() {
        let body = Self.object(Self.keys(131_000))
        let r = ServiceClient().service.handle(.init(method: "POST", path: "/v1/sessions", body: body))
        #expect(r.status == 400)
        let text = String(decoding: r.body, as: UTF8.self)
        #expect(text.contains("more than \(JSONParser.maxMembers) members in one object"), "\(text.prefix(300))")
    }

    @Test func arraysAreBoundedToo() {
        let body = Array(
            ("[" + Array(repeating: "0", count: JSONParser.maxMembers + 1).joined(separator: ",") + "]").utf8)
        do {
            _ = try JSONParser.parse(body)
            Issue.record("accepted")
        } catch {
            #expect(error.message == "more than \(JSONParser.maxMembers) elements in one array")
        }
        let ok = Array(("[" + Array(repeating: "0", count: JSONParser.maxMembers).joined(separator: ",") + "]").utf8)
        #expect((try? JSONParser.parse(ok)) != nil)
    }
}
