import LifecycleModel
import Synchronization
import Testing

/// Issue #35: the searches of `Exploration/` within a `SearchBudget`: every attempted step
/// counted, the budget's interruption asked, the same answers when the budget suffices.
@Suite struct SearchBudgetModelTests {
    static let ipad = iPadSimulator()

    /// A state with `count` scene sessions, all in the foreground.
    static func scenes(_ count: Int) throws -> AppSnapshot {
        var state = try ipad.apply(.launch, to: AppSnapshot()).state
        for _ in 1..<count { state = try ipad.apply(.openScene(by: .user), to: state).state }
        return state
    }

    @Test func aBudgetThatSufficesChangesNoAnswer() throws {
        let sim = sceneSimulator()
        var meter = SearchMeter(SearchBudget(maxSteps: 10_000_000))
        let metered = try sim.coverage(bounds: .standard, maxStates: StateGraph.maxStates, meter: &meter)
        let plain = try sim.coverage()
        #expect(metered.sequences.map { $0.map(\.label) } == plain.sequences.map { $0.map(\.label) })
        #expect(meter.steps > 0 && meter.stopped == nil)
        let target = StateTarget(app: .suspended)
        var pathMeter = SearchMeter(.unlimited)
        #expect(
            try sim.shortestPath(from: AppSnapshot(), to: target, meter: &pathMeter).map(\.label)
                == sim.shortestPath(from: AppSnapshot(), to: target).map(\.label))
    }

    @Test func theStepBudgetStopsEachSearch() throws {
        let sim = sceneSimulator()
        var meter = SearchMeter(SearchBudget(maxSteps: 100))
        #expect(throws: CoverageFailure.stopped(.steps(100))) {
            try sim.coverage(bounds: .standard, maxStates: StateGraph.maxStates, meter: &meter)
        }
        #expect(meter.steps == 101 && meter.stopped == .steps(100))
        var pathMeter = SearchMeter(SearchBudget(maxSteps: 5))
        #expect(throws: PathSearchFailure.stopped(.steps(5))) {
            try sim.shortestPath(
                from: AppSnapshot(), to: StateTarget(app: .background, scene: .foregroundActive), meter: &pathMeter)
        }
    }

    /// The interruption is asked every `checkInterval` steps, and its stop told once.
    @Test func theInterruptionStopsASearchAndTheStopIsToldOnce() throws {
        let asked = Atomic<Int>(0)
        let told = Mutex<[SearchStop]>([])
        let budget = SearchBudget(
            interruption: { asked.wrappingAdd(1, ordering: .relaxed).newValue == 3 ? .deadline(milliseconds: 7) : nil },
            onStop: { stop in told.withLock { $0.append(stop) } })
        var meter = SearchMeter(budget)
        #expect(throws: MoveToFailure.stopped(.deadline(milliseconds: 7))) {
            try Self.ipad.moveToPath(
                app: .background, scene: .foregroundActive, from: try Self.scenes(4), meter: &meter)
        }
        #expect(meter.steps == 3 * SearchBudget.checkInterval)
        #expect(told.withLock { $0 } == [.deadline(milliseconds: 7)])
        #expect(!meter.step() && !meter.check())
        #expect(told.withLock { $0 }.count == 1)
    }

    /// `moveToPath` then `apply(moveToAlong:)` is `apply(.moveTo…)`: the search can run on
    /// a copy and the move be committed afterwards.
    @Test func aMoveSearchedApartIsTheMove() throws {
        let start = try Self.scenes(2)
        let action = Action.moveTo(app: .suspended, scene: nil)
        var meter = SearchMeter(.unlimited)
        let path = try Self.ipad.moveToPath(app: .suspended, scene: nil, from: start, meter: &meter)
        var state = start
        let (callbacks, steps) = try Self.ipad.apply(moveToAlong: path, updating: &state)
        let whole = try Self.ipad.apply(action, to: start)
        #expect(state == whole.state && callbacks == whole.callbacks && steps == whole.steps)
        #expect(!steps.isEmpty)
    }

    /// A search starts from at most `maxSearchScenes` scene sessions: from more, `moveTo`
    /// is refused before it searches.
    @Test func moveToFromTooManyScenesIsRefusedUpFront() throws {
        let many = try Self.scenes(Simulator.maxSearchScenes + 1)
        do {
            _ = try Self.ipad.apply(.moveTo(app: .suspended, scene: nil), to: many)
            Issue.record("moved from \(many.scenes.count) scenes")
        } catch {
            #expect(error.needs.contains("at most \(Simulator.maxSearchScenes) scene sessions and this state has 9"))
        }
        var meter = SearchMeter(.unlimited)
        _ = try? Self.ipad.moveToPath(app: .suspended, scene: nil, from: many, meter: &meter)
        #expect(meter.steps == 0)
        #expect(
            try Self.ipad.apply(.moveTo(app: .suspended, scene: nil), to: try Self.scenes(8)).state.app == .suspended)
    }

    /// An app holds at most `SceneSessions.maximum` scene sessions: one more is refused.
    @Test func openSceneStopsAtTheMaximum() throws {
        var state = try Self.scenes(SceneSessions.maximum)
        #expect(state.scenes.count == 64)
        do {
            state = try Self.ipad.apply(.openScene(by: .system), to: state).state
            Issue.record("opened scene session \(state.scenes.count)")
        } catch {
            #expect(error.action == .openScene && error.needs.hasPrefix("fewer than 64 scene sessions"))
        }
        state = try Self.ipad.apply(.closeScene(sceneId: nil), to: state).state
        #expect(try Self.ipad.apply(.openScene(by: .user), to: state).state.scenes.count == 64)
    }

    /// `plainAction(labelled:in:)` finds what `plainActions(in:)` lists under that label.
    @Test func aPlainActionFoundByItsLabelIsTheListedOne() throws {
        for state in [
            AppSnapshot(), try Self.scenes(3), try Self.ipad.apply(.background, to: try Self.scenes(2)).state,
        ] {
            for plain in Self.ipad.plainActions(in: state) {
                #expect(Self.ipad.plainAction(labelled: plain.label, in: state) == plain, "\(plain.label)")
            }
        }
        #expect(Self.ipad.plainAction(labelled: "moveTo", in: AppSnapshot()) == nil)
        #expect(Self.ipad.plainAction(labelled: "closeScene scene=#9", in: try Self.scenes(2)) == nil)
    }
}
