@testable import LifecycleService
import Testing

/// JSONWriter.int writes digits itself (issue #10); it must print what String(n) prints.
@Suite struct JSONWriterIntTests {
    @Test(arguments: [0, 1, 9, 10, 99, 100, 12_345, -1, -10, -987_654_321, Int.max, Int.min])
    func writesTheSameDigitsAsString(_ n: Int) {
        var w = JSONWriter()
        w.beginArray()
        w.int(n)
        w.int(n)
        w.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == "[\(n),\(n)]")
    }
}
