import Testing

@testable import LifecycleService

/// A whole number at the edge of `Int`: a range up to `Int.max` must not trap on a
/// double that rounds to 2^63 (one past `Int.max`); it is a 400 like any value out of range.
@Suite struct IntegerBoundsTests {
    static func read(_ number: String) throws -> Int? {
        let value = try JSONParser.parse(Array(#"{"n":"#.utf8) + Array(number.utf8) + Array("}".utf8))
        let reader = try ObjectReader(value, path: "", what: "a test object", known: ["n"])
        return try reader.integer("n", in: 0...Int.max, what: "a count")
    }

    @Test func twoToThe63IsRefusedNotATrap() throws {
        #expect(throws: Problem.self) { try Self.read("9223372036854775808") }
        #expect(throws: Problem.self) { try Self.read("9223372036854775807") }  // rounds to 2^63 as a double
        #expect(throws: Problem.self) { try Self.read("1e300") }
        #expect(try Self.read("9223372036854774784") == 9_223_372_036_854_774_784)  // the largest double below 2^63
        #expect(try Self.read("42") == 42)
    }
}
