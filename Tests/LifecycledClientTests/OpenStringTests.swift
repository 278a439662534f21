import Foundation
import LifecycledClient
import Testing

/// The open string types share one implementation (`OpenString`): each reads and writes
/// the bare wire string, keeps a value this client does not name, and prints as it.
@Suite struct OpenStringTests {
    private func roundTrip<T: OpenString>(_ type: T.Type, _ wire: String) throws -> (T, String) {
        let value = try JSONDecoder().decode([T].self, from: Data(#"["\#(wire)"]"#.utf8))[0]
        let written = String(decoding: try JSONEncoder().encode([value]), as: UTF8.self)
        return (value, written)
    }

    @Test func namedValuesAndUnknownOnesRoundTripAsBareStrings() throws {
        let (active, activeJSON) = try roundTrip(AppState.self, "active")
        #expect(active == .active && activeJSON == #"["active"]"# && active.description == "active")
        let (newer, newerJSON) = try roundTrip(AppState.self, "hibernating")
        #expect(newer.rawValue == "hibernating" && newerJSON == #"["hibernating"]"#)
        #expect(try roundTrip(SceneState.self, "foregroundActive").0 == .foregroundActive)
        #expect(try roundTrip(Lifecycle.self, "scene").0 == .scene)
        #expect(try roundTrip(Device.self, "ipad").0 == .ipad)
        #expect(try roundTrip(UIFramework.self, "swiftui").0 == .swiftui)
        #expect(Device(rawValue: "iphone") == .iphone && "\(UIFramework.uikit)" == "uikit")
    }

    @Test func aNumberIsNotAnOpenString() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AppState].self, from: Data("[1]".utf8)) }
    }
}
