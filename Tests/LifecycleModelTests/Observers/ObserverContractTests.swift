import Foundation
import LifecycleModel
import Testing

/// openapi.yaml lists the observer channels the model has, in its order, and names
/// each channel's receiver where it lists the receivers of observer items: a new
/// lens fails here until the contract has it.
@Suite struct ObserverContractTests {
    static let openAPIPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("openapi.yaml")

    /// The names of the first `enum: [...]` line after `anchor` in openapi.yaml.
    static func enumAfter(_ anchor: String) throws -> [String] {
        let text = try String(contentsOf: openAPIPath, encoding: .utf8)
        let start = try #require(text.range(of: anchor), "openapi.yaml has no \(anchor)")
        let list = try #require(text[start.upperBound...].range(of: "enum: ["), "no enum after \(anchor)")
        let end = try #require(text[list.upperBound...].firstIndex(of: "]"))
        return text[list.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func theObserverChannelSchemaListsEveryChannel() throws {
        #expect(try Self.enumAfter("\n    ObserverChannel:\n") == ObserverChannel.allCases.map(\.rawValue))
    }

    /// The receivers of observer items: the notification poster's, then each lens's.
    @Test func theObserverItemReceiversAreTheChannelsReceivers() throws {
        let receivers = try Self.enumAfter("\n            properties:\n              receiver:\n")
        let expected = ObserverChannel.allCases.map { $0 == .notifications ? "notificationCenter" : $0.rawValue }
        #expect(receivers == expected)
    }
}
