import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// The hand-written JSON writer and parser agree with each other and with Foundation.
@Suite struct JSONWriterTests {
    @Test(arguments: [
        "", "plain", "quote \" and \\ backslash", "tab\tnew\nline\rcr", "\u{1}\u{1f}\u{7f}", "é ☃ 😀 e\u{301}",
        String(repeating: "a\"", count: 300),
        String(repeating: "x", count: 250) + String(repeating: "\u{1}", count: 100),
    ])
    func stringsRoundTrip(_ text: String) throws {
        var w = JSONWriter()
        w.beginObject()
        w.member("k", text)
        w.endObject()
        #expect(try JSONParser.parse(w.bytes) == .object(["k": .string(text)]))
        let foundation = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: String]
        #expect(foundation?["k"] == text)
    }

    @Test func controlCharactersAreEscaped() {
        var w = JSONWriter()
        w.string("a\u{1}b\nc")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\u0001b\nc""#)
    }
}

/// Malformed escapes the parser refuses, each with a byte offset.
@Suite struct JSONParserEscapeTests {
    @Test(arguments: [
        #""\ud800""#, #""\ud800x""#, #""\ud800\u0041""#, #""\udc00""#, #""\u12g4""#, #""\u12""#, #""abc"#,
    ])
    func refused(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func surrogatePairsDecode() throws {
        #expect(try JSONParser.parse(Array(#""\ud83d\ude00""#.utf8)) == .string("😀"))
    }

    /// Integers of every width and sign, as Swift prints them.
    @Test func integersAreWrittenInDecimal() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 101, 1_000, -99_999, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        var w = JSONWriter()
        w.beginArray()
        for n in values { w.int(n) }
        w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[" + values.map(String.init).joined(separator: ",") + "]")
    }
}
