import Foundation
import LifecycleModel
import ServiceHTTP

// `moveTo` on a session, alone or in a batch. Its search may take up to the request's
// CPU deadline, so it never runs under the session's lock: it runs on a search thread,
// on a copy of the state taken under the lock; the move is then committed under the
// lock if the session has not changed meanwhile (`Session.version`), or searched again
// from the new state (the same budget still running). A refusal needs no commit: it
// changes nothing, so it stands for the state it was found from.

extension Service {
    /// `POST /v1/sessions/{id}/actions` with a `moveTo`.
    func moveTo(_ id: UUID, _ action: Action, parsed: JSONValue?, body: [UInt8]) throws(Problem) -> Routed {
        guard case .moveTo(let move) = action else {
            throw Problem(kind: .internalError, detail: "moveTo(_:_:) was given \(action.kind.rawValue)")
        }
        return .search(
            SearchJob { [self] search throws(Problem) in
                var meter = search.meter()
                let w = try searchThenCommit(
                    id, meter: &meter,
                    plan: { state, simulator, meter throws(Problem) -> [PlainAction] in
                        do throws(MoveToFailure) {
                            return try simulator.moveToPath(
                                app: move.app, scene: move.scene, from: state, meter: &meter)
                        } catch {
                            switch error {
                            case .refused(let refusal):
                                metrics.recordAction(.moveTo, .refused)
                                throw Problem.refused(
                                    refusal, allowed: Allowance(simulator, state), choice: simulator.choice(of: action))
                            case .stopped(let stop):
                                throw Problem.searchStopped(stop, hint: Self.moveToHint)
                            }
                        }
                    },
                    commit: { session, path throws(Problem) in
                        try apply(action, parsed: parsed, body: body, to: &session, along: path)
                    })
                return json(200, w)
            })
    }

    /// `POST /v1/sessions/{id}/actions` with a batch that holds a `moveTo`: the whole batch
    /// is tried on a copy first, each `moveTo` searched there, then committed with the paths found.
    func moveTo(_ id: UUID, batch actions: [Action], items: [JSONValue]) throws(Problem) -> Routed {
        .search(
            SearchJob { [self] search throws(Problem) in
                var meter = search.meter()
                let w = try searchThenCommit(
                    id, meter: &meter,
                    plan: { state, simulator, meter throws(Problem) -> [Int: [PlainAction]] in
                        try ActionDecoding.check(actions, against: simulator.config, field: "actions")
                        return try plan(actions, from: state, simulator, meter: &meter)
                    },
                    commit: { session, paths throws(Problem) in
                        try apply(batch: actions, items: items, to: &session, paths: paths)
                    })
                return json(200, w)
            })
    }

    static let moveToHint =
        "a moveTo with a nearer target, or the plain actions it stands for (POST /v1/paths finds them), or fewer scene sessions"

    /// A batch run on a copy of `state`, each action a step of `meter`: the path of each
    /// `moveTo`, by step; a refused step is the batch's 409, as under the lock.
    private func plan(
        _ actions: [Action], from state: AppSnapshot, _ simulator: Simulator, meter: inout SearchMeter
    ) throws(Problem) -> [Int: [PlainAction]] {
        var draft = state
        var paths: [Int: [PlainAction]] = [:]
        for (i, action) in actions.enumerated() {
            var path: [PlainAction]?
            if case .moveTo(let move) = action {
                do throws(MoveToFailure) {
                    path = try simulator.moveToPath(app: move.app, scene: move.scene, from: draft, meter: &meter)
                } catch {
                    switch error {
                    case .refused(let refusal):
                        throw refusedStep(i, refusal, Allowance(simulator, draft), simulator.choice(of: action))
                    case .stopped(let stop): throw Problem.searchStopped(stop, hint: Self.moveToHint).atStep(i)
                    }
                }
                paths[i] = path
            } else if !meter.step() {
                throw Problem.searchStopped(meter.stopped ?? .steps(meter.budget.maxSteps), hint: Self.moveToHint)
                    .atStep(i)
            }
            do throws(ActionRefusal) {
                draft = try simulator.apply(action, to: draft, along: path).state
            } catch {
                throw refusedStep(i, error, Allowance(simulator, draft), simulator.choice(of: action))
            }
        }
        return paths
    }

    private func refusedStep(_ i: Int, _ refusal: ActionRefusal, _ allowed: Allowance, _ choice: VariantChoice?)
        -> Problem
    {
        metrics.recordAction(refusal.action, .refused)
        return Problem.refused(refusal, allowed: allowed, choice: choice).atStep(i)
    }

    /// `plan` on a copy of the session's state outside its lock, then `commit` under the
    /// lock if the session has not changed since the copy; else the same again.
    private func searchThenCommit<Plan>(
        _ id: UUID, meter: inout SearchMeter,
        plan: (AppSnapshot, Simulator, inout SearchMeter) throws(Problem) -> Plan,
        commit: (inout Session, Plan) throws(Problem) -> JSONWriter
    ) throws(Problem) -> JSONWriter {
        guard let box = store.find(id) else { throw Problem.sessionNotFound(id) }
        while true {
            let (state, version) = try withSession(box) { ($0.state, $0.version) }
            let planned = try plan(state, box.simulator, &meter)
            let committed = try withSession(box) { (session: inout Session) throws(Problem) -> JSONWriter? in
                guard session.version == version else { return nil }
                return try commit(&session, planned)
            }
            if let committed { return committed }
            // Changed meanwhile: search again, if the budget still allows.
            guard meter.check() else {
                throw Problem.searchStopped(meter.stopped ?? .cancelled, hint: Self.moveToHint)
            }
        }
    }
}
