import Dispatch
import Foundation
import Synchronization
import Testing

@testable import LifecycleService

/// With `--data-dir`, an id deleted (or expired) and PUT again keeps its new journal:
/// the old session's journal is gone before the id can be used again.
@Suite struct JournalReuseTests {
    @Test func deleteThenPutTheSameIdSurvivesARestart() throws {
        let dir = JournalTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let id = UUID().uuidString.lowercased()
        #expect(first.send("PUT", "/v1/sessions/\(id)", "{}").status == 201)
        #expect(first.act(id, #"{"type":"launch"}"#).status == 200)
        #expect(first.send("DELETE", "/v1/sessions/\(id)").status == 204)
        #expect(first.send("PUT", "/v1/sessions/\(id)", #"{"lifecycle":"app","iosVersion":"11.0"}"#).status == 201)
        #expect(first.act(id, #"{"type":"launch"}"#).status == 200)
        let second = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let (restored, problems) = second.service.restoreSessions()
        #expect(restored == 1 && problems.isEmpty, "\(problems)")
        #expect(second.send("GET", "/v1/sessions/\(id)").text == first.send("GET", "/v1/sessions/\(id)").text)
    }

    /// DELETE, PUT and actions racing on one id: an action is applied (200), finds no
    /// session (404) or is refused (409), never a 500 from a journal that a late unlink
    /// removed; and what the journal holds at the end replays to what the server holds.
    /// (The actions hold the session's lock, which is what kept the old DELETE between
    /// its shard lock and its unlink long enough for a PUT to slip in.)
    @Test func deleteRacingPutNeverLosesTheJournal() throws {
        let dir = JournalTests.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let client = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        let id = UUID().uuidString.lowercased()
        let statuses = Mutex<[Int: Int]>([:])
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            for _ in 0..<2000 { _ = client.send("DELETE", "/v1/sessions/\(id)") }
        }
        DispatchQueue.global().async(group: group) {
            for _ in 0..<2000 { _ = client.send("PUT", "/v1/sessions/\(id)", "{}") }
        }
        DispatchQueue.global().async(group: group) {
            for n in 0..<4000 {
                let status = client.act(id, n % 2 == 0 ? #"{"type":"launch"}"# : #"{"type":"background"}"#).status
                statuses.withLock { $0[status, default: 0] += 1 }
            }
        }
        group.wait()
        let seen = statuses.withLock { $0 }
        #expect(seen.keys.allSatisfy { [200, 404, 409].contains($0) }, "\(seen)")
        // A final PUT and action are journaled and replay.
        _ = client.send("PUT", "/v1/sessions/\(id)", "{}")
        client.act(id, #"{"type":"launch"}"#)
        let second = ServiceClient(try Service(dataDirectory: dir, fsync: .never))
        _ = second.service.restoreSessions()
        #expect(second.send("GET", "/v1/sessions/\(id)").text == client.send("GET", "/v1/sessions/\(id)").text)
    }
}
