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

    /// Every receiver and app state, with and without a view controller, a scene and a tail.
    @Test func loggedCallbackFastPathIsTheGeneralPath() {
        let scene = SceneRef(id: "s1", state: .foregroundInactive)
        let targets: [CallbackTarget] = [
            .appDelegate, .appDelegateAdaptor, .sceneDelegate(scene), .viewController(name: "root", scene: nil),
            .viewController(name: "root", scene: scene), .view(name: "root", scene: scene),
            .tabBarControllerDelegate(scene: nil), .tabBarControllerDelegate(scene: scene),
            .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .bgTask, .urlSessionDelegate,
            .app, .scene(scene),
            // Observer channels (issue #20): scene members without a state, or none.
            .notificationCenter(sceneId: nil, sceneState: nil), .notificationCenter(sceneId: "s1", sceneState: nil),
            .notificationCenter(sceneId: "s1", sceneState: .background), .reactNative, .flutter, .capacitor, .cordova,
            .maui(sceneId: nil), .maui(sceneId: "s1"), .composeMultiplatform(controller: "root", sceneId: nil),
            .composeMultiplatform(controller: "root", sceneId: "s1"),
        ]
        #expect(Set(targets.map(\.receiver)) == Set(Receiver.allCases))
        var checked = 0
        for target in targets {
            for state in AppState.allCases {
                let callbacks = [
                    Callback(target, method: .appDelegate(.didBecomeActive), appState: state),
                    Callback(target, method: .viewController(.viewDidLoad), appState: state),
                    Callback(
                        target, method: .sceneDelegate(.willConnect), appState: state,
                        args: .object([JSONMember("a", .string("b\"c"))])),
                    Callback(target, method: .swiftUI(.scenePhaseChange), appState: state),
                    Callback(target, method: .notification(.window(.didBecomeKey)), appState: state),
                    Callback(
                        target, method: .framework(.didChangeAppLifecycleState), appState: state,
                        args: .object([JSONMember("state", .string("hidden"))])),
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
                    #expect(fast.bytes == general.bytes, "\(target) \(state) \(c.method)")
                    #expect(logged.callback == c, "\(target) \(state) \(c.method): reads back")
                    checked += 1
                }
            }
        }
        #expect(checked == targets.count * AppState.allCases.count * 6)
    }

    /// Every method, with each receiver that hears it and in every app state, written in
    /// a list by the head table (`CallbackHeads`) as by the general path, seq of every
    /// width included.
    @Test func everyCallbackHeadIsTheGeneralPath() {
        var fast = JSONWriter()
        var general = JSONWriter()
        var logged: [LoggedCallback] = []
        for method in CallbackMethod.allCases {
            for receiver in Receiver.allCases where method.isHeard(by: receiver) {
                for state in AppState.allCases {
                    var c = LoggedCallback.sample(method: method, receiver: receiver, appState: state)
                    c.seq = [0, 7, 42, 999, 10_000, 123_456_789, Int.max][logged.count % 7]
                    logged.append(c)
                }
            }
        }
        fast.beginArray()
        fast.write(callbacks: logged[...])
        fast.endArray()
        general.beginArray()
        for c in logged { general.writeGeneral(c) }
        general.endArray()
        #expect(logged.count >= CallbackMethod.count * AppState.allCases.count)
        #expect(String(decoding: fast.bytes, as: UTF8.self) == String(decoding: general.bytes, as: UTF8.self))
    }

    /// Seqs in turn, across every carry (9 to 10, 99 to 100, 1,099 to 1,100, …), and runs
    /// broken by a gap or by a callback of the general path: each seq written as Swift
    /// prints it.
    @Test func consecutiveSeqsAreWrittenInDecimal() {
        let plain = Callback(.appDelegate, method: .appDelegate(.didBecomeActive), appState: .active)
        // The adaptor does not hear scene-delegate methods: not in the head table.
        let general = Callback(.appDelegateAdaptor, method: .sceneDelegate(.willConnect), appState: .active)
        var seqs = Array(1...1_205) + Array(9_990...10_010) + [99_999, 100_000, 100_002, 100_003]
        seqs += [999_999_999, 1_000_000_000, Int.max - 1, Int.max]
        let logged = seqs.enumerated().map { i, seq in
            LoggedCallback(seq: seq, callback: i % 97 == 50 ? general : plain, sharing: nil)
        }
        var w = JSONWriter()
        w.beginArray()
        w.write(callbacks: logged[...])
        w.endArray()
        var reference = JSONWriter()
        reference.beginArray()
        for c in logged { reference.writeGeneral(c) }
        reference.endArray()
        #expect(String(decoding: w.bytes, as: UTF8.self) == String(decoding: reference.bytes, as: UTF8.self))
    }
}
