/// `moveTo`: The shortest sequence of plain actions to an app state (and a scene state), applied.
///
/// Not a thing a user does but a shortcut through things users and the system do
/// (Robolectric's `ActivityScenario.moveToState`): the search of `Exploration/` over
/// the model itself, within `ExplorationBounds.standard` widened to hold the current
/// state. It has no variants, so `allowedActions` leaves it out (it is possible
/// everywhere for some target) and no search takes it; its random draws ask for where one random plain action
/// would lead (so the search stops after one level: the random-sequence tests draw it
/// as often as any kind without running a full search each time), or, one time in
/// eight, for any app state with any scene state (mostly refused: a search to the end).
public struct MoveToAction: ActionDefinition {
    public var app: AppState
    public var scene: SceneState?

    public init(app: AppState, scene: SceneState?) {
        self.app = app
        self.scene = scene
    }

    static let parameters: [ActionParameter] = [.choice("app", AppState.self), .choice("scene", SceneState.self)]
    static let rule = ActionRule(
        summary:
            "Applies the shortest sequence of plain actions (user and system actions with fixed members, no moveTo) that reaches the app state, and the scene state in some scene if given; refused when none does within the search bounds.",
        sources: "contract (v1.1 moveTo); the rules of the actions it takes")

    static func decode<F: ActionFields>(_ f: F) throws(F.Failure) -> Action {
        let app = try f.require(
            "app", f.choice("app", AppState.self),
            hint: "the app state to reach: \(AppState.allCases.map(\.rawValue).joined(separator: ", "))")
        return .moveTo(app: app, scene: try f.choice("scene", SceneState.self))
    }

    var members: [JSONMember] {
        return [JSONMember("app", .string(app.rawValue))]
            + (scene.map { [JSONMember("scene", .string($0.rawValue))] } ?? [])
    }

    func apply(to t: inout Transition) throws(ActionRefusal) {
        let simulator = Simulator(config: t.config)
        let path: [PlainAction]
        do throws(UnreachableTarget) {
            path = try simulator.shortestPath(from: t.state, to: StateTarget(app: app, scene: scene))
        } catch {
            throw t.refuse(needs: Needs.reachableTarget(error.reason))
        }
        try Self.follow(path, in: &t)
    }

    /// Takes `path`, a path the search found from `t.state`, step by step.
    static func follow(_ path: [PlainAction], in t: inout Transition) throws(ActionRefusal) {
        let simulator = Simulator(config: t.config)
        for plain in path {
            // The search applied these very actions to these very snapshots.
            guard let outcome = try? simulator.apply(plain.action, to: t.state) else {
                throw t.refuse(needs: Needs.reachableTarget("the path did not replay"))
            }
            for c in outcome.callbacks { t.record(c) }
            t.state = outcome.state
            t.steps.append(TakenStep(action: plain.action, callbackCount: outcome.callbacks.count))
        }
    }

    /// None: a shortcut through the others, possible in every state for some target
    /// and refused for others, so `allowedActions` listing it would say nothing, and a
    /// search through it would search within itself.
    static func variants(in state: AppSnapshot, of simulator: Simulator) -> [ActionVariant] {
        []
    }

    static let isPlain = false
    /// False: it replays its path step by step into the state, and a step that would
    /// not replay (none the search returns) refuses after the earlier ones acted.
    static let refusesBeforeActing = false

    static func random<G: RandomNumberGenerator>(using g: inout G, in state: AppSnapshot) -> Action {
        if Int.random(in: 0..<8, using: &g) == 0 {
            return .moveTo(
                app: RandomMembers.choice(AppState.self, using: &g),
                scene: RandomMembers.choice(SceneState.self, using: &g))
        }
        // The model's plain actions need a config; the defaults of this state's kind
        // of app (scenes or not) stand in: only the target's app state is taken.
        let config = SessionConfig(lifecycle: state.scenes.isEmpty ? .app : .scene)
        let sim = Simulator(config: config)
        let plain = sim.plainActions(in: state)
        guard let pick = plain.randomElement(using: &g), let next = try? sim.apply(pick.action, to: state) else {
            return .moveTo(app: state.app, scene: nil)
        }
        return .moveTo(app: next.state.app, scene: next.state.scenes.randomElement(using: &g)?.state)
    }

    static var examples: [(label: String, action: Action)] {
        [
            ("to suspended", .moveTo(app: .suspended, scene: nil)),
            ("to background with a scene foregroundInactive", .moveTo(app: .background, scene: .foregroundInactive)),
        ]
    }
}

extension Action {
    public static func moveTo(app: AppState, scene: SceneState?) -> Action {
        .moveTo(MoveToAction(app: app, scene: scene))
    }
}
