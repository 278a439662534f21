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
}
