import Foundation
import Testing

@testable import LifecycleService

/// Issue #9 item 7: `--data-dir` journals restore sessions exactly.
@Suite struct JournalTests {
    static func tempDir() -> String {
        let path = NSTemporaryDirectory() + "lifecycled-journal-\(UUID().uuidString)"
        return path
    }

    static func page(_ client: ServiceClient, _ id: String) -> String {
        client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")]).text
    }

    @Test(arguments: [FsyncPolicy.always, .interval, .never])
    func replayRestoresLogsAndStateExactly(_ policy: FsyncPolicy) throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = ServiceClient(try Service(dataDirectory: dir, fsync: policy))
        let app = first.create(#"{"lifecycle":"app","iosVersion":"11.0","backgroundModes":["remote-notification"]}"#)
        let scene = first.create("{}")
        let gone = first.create()
        for action in [
            #"{"type":"launch"}"#, #"{"type":"launch"}"#, #"{"type":"background"}"#,
            #"{"type":"receiveNotification","payload":{"aps":{"content-available":1},"n":[1,2.50,"\u00e9"]}}"#,
            #"{"type":"advanceTime","seconds":30}"#, #"{"type":"openURL","url":"myapp://x"}"#,
        ] {
            first.act(app, action)  // the second launch is refused (409) and not journaled
        }
        first.act(scene, #"{"type":"launch"}"#)
        first.act(scene, #"{"type":"push","name":"Detail"}"#)
        #expect(first.send("DELETE", "/v1/sessions/\(gone)").status == 204)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/\(gone).journal"))

        let second = ServiceClient(try Service(dataDirectory: dir, fsync: policy))
        let (restored, problems) = second.service.restoreSessions()
        #expect(restored == 2 && problems.isEmpty, "\(problems)")
        for id in [app, scene] {
            #expect(Self.page(second, id) == Self.page(first, id))
            #expect(second.send("GET", "/v1/sessions/\(id)").text == first.send("GET", "/v1/sessions/\(id)").text)
        }
        #expect(second.send("GET", "/v1/sessions/\(gone)").status == 404)
        // Creation order survives, and new sessions come after.
        let fresh = second.create()
        let list = second.send("GET", "/v1/sessions").json["sessions"] as? [[String: Any]] ?? []
        #expect(list.compactMap { $0["id"] as? String } == [app, scene, fresh])
    }

    @Test func aTornLastRecordIsDroppedAndTheRestReplays() throws {
        let dir = Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let id = first.create()
        first.act(id, #"{"type":"launch"}"#)
        let expected = Self.page(first, id)
        let handle = try #require(FileHandle(forWritingAtPath: "\(dir)/\(id).journal"))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"type":"backgr"#.utf8))  // a crash mid-write
        handle.closeFile()
        let second = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let (restored, problems) = second.service.restoreSessions()
        #expect(restored == 1 && problems.count == 1)
        #expect(Self.page(second, id) == expected)
        // The file was cut back, so the next action appends cleanly.
        #expect(second.act(id, #"{"type":"background"}"#).status == 200)
        let third = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        #expect(third.service.restoreSessions().problems.isEmpty)
        #expect(Self.page(third, id) == Self.page(second, id))
    }

    @Test func anActionThatCannotBeJournaledChangesNothing() throws {
        let dir = Self.tempDir()
        let client = ServiceClient(try Service(dataDirectory: dir, fsync: .always))
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        let before = client.send("GET", "/v1/sessions/\(id)").text
        let bytes = client.service.memory.bytesUsed
        try FileManager.default.removeItem(atPath: dir)  // the journal can no longer be opened
        let r = client.act(id, #"{"type":"background"}"#)
        #expect(r.status == 500 && r.contentType == "application/problem+json")
        #expect(client.send("GET", "/v1/sessions/\(id)").text == before)
        #expect(client.service.memory.bytesUsed == bytes)
        #expect(client.send("POST", "/v1/sessions", "{}").status == 500)
        #expect(client.service.sessionCount == 1)
    }
}
