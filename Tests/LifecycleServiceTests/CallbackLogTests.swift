import LifecycleModel
import Testing

@testable import LifecycleService

/// The session log over many chunks: what it keeps, drops and pages is what a plain
/// list of every callback numbered in turn would give.
@Suite struct CallbackLogTests {
    /// A few kinds of callback, so that entries differ in more than their seq.
    private static let kinds: [Callback] = [
        Callback(.appDelegate, method: .appDelegate(.didBecomeActive), appState: .active),
        Callback(.viewController(name: "root", scene: nil), method: .viewController(.viewDidAppear), appState: .active),
        Callback(
            .sceneDelegate(SceneRef(id: "s1", state: .background)), method: .sceneDelegate(.didEnterBackground),
            appState: .background),
        Callback(.flutter, method: .framework(.didChangeAppLifecycleState), appState: .inactive, arguments: .none),
    ]

    /// Appends batches of 1 to 37 callbacks (one of 1,500 at once) to `log`; checks each
    /// answer against the reference and returns every callback numbered, the reference.
    private static func fill(_ log: inout CallbackLog, batches: Int) -> [LoggedCallback] {
        var reference: [LoggedCallback] = []
        for b in 0..<batches {
            let size = b == batches / 2 ? 1_500 : 1 + (b * 7) % 37
            let batch = (0..<size).map { kinds[(b + $0) % kinds.count] }
            let answer = log.append(batch)
            let numbered = batch.enumerated().map {
                LoggedCallback(seq: reference.count + 1 + $0.offset, callback: $0.element, sharing: nil)
            }
            reference += numbered
            let sameBytes = answer.map(\.json) == numbered.map(\.json)
            #expect(sameBytes, "batch \(b)")
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
                #expect(page.map(\.seq) == expected.map(\.seq), "after \(after) limit \(limit)")
                let sameBytes = page.map(\.json) == expected.map(\.json)
                #expect(sameBytes, "after \(after) limit \(limit)")
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

    /// A byte budget smaller than one batch: the answer still has every callback, and
    /// the log keeps the newest that fit.
    @Test func aByteBudgetTrimsAndTheAnswerKeepsTheBatch() {
        let entry = LoggedCallback(seq: 1, callback: Self.kinds[0], sharing: nil).cost
        var log = CallbackLog(capacity: 100_000, byteCapacity: entry * 40)
        let reference = Self.fill(&log, batches: 120)
        #expect(log.kept <= 40 && log.kept > 0)
        #expect(log.bytes <= entry * 40)
        Self.checkPages(log, reference)
    }
}
