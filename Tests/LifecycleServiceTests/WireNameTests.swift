import LifecycleModel
import Testing

@testable import LifecycleService

/// The static wire names the JSON writer uses are the contract's names (the raw values).
@Suite struct WireNameTests {
    @Test func appStates() {
        for s in AppState.allCases { #expect("\(s.wireName)" == s.rawValue) }
    }

    @Test func sceneStates() {
        for s in SceneState.allCases { #expect("\(s.wireName)" == s.rawValue) }
    }

    @Test func receivers() {
        for r in Receiver.allCases {
            if let name = r.wireName { #expect("\(name)" == r.rawValue) }
        }
        #expect(Receiver.appDelegate.wireName != nil)
    }

    @Test func appearances() {
        for a in Appearance.allCases { #expect("\(a.wireName)" == a.rawValue) }
    }

    @Test func orientations() {
        for o in InterfaceOrientation.allCases { #expect("\(o.wireName)" == o.rawValue) }
    }

    @Test func interfaceStyles() {
        for s in UserInterfaceStyle.allCases { #expect("\(s.wireName)" == s.rawValue) }
    }

    @Test func actionKinds() {
        for k in ActionKind.allCases { #expect("\(k.wireName)" == k.rawValue) }
    }
}
