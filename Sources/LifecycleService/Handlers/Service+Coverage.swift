import Foundation
import LifecycleModel
import ServiceHTTP

extension Service {
    /// `POST /v1/coverage`: action sequences, each from a fresh install, that together
    /// take every transition reachable for a config within bounds (model-based testing:
    /// replay them against a real app), within the request's budget.
    func coverage(_ request: ServiceRequest, _ search: SearchContext) throws(Problem) -> ServiceResponse {
        let example = #"{"config":{"iosVersion":"17.0"},"bounds":{"scenes":2,"tasks":1,"depth":2}}"#
        let body = try parseBody(request.body, expecting: "a coverage request", example: example)
        let r = try ObjectReader(body, path: "", what: "a coverage request", known: ["config", "bounds"])
        let config = try ConfigDecoding.decode(r["config"] ?? .object([]), path: "config")
        var bounds = try decodeBounds(r["bounds"])
        let simulator = Simulator(config: config)
        // Several windows multiply the space (an iPad at the standard bounds has about
        // 8000 abstract states and 100 000 transitions): one window per request.
        if simulator.profile.multipleScenes {
            if r["bounds"].flatMap({
                try? ObjectReader($0, path: "bounds", what: "", known: ["scenes", "tasks", "depth"])
            })?["scenes"] != nil, bounds.scenes > 1 {
                throw Problem.invalidField(
                    "bounds.scenes",
                    "bounds.scenes must be 1 for an iPad with supportsMultipleScenes: two windows multiply the space beyond what one request explores"
                )
            }
            bounds.scenes = 1
        }
        let plan: CoveragePlan
        var meter = search.meter()
        do throws(CoverageFailure) {
            plan = try simulator.coverage(bounds: bounds, maxStates: Self.maxCoverageStates, meter: &meter)
        } catch {
            switch error {
            case .tooLarge(let maxStates):
                throw Problem.invalidField(
                    "bounds",
                    "this config has more than \(maxStates) abstract states within these bounds; lower bounds.depth, bounds.tasks or bounds.scenes (e.g. {\"depth\":1,\"tasks\":0})"
                )
            case .stopped(let stop):
                throw Problem.searchStopped(
                    stop, hint: "lower bounds.depth, bounds.tasks or bounds.scenes (e.g. {\"depth\":1,\"tasks\":0})")
            }
        }
        var w = JSONWriter(capacity: 64 * plan.totalActions + 1024)
        w.beginObject()
        w.key("states")
        w.int(plan.states)
        w.key("transitions")
        w.int(plan.transitions)
        w.key("covered")
        w.int(plan.covered)
        w.key("actions")
        w.int(plan.totalActions)
        w.key("sequences")
        w.beginArray()
        for sequence in plan.sequences {
            w.beginArray()
            for plain in sequence { w.write(plain.action) }
            w.endArray()
        }
        w.endArray()
        w.key("bounds")
        writeBounds(&w, bounds)
        w.key("config")
        w.write(config, quirks: simulator.profile.resolvedQuirks)
        w.endObject()
        return json(200, w)
    }

    /// Abstract states one coverage request may explore (`ExplorationBounds.maximum`
    /// keeps a one-window app far below it; an iPad with several windows may reach it).
    static let maxCoverageStates = 5000

    func decodeBounds(_ value: JSONValue?) throws(Problem) -> ExplorationBounds {
        let standard = ExplorationBounds.standard
        let max = ExplorationBounds.maximum
        guard let value else { return standard }
        let b = try ObjectReader(value, path: "bounds", what: "search bounds", known: ["scenes", "tasks", "depth"])
        return ExplorationBounds(
            scenes: try b.integer(
                "scenes", in: 1...max.scenes, what: "a number of scene sessions from 1 to \(max.scenes)")
                ?? standard.scenes,
            tasks: try b.integer(
                "tasks", in: 0...max.tasks, what: "a number of background tasks from 0 to \(max.tasks)")
                ?? standard.tasks,
            depth: try b.integer("depth", in: 0...max.depth, what: "a navigation depth from 0 to \(max.depth)")
                ?? standard.depth)
    }

    func writeBounds(_ w: inout JSONWriter, _ b: ExplorationBounds) {
        w.beginObject()
        w.key("scenes")
        w.int(b.scenes)
        w.key("tasks")
        w.int(b.tasks)
        w.key("depth")
        w.int(b.depth)
        w.endObject()
    }
}
