import Foundation
import Testing

@testable import LifecycleService

/// `allowedVariants` (issue #37): a locked device cannot be swiped away, yet the system can
/// end the app, so `terminate` is possible by the system only; the session and the 409 say
/// so, and the 409 never reads "terminate is not possible; possible now: terminate".
@Suite struct AllowedVariantsTests {
    let client = ServiceClient()

    @Test func theSessionListsThePartlyPossibleKinds() throws {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let active = client.send("GET", "/v1/sessions/\(id)").json
        #expect(active["allowedVariants"] == nil, "every variant of every listed kind is possible")
        #expect(client.act(id, #"{"type":"lock"}"#).status == 200)
        let locked = client.send("GET", "/v1/sessions/\(id)").json
        #expect((locked["allowedActions"] as? [String])?.contains("terminate") == true)
        let variants = try #require(locked["allowedVariants"] as? [String: [String: [String]]])
        #expect(variants == ["terminate": ["by": ["system"]]])
    }

    @Test func theRefusalNamesTheVariantAndWhatIsPossible() throws {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        #expect(
            client.send("POST", "/v1/sessions/\(id)/actions", #"[{"type":"launch"},{"type":"lock"}]"#).status == 200)
        let r = client.act(id, #"{"type":"terminate","by":"user"}"#)
        #expect(r.status == 409)
        let detail = try #require(r.json["detail"] as? String)
        #expect(detail.hasPrefix("terminate by user is not possible while the app is background"), "\(detail)")
        #expect(detail.contains("possible now: terminate (by system), unlock"), "\(detail)")
        #expect(r.json["allowedVariants"] as? [String: [String: [String]]] == ["terminate": ["by": ["system"]]])
        // The same in a batch and in /v1/simulate, at the step.
        let batch = client.send("POST", "/v1/sessions/\(id)/actions", #"[{"type":"terminate","by":"user"}]"#)
        #expect(batch.status == 409)
        #expect((batch.json["detail"] as? String)?.contains("terminate by user is not possible") == true)
        #expect(batch.json["allowedVariants"] != nil)
        let run = client.send(
            "POST", "/v1/simulate",
            #"{"session":{"lifecycle":"app","iosVersion":"17.0"},"actions":[{"type":"launch"},{"type":"lock"},{"type":"terminate","by":"user"}]}"#
        )
        #expect(run.status == 409)
        #expect(
            (run.json["detail"] as? String)?.hasPrefix("step 2: terminate by user is not possible") == true,
            "\(run.text)")
        #expect(run.json["allowedVariants"] as? [String: [String: [String]]] == ["terminate": ["by": ["system"]]])
    }

    @Test func aKindWithoutVariantsIsNamedAsBefore() throws {
        let id = client.create(#"{"lifecycle":"app","iosVersion":"17.0"}"#)
        #expect(client.act(id, #"{"type":"launch"}"#).status == 200)
        let r = client.act(id, #"{"type":"launch"}"#)
        #expect(r.status == 409)
        #expect((r.json["detail"] as? String)?.hasPrefix("launch is not possible while the app is active") == true)
        #expect(r.json["allowedVariants"] == nil)
    }
}
