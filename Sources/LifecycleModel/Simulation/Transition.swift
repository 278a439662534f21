/// The work area of one action: the app as it changes, and the callbacks so far.
///
/// The life-cycle primitives (Stages/: become active, resign active, enter
/// background, enter foreground, connect), the phases built on them (process start,
/// leave foreground, launch into background, terminate) and the action rules are
/// extensions on this type, written once for sceneless and scene apps; they read the
/// session's `Profile` for everything that depends on the iOS version or the config,
/// and its `DelegateVocabulary` for which delegate hears what.
struct Transition {
    /// The simulator's config and profile, borrowed (not copied) for each access.
    let model: SimulatorModel
    var config: SessionConfig { _read { yield model.config } }
    var profile: Profile { _read { yield model.profile } }
    /// The action being applied, for refusals.
    let action: ActionKind
    var state: AppSnapshot
    /// Appended by the recorders (`append`) and, for lens items, in place by the observer tap.
    var callbacks: [Callback] = []
    /// The plain actions a `moveTo` took.
    var steps: [TakenStep] = []
    /// The session's observers (issue #20), nil without: read from the shared model in
    /// place (through `profile`'s accessor they were copied out with the profile).
    var observers: ObserverProfile? { model.profile.observers }
    /// The session has observers: read once here, so that the recorders of a session
    /// without them test one stored flag and keep the tap out of line. (A stored reference
    /// to the observers in its place measured 2.4 % more an explained log entry, whose
    /// search makes thousands of transitions; the action scenarios did not move.)
    let observing: Bool

    init(model: SimulatorModel, action: ActionKind, state: AppSnapshot) {
        self.model = model
        self.action = action
        self.state = state
        self.observing = model.profile.observers != nil
    }

    /// Appends to `callbacks`, making room at the first for the handful a typical
    /// action records. Not reserved up front: many transitions are probes that call
    /// nothing. The callback is moved in (`consuming`).
    mutating func append(_ callback: consuming Callback) {
        let room = observing ? Self.observedCapacity : 8
        if callbacks.capacity < room { callbacks.reserveCapacity(room) }
        callbacks.append(callback)
    }

    /// Room for an observed action's callbacks: the notifications and the lenses' items
    /// make several times a plain action's (about 18 for a Home and back; issue #20).
    static let observedCapacity = 32

    /// `append`'s first reservation, for the lenses' items appended in place.
    mutating func reserveForObservers() {
        if callbacks.capacity < Self.observedCapacity { callbacks.reserveCapacity(Self.observedCapacity) }
    }

    /// Records a callback in the app's current state.
    mutating func call(_ method: CallbackMethod, on target: CallbackTarget = .appDelegate, args: JSONValue? = nil) {
        // facts §2.2: suspended or not-running processes get no callbacks.
        assert(state.app.isExecuting, "\(method) called while \(state.app)")
        let appDelegate: Bool
        if case .appDelegate = target { appDelegate = true } else { appDelegate = false }
        let callback = Callback(
            appDelegate ? delegates.appDelegateTarget : target, method: method, appState: state.app, args: args)
        // Issue #20: the observers' tap, out of line; one flag when the session has none.
        if observing { return tapAppCall(callback, appDelegate: appDelegate) }
        append(callback)
    }

    /// Records a scene delegate callback of scene `index`, with its current state.
    mutating func callScene(_ method: SceneDelegateMethod, _ index: Int, args: JSONValue? = nil) {
        assert(state.app.isExecuting, "\(method) called while \(state.app)")
        if observing { return tapSceneCall(method, index, args: args) }
        recordSceneCall(method, index, args: args)
    }

    /// The scene call itself: SwiftUI's translation, or the scene delegate's callback.
    mutating func recordSceneCall(_ method: SceneDelegateMethod, _ index: Int, args: JSONValue?) {
        if let v = delegates.swiftUI { return swiftUISceneEvent(method, index, args: args, v) }
        let scene = state.scenes[index]
        append(
            Callback(
                .sceneDelegate(SceneRef(id: scene.id, state: scene.state)), method: .sceneDelegate(method),
                appState: state.app, args: args))
    }

    /// Records a callback built elsewhere (view-controller callbacks).
    mutating func record(_ callback: Callback) {
        assert(callback.appState.isExecuting, "\(callback.method) called while \(callback.appState)")
        append(callback)
    }

    /// The scene of window `w`, as a callback names it; nil in a sceneless app.
    func sceneRef(ofWindow w: Int) -> SceneRef? {
        guard let id = state.windows[w].sceneId, let scene = state.scenes.first(where: { $0.id == id }) else {
            return nil
        }
        return SceneRef(id: id, state: scene.state)
    }

    /// Records the same callback `count` times (UIKit's repeated orientation queries).
    mutating func call(_ method: CallbackMethod, times count: Int) {
        for _ in 0..<count { call(method) }
    }

    /// Moves the app to another state (starting or ending its process, `AppSnapshot.enter`).
    mutating func enter(_ app: AppState) {
        state.enter(app)
    }

    /// The refusal of this action in the current state.
    func refuse(needs: String) -> ActionRefusal {
        ActionRefusal(action: action, state: state.app, needs: needs)
    }

    /// Runs a scene action; a sceneless app has no scenes to act on.
    mutating func sceneAction(_ body: (inout Transition) throws(ActionRefusal) -> Void) throws(ActionRefusal) {
        try require(delegates.perScene, Needs.sceneBasedSession)
        try body(&self)
    }

    /// Refuses unless `condition` holds.
    func require(_ condition: Bool, _ needs: @autoclosure () -> String) throws(ActionRefusal) {
        if !condition { throw refuse(needs: needs()) }
    }

    var outcome: ActionOutcome { ActionOutcome(callbacks: callbacks, state: state, steps: steps) }
}
