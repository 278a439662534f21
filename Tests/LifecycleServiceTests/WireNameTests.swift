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

    /// An action's `type` is written from its kind's raw value (no table to extend),
    /// unescaped: each is a plain identifier, and the bytes are `string(_:)`'s.
    @Test func actionKindsAreWrittenByTheirRawValue() {
        for k in ActionKind.allCases {
            #expect(k.rawValue.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(k.rawValue)")
            var escaped = JSONWriter(capacity: 8)
            escaped.string(k.rawValue)
            var unescaped = JSONWriter(capacity: 8)
            unescaped.string(unescaped: k.rawValue)
            #expect(escaped.bytes == unescaped.bytes)
            var w = JSONWriter(capacity: 64)
            w.write(k.examples[0].action)
            let text = String(decoding: w.bytes, as: UTF8.self)
            #expect(text.hasPrefix(#"{"type":"\#(k.rawValue)""#), "\(text)")
        }
    }
}
