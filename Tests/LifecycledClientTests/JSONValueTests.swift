import Foundation
import LifecycledClient
import Testing

/// The free-form JSON value: what it decodes to, what it writes, how it prints.
@Suite struct JSONValueTests {
    @Test func decodesEveryKindOfValue() throws {
        let text = #"{"a":[1,2.5,-3],"b":true,"c":null,"d":"x\"y","e":{"f":false},"g":0}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == ["a": [1, 2.5, -3], "b": true, "c": nil, "d": "x\"y", "e": ["f": false], "g": 0])
        #expect(value["a"]?[1]?.doubleValue == 2.5)
        #expect(value["a"]?[0]?.intValue == 1)
        #expect(value["a"]?[1]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["g"]?.boolValue == nil)  // 0 is a number, not false
        #expect(value["c"]?.isNull == true)
        #expect(value["d"]?.stringValue == "x\"y")
        #expect(value["missing"] == nil && value["a"]?[9] == nil)
    }

    @Test func writesWholeNumbersAsIntegersAndPrintsCompactJSON() throws {
        let value: JSONValue = ["id": 3, "seconds": 2.5, "list": [true, nil, "a\nb"]]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(
            String(decoding: try encoder.encode(value), as: UTF8.self)
                == #"{"id":3,"list":[true,null,"a\nb"],"seconds":2.5}"#)
        #expect(value.description == #"{"id":3,"list":[true,null,"a\nb"],"seconds":2.5}"#)
        #expect(Action.openURL("x://y").description == #"openURL(url: "x://y")"#)
        #expect(Action.launch.description == "launch")
    }
}
