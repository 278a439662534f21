import Foundation
import ServiceHTTP
import Testing

@testable import LifecycleService

/// Issue #9 items 2 and 6: bounds in bytes for logs, the whole service and responses.
@Suite struct MemoryBoundsTests {
    /// A notification payload of about `size` bytes.
    static func payload(_ size: Int) -> String {
        #"{"aps":{"alert":"Hi","content-available":1},"blob":""# + String(repeating: "x", count: size) + #""}"#
    }

    static func logBytes(_ client: ServiceClient, _ id: String) -> Int {
        guard let uuid = UUID(uuidString: id), let box = client.service.store.find(uuid) else { return -1 }
        return box.session.withLock { $0.log.bytes }
    }

    /// A payload that reaches three callbacks (cold launch from a tapped notification)
    /// is stored once: the log costs about one payload, and every callback still shows it.
    @Test func aPayloadIsStoredOncePerAction() throws {
        let client = ServiceClient()
        let id = client.create(#"{"lifecycle":"app","iosVersion":"11.0","notificationCenterDelegate":true}"#)
        let payload = Self.payload(256 << 10)
        let r = client.act(id, #"{"type":"tapNotification","payload":"# + payload + "}")
        #expect(r.status == 200, "\(r.text.prefix(300))")
        let page = client.send("GET", "/v1/sessions/\(id)/callbacks")
        let holding = page.text.components(separatedBy: String(repeating: "x", count: 256 << 10)).count - 1
        #expect(holding >= 2, "the payload reaches several callbacks")
        let bytes = Self.logBytes(client, id)
        #expect(bytes > 256 << 10)
        #expect(bytes < (256 << 10) + 16 << 10, "one payload, not \(holding): \(bytes) bytes")
        // The page is valid JSON holding the payload intact.
        let callbacks = page.json["callbacks"] as? [[String: Any]] ?? []
        #expect(callbacks.count == page.json["total"] as? Int)
        // Plus the journal's own bytes (GET …/journal, issue #13): the payload is shared, not counted twice.
        let journal =
            client.service.store.find(UUID(uuidString: id) ?? UUID())?.session.withLock { $0.journal.bytes } ?? -1
        #expect(journal > 0 && journal < 256)
        #expect(client.service.memory.bytesUsed == Session.baseCost + bytes + journal)
    }

    /// `--max-log-bytes`: the oldest callbacks go (and are counted) once the log is over.
    @Test func theLogIsBoundedInBytes() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxLogBytes: 300_000)))
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        for _ in 0..<20 {
            #expect(
                client.act(id, #"{"type":"receiveNotification","payload":"# + Self.payload(64 << 10) + "}").status
                    == 200)
        }
        let bytes = Self.logBytes(client, id)
        #expect(bytes <= 300_000 && bytes > 200_000, "\(bytes)")
        let page = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("limit", "10000")])
        let seqs = (page.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } ?? []
        let total = page.json["total"] as? Int ?? 0
        let dropped = page.json["dropped"] as? Int ?? 0
        #expect(dropped > 0 && seqs.count + dropped == total)
        #expect(seqs == Array((dropped + 1)...total))
    }

    /// `--max-memory`: over the budget, new sessions and actions get 503 with
    /// Retry-After, reads still work, and deleting frees the bytes.
    @Test func overTheBudgetActionsAndSessionsAre503() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxMemory: 400_000)))
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        var statuses: [Int] = []
        for _ in 0..<10 {
            statuses.append(
                client.act(id, #"{"type":"receiveNotification","payload":"# + Self.payload(64 << 10) + "}").status)
        }
        #expect(statuses.prefix(5).allSatisfy { $0 == 200 } && statuses.last == 503, "\(statuses)")
        let refused = client.act(id, #"{"type":"background"}"#)
        #expect(refused.status == 503)
        #expect(refused.response.headerValue("Retry-After") == "1")
        #expect(refused.contentType == "application/problem+json")
        #expect(refused.json["type"] as? String == "urn:lifecycled:problem:memory-budget-reached")
        #expect(client.send("POST", "/v1/sessions", "{}").status == 503)
        #expect(client.send("GET", "/healthz").status == 200)
        #expect(client.send("GET", "/v1/sessions/\(id)/callbacks").status == 200)
        #expect(client.send("DELETE", "/v1/sessions/\(id)").status == 204)
        #expect(client.service.memory.bytesUsed == 0)
        #expect(client.send("POST", "/v1/sessions", "{}").status == 201)
    }

    /// `--max-response`: /v1/simulate stops at the bound with 413 naming the step.
    @Test func simulateIsBoundedByMaxResponse() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxResponse: 100_000)))
        let steps = [#"{"type":"launch"}"#] + Array(repeating: #"{"type":"background"},{"type":"launch"}"#, count: 200)
        let r = client.send("POST", "/v1/simulate", #"{"actions":["# + steps.joined(separator: ",") + "]}")
        #expect(r.status == 413)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:response-too-large")
        let step = r.json["step"] as? Int ?? 0
        #expect(step > 10 && step < 400)
        #expect((r.json["detail"] as? String)?.contains("split the run") == true)
        let fits = client.send(
            "POST", "/v1/simulate", #"{"actions":["# + steps.prefix(step / 2).joined(separator: ",") + "]}")
        #expect(fits.status == 200 && fits.response.body.count <= 100_000)
    }

    /// `--max-response` on an action: refused with 413 before it is applied, so the
    /// session is exactly as before (log, state, callback count, memory).
    @Test func anActionWhoseResultIsTooLargeChangesNothing() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxResponse: 100_000)))
        let id = client.create()
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let session = client.send("GET", "/v1/sessions/\(id)").text
        let total = Self.logTotal(client, id)
        let bytes = client.service.memory.bytesUsed
        let r = client.act(id, #"{"type":"receiveNotification","payload":"# + Self.payload(150_000) + "}")
        #expect(r.status == 413)
        #expect(r.json["type"] as? String == "urn:lifecycled:problem:response-too-large")
        #expect((r.json["detail"] as? String)?.contains("not applied") == true)
        #expect(client.send("GET", "/v1/sessions/\(id)").text == session)
        #expect(Self.logTotal(client, id) == total)
        #expect(client.service.memory.bytesUsed == bytes)
    }

    /// A callbacks page stops short of `--max-response`; following `next` reads every callback.
    @Test func callbackPagesStayUnderMaxResponse() throws {
        let client = ServiceClient(Service(limits: ServiceLimits(maxResponse: 200_000)))
        let id = client.create()
        client.act(id, #"{"type":"launch"}"#)
        for _ in 0..<10 { client.act(id, #"{"type":"receiveNotification","payload":"# + Self.payload(50_000) + "}") }
        var after = 0
        var seen: [Int] = []
        var pages = 0
        while pages < 100 {
            let page = client.send("GET", "/v1/sessions/\(id)/callbacks", query: [("after", String(after))])
            #expect(page.status == 200 && page.response.body.count <= 200_000)
            let seqs = (page.json["callbacks"] as? [[String: Any]])?.compactMap { $0["seq"] as? Int } ?? []
            if seqs.isEmpty { break }
            seen += seqs
            after = page.json["next"] as? Int ?? 0
            pages += 1
        }
        #expect(pages > 1)
        #expect(seen == Array(1...(seen.last ?? 0)) && seen.count == Self.logTotal(client, id))
    }

    static func logTotal(_ client: ServiceClient, _ id: String) -> Int {
        client.send("GET", "/v1/sessions/\(id)/callbacks").json["total"] as? Int ?? -1
    }

    /// The budget's own arithmetic: small amounts always pass and are counted.
    @Test func budgetChargesAndRefuses() {
        let budget = MemoryBudget(limit: 1000, smallAmount: 10, refuse: { ServiceResponse(status: 503) })
        #expect(budget.tryCharge(900))
        #expect(!budget.tryCharge(200))
        #expect(budget.bytesUsed == 900)
        #expect(budget.tryCharge(10))
        budget.charge(200)
        #expect(budget.isExhausted)
        #expect(budget.tryCharge(5))
        budget.release(1115)
        #expect(budget.bytesUsed == 0)
    }
}
