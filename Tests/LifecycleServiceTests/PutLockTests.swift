import Dispatch
import Foundation
import Testing

@testable import LifecycleService

/// A PUT of an existing id compares configs without the session's lock: a session busy
/// with a long action (or an fsync) must not hold up its whole shard (1/64 of sessions).
@Suite struct PutLockTests {
    @Test func aPutOnABusySessionDoesNotStallItsShard() throws {
        let client = ServiceClient()
        // The same last byte: the same shard.
        let busy = "3f2b8c4e-9a61-4d2e-8f7a-1c5d9e0b7a42"
        let other = "5d1e0c7a-2b3c-4d5e-8f9a-0b1c2d3e4f42"
        #expect(client.send("PUT", "/v1/sessions/\(busy)", "{}").status == 201)
        #expect(client.send("PUT", "/v1/sessions/\(other)", "{}").status == 201)
        let uuid = try #require(UUID(uuidString: busy))
        let box = try #require(client.service.store.find(uuid))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let put = DispatchSemaphore(value: 0)
        let read = DispatchSemaphore(value: 0)
        Thread {
            box.session.withLock { _ in
                holding.signal()
                release.wait()
            }
        }.start()
        holding.wait()
        // This PUT waits for the busy session; it must not wait holding the shard.
        DispatchQueue.global().async {
            _ = client.send("PUT", "/v1/sessions/\(busy)", "{}")
            put.signal()
        }
        usleep(100_000)  // lets the PUT reach the store (ordering only, nothing is timed)
        DispatchQueue.global().async {
            _ = client.send("GET", "/v1/sessions/\(other)")
            read.signal()
        }
        // The wait's bound only keeps a regression from hanging the suite.
        let readWhileBusy = read.wait(timeout: .now() + 10) == .success
        release.signal()
        #expect(readWhileBusy, "a session in the same shard was stalled by a PUT on a busy one")
        put.wait()
        if !readWhileBusy { read.wait() }
    }
}
