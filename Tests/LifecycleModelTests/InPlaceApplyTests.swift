import Testing

@testable import LifecycleModel

/// `Simulator.apply(_:updating:)` (the service's in-place path) is `apply(_:to:)`:
/// the same callbacks, steps and state when accepted, the same refusal with the state
/// untouched when refused.
@Suite struct InPlaceApplyTests {
    @Test(arguments: ["11.0", "13.2", "17.0", "26.0"])
    func sameAsCopyingApply(version: String) throws {
        let config = SessionConfig(
            iosVersion: try #require(IOSVersion(version)), stateRestoration: true, notificationCenterDelegate: true,
            backgroundModes: Set(BackgroundMode.allCases), supportsMultipleScenes: true)
        let sim = Simulator(config: config)
        var state = AppSnapshot()
        var accepted = 0
        var refused = 0
        // A deterministic walk: every kind's variants in every state reached (and a
        // moveTo, which has none, to the app state it is in), taking one accepted
        // action per round to move on.
        for round in 0..<60 {
            var reached: [AppSnapshot] = []
            let variants = ActionKind.allCases.flatMap { sim.variants(of: $0, in: state).map(\.action) }
            for action in variants + [.moveTo(app: state.app, scene: nil)] {
                let kind = action.kind
                var inPlace = state
                let copied = Result { () throws(ActionRefusal) in try sim.apply(action, to: state) }
                let updated = Result { () throws(ActionRefusal) in try sim.apply(action, updating: &inPlace) }
                switch (copied, updated) {
                case (.success(let outcome), .success(let result)):
                    #expect(result.callbacks == outcome.callbacks)
                    #expect(result.steps == outcome.steps)
                    #expect(inPlace == outcome.state)
                    accepted += 1
                    reached.append(outcome.state)
                case (.failure(let a), .failure(let b)):
                    #expect(a == b)
                    #expect(inPlace == state)
                    refused += 1
                default:
                    Issue.record("\(kind) in round \(round): one path accepted, the other refused")
                }
            }
            try #require(!reached.isEmpty)
            state = reached[(round * 7) % reached.count]
        }
        #expect(accepted > 100)
        #expect(refused > 100)
    }
}
