import LifecycleModel
import Testing

@testable import LifecycleService

/// The action path's shortcuts (bench/PROFILE.md, perf-apply) write the bytes of the
/// general paths they stand in for.
@Suite struct ApplyFastPathTests {
    /// A memberless action's shared piece is its canonical encoding, first and after a comma.
    @Test func journalPiecesAreTheActionsEncoding() {
        let actions: [Action] = [
            .launch, .background, .lock, .memoryWarning, .openURL(url: "app://x"), .backgroundFetch,
            .terminate(by: .user), .advanceTime(seconds: 2.5), .launch,
        ]
        var journal = ActionJournal()
        for a in actions { journal.record(a) }
        let expected = actions.map { a -> [UInt8] in
            var w = JSONWriter()
            w.write(a)
            return w.bytes
        }
        #expect(journal.encodedActions == Array(expected.joined(separator: [UInt8(ascii: ",")])))
        #expect(journal.count == actions.count)
        #expect(journal.bytes == expected.reduce(actions.count - 1) { $0 + $1.count })
    }

    /// Every receiver and app state, with and without a view controller and a tail.
    @Test func loggedCallbackFastPathIsTheGeneralPath() {
        var checked = 0
        for receiver in Receiver.allCases {
            for state in AppState.allCases {
                let callbacks = [
                    Callback(receiver: receiver, method: .appDelegate(.didBecomeActive), appState: state),
                    Callback(
                        receiver: receiver, method: .viewController(.viewDidLoad), appState: state,
                        viewController: "root"),
                    Callback(
                        receiver: receiver, method: .sceneDelegate(.willConnect), appState: state,
                        args: .object([JSONMember("a", .string("b\"c"))]), sceneId: "s1",
                        sceneState: .foregroundInactive),
                    Callback(receiver: receiver, method: .swiftUI(.scenePhaseChange), appState: state),
                ]
                for (i, c) in callbacks.enumerated() {
                    let logged = LoggedCallback(seq: 1000 + i, callback: c, sharing: nil)
                    var fast = JSONWriter()
                    var general = JSONWriter()
                    fast.beginArray()
                    general.beginArray()
                    for _ in 0..<2 {
                        fast.write(logged)
                        general.writeGeneral(logged)
                    }
                    fast.endArray()
                    general.endArray()
                    #expect(fast.bytes == general.bytes, "\(receiver) \(state) \(c.method)")
                    checked += 1
                }
            }
        }
        #expect(checked == Receiver.allCases.count * AppState.allCases.count * 4)
    }
}
