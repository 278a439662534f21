import LifecycleModel
import Testing

@testable import LifecycleService

/// The action path's shortcuts (pre-encoded pieces, compact log entries) write the
/// bytes of the general paths they stand in for.
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

    /// Every receiver and app state, with and without a view controller, a scene and
    /// arguments: the log writes each callback as the general path does, an answer is
    /// those bytes, and each reads back as the callback it was.
    @Test func loggedCallbackFastPathIsTheGeneralPath() {
        let scene = SceneRef(id: "s1", state: .foregroundInactive)
        var targets: [CallbackTarget] = [
            .appDelegate, .appDelegateAdaptor, .sceneDelegate(scene), .viewController(name: "root", scene: nil),
            .viewController(name: "root", scene: scene), .view(name: "root", scene: scene),
            .viewController(name: "a \"quoted\" name", scene: nil),
            .tabBarControllerDelegate(scene: nil), .tabBarControllerDelegate(scene: scene),
            .notificationCenterDelegate, .locationManagerDelegate, .backgroundTask, .bgTask, .urlSessionDelegate,
            .app, .scene(scene),
            // Observer channels (issue #20): scene members without a state, or none.
            .notificationCenter(sceneId: nil, sceneState: nil), .notificationCenter(sceneId: "s1", sceneState: nil),
            .notificationCenter(sceneId: "s1", sceneState: .background),
        ]
        // Each lens's channel with each combination of members its items may carry.
        let lensTargets: [CallbackTarget] = ObserverChannel.allCases.filter { $0.lens != nil }.flatMap { channel in
            [(nil, nil), ("s1", nil), (nil, "root"), ("s1", "root")].compactMap {
                CallbackTarget(receiver: .observer(channel), sceneId: $0.0, sceneState: nil, viewController: $0.1)
            }
        }
        targets += lensTargets
        #expect(Set(targets.map(\.receiver)) == Set(Receiver.allCases))
        var log = CallbackLog(capacity: 100_000)
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
                        target, method: .framework(FrameworkEvent(FlutterLens.Method.didChangeAppLifecycleState)),
                        appState: state,
                        args: .object([JSONMember("state", .string("hidden"))])),
                    Callback(
                        target, method: .framework(FrameworkEvent(FlutterLens.Method.didChangeAppLifecycleState)),
                        appState: state,
                        arguments: .observer(.flutterState(.paused))),
                ]
                let firstSeq = log.lastSeq + 1
                let run = log.append(callbacks)
                let general = callbacks.enumerated().map {
                    LoggedCallback(seq: firstSeq + $0.offset, callback: $0.element)
                }
                var answer = JSONWriter()
                answer.beginArray()
                answer.write(callbacks: run)
                answer.endArray()
                var reference = JSONWriter()
                reference.beginArray()
                reference.write(callbacks: general)
                reference.endArray()
                #expect(
                    String(decoding: answer.bytes, as: UTF8.self) == String(decoding: reference.bytes, as: UTF8.self),
                    "\(target) \(state)")
                for (logged, c) in zip(run, callbacks) {
                    #expect(logged.callback == c, "\(target) \(state) \(c.method): reads back")
                    checked += 1
                }
            }
        }
        #expect(checked == targets.count * AppState.allCases.count * 7)
    }

    /// `callbacks` logged from `seq` on and written from their entries, as array elements.
    private static func logged(_ callbacks: [Callback], from seq: Int) -> [UInt8] {
        var chunk = LogChunk(firstSeq: seq, entryCapacity: callbacks.count)
        var scratch: JSONWriter?
        for (i, c) in callbacks.enumerated() {
            guard
                let entry = chunk.entry(
                    of: c, seq: seq + i, heads: .shared, overhead: CallbackLog.overhead, scratch: &scratch)
            else {
                Issue.record("no entry for \(c)")
                continue
            }
            chunk.entries.append(entry)
        }
        var w = JSONWriter()
        w.write(callbacks: LogRun(chunk: chunk, range: 0..<chunk.entries.count))
        return w.bytes
    }

    /// Every method, with each receiver that hears it and in every app state, written by
    /// the head table (`CallbackHeads`) as by the general path, seq of every width included.
    @Test func everyCallbackHeadIsTheGeneralPath() {
        var fast: [UInt8] = []
        var general = JSONWriter()
        var count = 0
        for method in CallbackMethod.allCases {
            for receiver in Receiver.allCases where method.isHeard(by: receiver) {
                let named =
                    receiver == .viewController || receiver == .view || receiver == .observer(.composeMultiplatform)
                let scened = receiver == .sceneDelegate || receiver == .scene
                guard
                    let target = CallbackTarget(
                        receiver: receiver, sceneId: scened ? "s1" : nil, sceneState: scened ? .background : nil,
                        viewController: named ? "root" : nil)
                else {
                    Issue.record("no target for \(receiver)")
                    continue
                }
                for state in AppState.allCases {
                    let c = Callback(target, method: method, appState: state)
                    let seq = [0, 7, 42, 999, 10_000, 123_456_789, Int.max][count % 7]
                    fast += Self.logged([c], from: seq)
                    general = JSONWriter()
                    general.writeGeneral(seq: seq, c)
                    #expect(
                        String(decoding: fast, as: UTF8.self) == String(decoding: general.bytes, as: UTF8.self),
                        "\(method) \(receiver) \(state)")
                    fast = []
                    count += 1
                }
            }
        }
        #expect(count >= CallbackMethod.count * AppState.allCases.count)
    }

    /// Seqs in turn, across every carry (9 to 10, 99 to 100, 1,099 to 1,100, …), and runs
    /// broken by a callback of the general path: each seq written as Swift prints it.
    @Test func consecutiveSeqsAreWrittenInDecimal() {
        let plain = Callback(.appDelegate, method: .appDelegate(.didBecomeActive), appState: .active)
        // The adaptor does not hear scene-delegate methods: not in the head table.
        let general = Callback(.appDelegateAdaptor, method: .sceneDelegate(.willConnect), appState: .active)
        let runs = [1...1_205, 9_990...10_010, 99_999...100_003, 999_999_998...1_000_000_001, (Int.max - 3)...Int.max]
        for seqs in runs {
            let callbacks = seqs.map { $0 % 97 == 50 ? general : plain }
            var reference = JSONWriter()
            reference.beginArray()
            for (seq, c) in zip(seqs, callbacks) { reference.writeGeneral(seq: seq, c) }
            reference.endArray()
            let written = [UInt8(ascii: "[")] + Self.logged(callbacks, from: seqs.lowerBound) + [UInt8(ascii: "]")]
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: reference.bytes, as: UTF8.self))
        }
    }
}
