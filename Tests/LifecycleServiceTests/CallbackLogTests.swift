import Foundation
import LifecycleModel
import Testing

@testable import LifecycleService

/// The session log over many chunks: what it keeps, drops, answers and pages is what a
/// plain list of every callback numbered in turn and written by the general path gives.
@Suite struct CallbackLogTests {
    /// A few kinds of callback, so that entries differ in more than their seq.
    private static let kinds: [Callback] = [
        Callback(.appDelegate, method: .appDelegate(.didBecomeActive), appState: .active),
        Callback(.viewController(name: "root", scene: nil), method: .viewController(.viewDidAppear), appState: .active),
        Callback(
            .sceneDelegate(SceneRef(id: "s1", state: .background)), method: .sceneDelegate(.didEnterBackground),
            appState: .background),
        Callback(
            .lens(.flutter, sceneId: nil, viewController: nil),
            method: .framework(FrameworkEvent(FlutterLens.Method.didChangeAppLifecycleState)), appState: .inactive,
            arguments: .none),
        Callback(
            .lens(.reactNative, sceneId: nil, viewController: nil),
            method: .framework(FrameworkEvent(ReactNativeLens.Method.change)), appState: .active,
            arguments: .observer(.reactNativeState(.background))),
    ]

    /// `callbacks` as array elements, the way an answer writes them.
    private static func elements(_ write: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter()
        w.beginArray()
        write(&w)
        w.endArray()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Appends batches of 1 to 37 callbacks (one of 1,500 at once) to `log`; checks each
    /// answer against the reference and returns every callback numbered, the reference.
    private static func fill(_ log: inout CallbackLog, batches: Int) -> [LoggedCallback] {
        var reference: [LoggedCallback] = []
        for b in 0..<batches {
            let size = b == batches / 2 ? 1_500 : 1 + (b * 7) % 37
            let batch = (0..<size).map { kinds[(b + $0) % kinds.count] }
            let answer = log.append(batch)
            let numbered = batch.enumerated().map {
                LoggedCallback(seq: reference.count + 1 + $0.offset, callback: $0.element)
            }
            reference += numbered
            #expect(answer.map(\.json) == numbered.map(\.json), "batch \(b)")
            #expect(
                elements { $0.write(callbacks: answer) } == elements { $0.write(callbacks: numbered) }, "batch \(b)")
        }
        return reference
    }

    /// Pages from every kind of start, across chunk boundaries, against the reference.
    private static func checkPages(_ log: CallbackLog, _ reference: [LoggedCallback]) {
        #expect(log.lastSeq == reference.count)
        #expect(log.kept + log.dropped == reference.count)
        let afters =
            [0, log.dropped - 1, log.dropped, log.dropped + 1, 1_023, 1_024, 1_025, 2_047, 3_000, 4_999]
            + stride(from: 0, to: reference.count, by: 331)
        for after in afters where after >= 0 {
            for limit in [1, 2, 100, 1_024, 1_025, 5_000] {
                let page = log.page(after: after, limit: limit)
                let first = max(after + 1, log.dropped + 1)
                let last = min(reference.count, first + limit - 1)
                let expected = first <= last ? Array(reference[(first - 1)..<last]) : []
                #expect(page.callbacks.map(\.seq) == expected.map(\.seq), "after \(after) limit \(limit)")
                #expect(page.lastSeq == expected.last?.seq)
                let same = elements { $0.write(callbacks: page) } == elements { $0.write(callbacks: expected) }
                #expect(same, "after \(after) limit \(limit)")
            }
        }
    }

    @Test func aLongLogKeepsDropsAndPagesAcrossChunks() {
        var log = CallbackLog(capacity: 2_600)
        let reference = Self.fill(&log, batches: 400)
        #expect(reference.count > 3 * CallbackLog.chunkSize)
        #expect(log.kept == 2_600)
        Self.checkPages(log, reference)
    }

    @Test func aLogUnderItsCapacityKeepsEverything() {
        var log = CallbackLog(capacity: 100_000)
        let reference = Self.fill(&log, batches: 300)
        #expect(log.dropped == 0)
        Self.checkPages(log, reference)
    }

    /// A short log drops its oldest entries in its only chunk (which it compacts now and
    /// then): what it keeps stays right.
    @Test func aShortLogCompactsItsOnlyChunk() {
        var log = CallbackLog(capacity: 150)
        let reference = Self.fill(&log, batches: 90)
        #expect(log.kept == 150)
        Self.checkPages(log, reference)
    }

    /// A byte budget smaller than one batch: the answer still has every callback, and
    /// the log keeps the newest that fit.
    @Test func aByteBudgetTrimsAndTheAnswerKeepsTheBatch() {
        let entry = LoggedCallback(seq: 1, callback: Self.kinds[0]).json.count + CallbackLog.overhead
        var log = CallbackLog(capacity: 100_000, byteCapacity: entry * 40)
        let reference = Self.fill(&log, batches: 120)
        #expect(log.kept <= 40 && log.kept > 0)
        #expect(log.bytes <= entry * 40)
        Self.checkPages(log, reference)
    }

    /// Long callbacks under a byte budget: what the log holds in memory stays near the
    /// budget (a dropped callback's bytes are freed when its chunk goes), and it still
    /// pages what it keeps. Callbacks of 3 KB fill a chunk of many actions;
    /// callbacks of 100 KB, chunks of a few.
    @Test(arguments: [3_000, 100_000])
    func longCallbacksStayNearTheByteBudgetInMemory(length: Int) {
        let url = String(repeating: "u", count: length)
        let long = Callback(
            .appDelegate, method: .appDelegate(.didBecomeActive), appState: .active,
            args: .object([JSONMember("url", .string(url))]))
        let budget = length < 10_000 ? 400_000 : 1 << 20
        var log = CallbackLog(capacity: 100_000, byteCapacity: budget)
        var reference: [LoggedCallback] = []
        var held = 0
        for b in 0..<600 {
            let batch = b % 3 == 0 ? [long, Self.kinds[0], long] : [Self.kinds[b % Self.kinds.count], long]
            _ = log.append(batch)
            reference += batch.enumerated().map {
                LoggedCallback(seq: reference.count + 1 + $0.offset, callback: $0.element)
            }
            held = max(held, log.heldBytes)
        }
        #expect(log.bytes <= budget)
        #expect(log.dropped > 600)
        // The budget, the callbacks of the action that passed it, and the chunks' entries:
        // a dropped callback's arguments are freed as it is dropped.
        let bound = budget + 3 * length + 64_000
        #expect(held <= bound, "held \(held), bound \(bound)")
        Self.checkPages(log, reference)
    }

    /// Callbacks at more places than a chunk looks back over (`LogChunk.placesSearched`):
    /// each place is found or added, and answers and pages are the same.
    @Test func callbacksAtManyPlacesAreWrittenAsTheGeneralPath() {
        let many = (0..<100).map { i in
            Callback(
                .viewController(name: "vc\(i % 40)", scene: SceneRef(id: "s\(i % 3)", state: .foregroundActive)),
                method: .viewController(.viewDidAppear), appState: .active)
        }
        var log = CallbackLog(capacity: 2_000)
        var reference: [LoggedCallback] = []
        for b in 0..<60 {
            let batch = Array(many[(b % 50)..<(b % 50 + 1 + b % 37)])
            let answer = log.append(batch)
            let numbered = batch.enumerated().map {
                LoggedCallback(seq: reference.count + 1 + $0.offset, callback: $0.element)
            }
            reference += numbered
            #expect(answer.map(\.json) == numbered.map(\.json), "batch \(b)")
        }
        Self.checkPages(log, reference)
    }

    /// A run or a copy of the log, kept while the log goes on, keeps its own bytes: the
    /// log's storage is shared until it is written (a session copied for a rollback).
    @Test func aKeptRunAndACopyOfTheLogDoNotChange() {
        var log = CallbackLog(capacity: 100_000)
        let first = log.append(Array(Self.kinds.prefix(3)))
        let before = Self.elements { $0.write(callbacks: first) }
        var copy = log
        _ = log.append(Array(Self.kinds.suffix(2)))
        _ = copy.append([Self.kinds[0]])
        #expect(Self.elements { $0.write(callbacks: first) } == before)
        let expected = Self.kinds.prefix(3) + Self.kinds.suffix(2)
        let numbered = expected.enumerated().map { LoggedCallback(seq: $0.offset + 1, callback: $0.element) }
        #expect(log.page(after: 0, limit: 100).callbacks == numbered)
        let copied = (Self.kinds.prefix(3) + [Self.kinds[0]]).enumerated().map {
            LoggedCallback(seq: $0.offset + 1, callback: $0.element)
        }
        #expect(copy.page(after: 0, limit: 100).callbacks == copied)
        let detached = first.detached()
        #expect(Self.elements { $0.write(callbacks: detached) } == before)
    }

    /// A payload held by several callbacks is kept once (shared pieces), and the answer
    /// and the pages still hold it in every callback, as the general path writes them.
    @Test func aSharedPayloadIsKeptOnceAndWrittenInEach() throws {
        let blob = String(repeating: "x", count: 4_000)
        let payload = JSONValue.object([JSONMember("aps", .object([])), JSONMember("blob", .string(blob))])
        let action = Action.receiveNotification(payload: payload)
        let sharing = try #require(SharedPayload(action))
        let holding = Callback(
            .appDelegate, method: .appDelegate(.didReceiveRemoteNotification), appState: .background,
            args: .object([JSONMember("userInfo", payload)]))
        let batch = [Self.kinds[0], holding, Self.kinds[3], holding, Self.kinds[1]]
        var log = CallbackLog(capacity: 100_000)
        let answer = log.append(batch, sharing: sharing)
        let numbered = batch.enumerated().map { LoggedCallback(seq: $0.offset + 1, callback: $0.element) }
        #expect(Self.elements { $0.write(callbacks: answer) } == Self.elements { $0.write(callbacks: numbered) })
        #expect(log.page(after: 1, limit: 3).callbacks == Array(numbered[1...3]))
        #expect(log.bytes > blob.count && log.bytes < blob.count + 2_000, "\(log.bytes)")
    }
}
