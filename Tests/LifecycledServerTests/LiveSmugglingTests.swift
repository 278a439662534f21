// Issue #9 item 5 against the real service: the smuggled DELETE of the report
// (chunk data run as a second request) must not reach the service.
import Foundation
import Testing

@Suite struct LiveSmugglingTests {
    @Test(
        "a request hidden in the body is never run",
        arguments: [
            "Transfer-Encoding : chunked", "Transfer-Encoding\t: chunked", "Transfer-Encoding: chunked, identity",
            "Transfer-Encoding: xchunked",
        ])
    func smuggledDeleteIsNotRun(transferEncoding: String) throws {
        let live = try LiveService()
        let id = try live.create("{}")
        let smuggled = "DELETE /v1/sessions/\(id) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let chunked = "0\r\n\r\n" + smuggled
        let request =
            "POST /v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\(transferEncoding)\r\n\r\n"
            + chunked
        let connection = try RawConnection(port: live.port, timeout: 5)
        try connection.send(request)
        let response = try connection.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(connection.readToEnd().isEmpty)
        #expect(try live.send("GET", "/v1/sessions/\(id)").status == 200)
    }
}
