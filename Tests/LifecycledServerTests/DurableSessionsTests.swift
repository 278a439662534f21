import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue #9 item 7: with `--data-dir`, a server killed with SIGKILL under load comes
/// back with every action it acknowledged.
@Suite struct DurableSessionsTests {
    static func json(_ body: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]) ?? [:]
    }

    /// `seq → "receiver method appState"` of a list of callbacks.
    static func calls(_ list: Any?) -> [Int: String] {
        var out: [Int: String] = [:]
        for c in list as? [[String: Any]] ?? [] {
            if let seq = c["seq"] as? Int {
                out[seq] = "\(c["receiver"] ?? "") \(c["method"] ?? "") \(c["appState"] ?? "")"
            }
        }
        return out
    }

    @Test func everyAcknowledgedActionSurvivesSIGKILL() throws {
        let dir = NSTemporaryDirectory() + "lifecycled-durable-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let arguments = ["--port", "0", "--quiet", "--threads", "2", "--data-dir", dir, "--fsync", "never"]
        let first = try LifecycledProcess(arguments)
        let port = try first.waitUntilListening()
        var ids: [String] = []
        for _ in 0..<4 {
            let r = try RawHTTP.exchange(
                port: port,
                RawHTTP.request("POST", "/v1/sessions", body: Array(#"{"lifecycle":"app","iosVersion":"11.0"}"#.utf8)))
            ids.append(try #require(Self.json(r.body)["id"] as? String))
        }
        // Each client alternates launch and background on its own session until the
        // server dies, keeping the callbacks of every answered action.
        let acknowledged = Mutex<[String: [Int: String]]>([:])
        let answered = Atomic<Int>(0)
        let group = DispatchGroup()
        for id in ids {
            DispatchQueue.global().async(group: group) {
                guard let connection = try? RawConnection(port: port, timeout: 5) else { return }
                var mine: [Int: String] = [:]
                var n = 0
                while n < 100_000 {
                    let action = n % 2 == 0 ? #"{"type":"launch"}"# : #"{"type":"background"}"#
                    guard
                        (try? connection.send(
                            RawHTTP.request("POST", "/v1/sessions/\(id)/actions", body: Array(action.utf8)))) != nil,
                        let r = try? connection.readResponse(), r.status == 200
                    else { break }
                    mine.merge(Self.calls(Self.json(r.body)["callbacks"])) { $1 }
                    answered.add(1, ordering: .relaxed)
                    n += 1
                }
                acknowledged.withLock { $0[id] = mine }
            }
        }
        // Kill it mid-load once enough actions were answered (not after a fixed time:
        // a loaded machine answers fewer in any given time). Bounded: 60 s at most.
        for _ in 0..<6000 where answered.load(ordering: .relaxed) < 60 { usleep(10_000) }
        first.send(SIGKILL)
        #expect(group.wait(timeout: .now() + 20) == .success)
        _ = try? first.finish(timeout: 10)

        let second = try LifecycledProcess(arguments)
        let port2 = try second.waitUntilListening()
        defer {
            second.send(SIGKILL)
            _ = try? second.finish(timeout: 10)
        }
        let acked = acknowledged.withLock { $0 }
        var total = 0
        for id in ids {
            var restored: [Int: String] = [:]
            var after = 0
            while true {
                let r = try RawHTTP.exchange(
                    port: port2, RawHTTP.request("GET", "/v1/sessions/\(id)/callbacks?after=\(after)&limit=10000"))
                #expect(r.status == 200)
                let page = Self.calls(Self.json(r.body)["callbacks"])
                if page.isEmpty { break }
                restored.merge(page) { $1 }
                after = page.keys.max() ?? after
            }
            let mine = acked[id] ?? [:]
            total += mine.count
            // Every acknowledged callback is back, with its seq; at most one more action
            // (journaled, not yet answered) may follow.
            let missing = mine.filter { restored[$0.key] != $0.value }
            #expect(missing.isEmpty, "\(id): \(missing.count) of \(mine.count) acknowledged callbacks lost or changed")
            #expect(restored.count >= mine.count)
        }
        #expect(total > 20, "the load acknowledged only \(total) callbacks")
    }
}
