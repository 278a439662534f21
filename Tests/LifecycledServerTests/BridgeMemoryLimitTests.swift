// The connection memory (ServerConfiguration.memoryLimit, 32 KiB by default) holds
// the request line, the header lines and 64 bytes of libmicrohttpd bookkeeping per
// header. docs/guide/operations.md promises that it is enough for a request at both of the
// bridge's limits (an 8 KiB target and a 16 KiB header block) in 100 header lines,
// and for the bridge's own problem+json 431 just over them.
import Foundation
import MHDServer
import ServiceHTTP
import Testing

@Suite("Bridge memory limit") struct BridgeMemoryLimitTests {
    /// 99 `X-Pad-NN` headers that, with RawHTTP's `Host: 127.0.0.1`, make a header
    /// block of `blockBytes` as the bridge counts it (name + value + 4 per header).
    private static func pads(blockBytes: Int) -> [(String, String)] {
        let host = "Host".utf8.count + "127.0.0.1".utf8.count + 4
        let names = (0..<99).map { "X-Pad-" + ($0 < 10 ? "0\($0)" : "\($0)") }
        let valueBytes = blockBytes - host - names.reduce(0) { $0 + $1.utf8.count + 4 }
        return names.enumerated().map { index, name in
            let size = valueBytes / names.count + (index < valueBytes % names.count ? 1 : 0)
            return (name, String(repeating: "v", count: size))
        }
    }

    /// `/describe` with a query that makes the target exactly `bytes` long.
    private static func target(bytes: Int) -> String {
        let path = "/describe?q="
        return path + String(repeating: "a", count: bytes - path.utf8.count)
    }

    @Test func requestAtBothLimitsIn100HeaderLinesIsServed() throws {
        #expect(ServerConfiguration().memoryLimit == 32 << 10)
        let server = try BridgeTestServer()
        let request = RawHTTP.request("GET", Self.target(bytes: 8 << 10), headers: Self.pads(blockBytes: 16 << 10))
        let response = try RawHTTP.exchange(port: server.port, request)
        #expect(response.status == 200)
        #expect(server.recorder.handled.withLock { $0 } == ["/describe"])
    }

    @Test func headerBlockJustOverTheLimitIn100LinesGetsTheBridges431() throws {
        let server = try BridgeTestServer()
        let request = RawHTTP.request(
            "GET", Self.target(bytes: 8 << 10), headers: Self.pads(blockBytes: (16 << 10) + 1))
        let response = try RawHTTP.exchange(port: server.port, request)
        #expect(response.status == 431)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(server.recorder.handled.withLock { $0 }.isEmpty)
    }
}
