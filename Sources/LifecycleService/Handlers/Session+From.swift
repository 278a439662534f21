import Foundation
import LifecycleModel

extension Session {
    /// A throwaway session of `config` after the request's `from` actions (paths,
    /// explain): a refused step is a 409 naming `from[i]` and its `step`. Where it leaves
    /// the app is where a search starts, so it may hold at most
    /// `Simulator.maxSearchScenes` scene sessions (a 400 naming `from`). Unbounded in
    /// work: the request's budget goes with `after(_:config:meter:)`.
    static func after(_ from: [Action], config: SessionConfig) throws(Problem) -> Session {
        var meter = SearchMeter(.unlimited)
        return try after(from, config: config, meter: &meter)
    }

    /// The same within `meter`: each action a step, each `moveTo` a search of its own.
    static func after(_ from: [Action], config: SessionConfig, meter: inout SearchMeter) throws(Problem) -> Session {
        var plain: [Action] = []
        return try after(from, config: config, meter: &meter, plain: &plain)
    }

    /// The same, with `from` as plain actions in `plain`: each `moveTo` replaced by the
    /// actions of the path it took, so that the same start can be reached again without
    /// searching (explain replays its answer's start).
    static func after(
        _ from: [Action], config: SessionConfig, meter: inout SearchMeter, plain: inout [Action]
    ) throws(Problem) -> Session {
        var session = Session(id: UUID(), config: config, maxLog: Int.max)
        plain.removeAll()
        for (i, action) in from.enumerated() {
            do throws(MoveToFailure) {
                _ = try session.apply(action, meter: &meter) { path in
                    if let path { plain += path.map(\.action) } else { plain.append(action) }
                }
            } catch {
                switch error {
                case .refused(let refusal):
                    var p = Problem.refused(
                        refusal, allowed: session.allowance, choice: session.simulator.choice(of: action)
                    ).with("step", .number(String(i)))
                    p.detail = "from[\(i)]: " + p.detail
                    throw p
                case .stopped(let stop):
                    var p = Problem.searchStopped(
                        stop,
                        hint: "fewer actions in from, or no moveTo there (the plain actions it stands for instead)"
                    )
                    .with("step", .number(String(i)))
                    p.detail = "from[\(i)]: " + p.detail
                    throw p
                }
            }
            // Checked as it happens: every scene more makes each later step dearer.
            let scenes = session.state.scenes.count
            guard scenes <= Simulator.maxSearchScenes else {
                throw Problem.invalidField(
                    "from",
                    "from[\(i)] opens scene session \(scenes); a search starts from at most \(Simulator.maxSearchScenes) (each scene multiplies the states to search): open fewer scenes in from, or close some (closeScene)"
                )
                .with("step", .number(String(i)))
            }
        }
        return session
    }

    /// Applies an action within `meter`: a `moveTo` searches within it, any other action
    /// is one step. On a refusal or a stop nothing changes.
    mutating func apply(_ action: Action, meter: inout SearchMeter) throws(MoveToFailure) -> LogRun {
        try apply(action, meter: &meter, took: { _ in })
    }

    /// The same, telling `took` the path a `moveTo` took (nil for any other action).
    mutating func apply(
        _ action: Action, meter: inout SearchMeter, took: ([PlainAction]?) -> Void
    ) throws(MoveToFailure) -> LogRun {
        guard case .moveTo(let move) = action else {
            guard meter.step() else { throw .stopped(meter.stopped ?? .steps(meter.budget.maxSteps)) }
            do throws(ActionRefusal) {
                let run = try apply(action)
                took(nil)
                return run
            } catch { throw .refused(error) }
        }
        let path = try simulator.moveToPath(app: move.app, scene: move.scene, from: state, meter: &meter)
        do throws(ActionRefusal) {
            let run = try apply(action, along: path)
            took(path)
            return run
        } catch { throw .refused(error) }
    }
}
