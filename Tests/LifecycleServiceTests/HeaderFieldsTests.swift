import ServiceHTTP
import Testing

/// `HeaderFields`, the bytes the bridge copies a request's headers into: what goes in
/// comes out in order, lookups fold ASCII case only, and a writer given too little room
/// still keeps every field.
@Suite struct HeaderFieldsTests {
    static let pairs: [(name: String, value: String)] = [
        ("Host", "127.0.0.1:8080"), ("Content-Type", "application/json"), ("X-Empty", ""),
        ("x-request-id", "trace-1"), ("X-Request-Id", "second"), ("Accept", "*/*; q=0.5 \u{e9}"),
    ]

    @Test func pairsComeOutInOrder() {
        let fields = HeaderFields(Self.pairs)
        #expect(fields.count == Self.pairs.count)
        #expect(fields.pairs.map(\.name) == Self.pairs.map(\.name))
        #expect(fields.pairs.map(\.value) == Self.pairs.map(\.value))
        #expect(HeaderFields().pairs.isEmpty)
        #expect(HeaderFields([]).count == 0)
    }

    @Test func lookupFoldsASCIICaseAndTakesTheFirst() {
        let request = ServiceRequest(method: "GET", path: "/", headers: Self.pairs)
        #expect(request.headerValue("X-REQUEST-ID") == "trace-1")
        #expect(request.headerValue(literal: "X-Request-Id") == "trace-1")
        #expect(request.headerValue("x-empty") == "")
        #expect(request.headerValue("accept") == "*/*; q=0.5 \u{e9}")
        // Same length, one byte apart ("X-Request-Ic"), and a name that only folds
        // outside the letters ('[' is '{' without the case bit).
        #expect(request.headerValue("X-Request-Ic") == nil)
        #expect(ServiceRequest(method: "GET", path: "/", headers: [("a[", "1")]).headerValue("a{") == nil)
        #expect(request.headerValue("Missing") == nil)
    }

    /// Fields a bridge handed over as the only ones of some names answer for those
    /// names; in debug builds asking for another stops the program, so a handler that
    /// reads a header it did not list fails its tests instead of reading nil.
    @Test func selectedFieldsAnswerForTheirNames() async {
        let fields = HeaderFields([("X-Request-Id", "r-1")]).selecting(["X-Request-Id", "Origin"])
        let request = ServiceRequest(method: "GET", path: "/", fields: fields)
        #expect(request.headerValue("x-request-id") == "r-1")
        #expect(request.headerValue("ORIGIN") == nil)
        #if DEBUG
            await #expect(processExitsWith: .failure) {
                let fields = HeaderFields([("X-Request-Id", "r-1")]).selecting(["X-Request-Id"])
                _ = ServiceRequest(method: "GET", path: "/", fields: fields).headerValue("Accept")
            }
        #endif
    }

    @Test func setterAndGetterAgree() {
        var request = ServiceRequest(method: "GET", path: "/")
        request.headers = [("Origin", "https://a.example")]
        request.headers.append(("Vary", "Origin"))
        #expect(request.headers.map(\.name) == ["Origin", "Vary"])
        #expect(request.headerValue("vary") == "Origin")
    }

    /// As the bridge copies them: bytes as received, invalid UTF-8 repaired only when read.
    @Test func rawBytesAreRepairedWhenRead() {
        let name: [UInt8] = Array("X-Raw".utf8)
        let value: [UInt8] = [0x61, 0xFF, 0x62]
        let fields = HeaderFields(capacity: 64) { writer in
            name.withUnsafeBytes { n in value.withUnsafeBytes { v in writer.append(name: n, value: v) } }
        }
        let request = ServiceRequest(method: "GET", path: "/", fields: fields)
        #expect(request.headerValue("x-raw") == "a\u{FFFD}b")
    }

    /// Room for fewer bytes than the fields need: the fields are written again into more.
    @Test(arguments: [0, 1, 8, 20, 63])
    func tooLittleRoomStillKeepsEveryField(capacity: Int) {
        var calls = 0
        let fields = HeaderFields(capacity: capacity) { writer in
            calls += 1
            for (name, value) in Self.pairs {
                var name = name
                var value = value
                name.withUTF8 { n in
                    value.withUTF8 { v in
                        writer.append(name: UnsafeRawBufferPointer(n), value: UnsafeRawBufferPointer(v))
                    }
                }
            }
        }
        #expect(calls > 1)
        #expect(fields.pairs.map(\.name) == Self.pairs.map(\.name))
        #expect(fields.pairs.map(\.value) == Self.pairs.map(\.value))
    }
}
