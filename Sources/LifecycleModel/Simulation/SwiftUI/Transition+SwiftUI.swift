/// The recorders' SwiftUI half: each UIKit call of a SwiftUI session as the app's
/// SwiftUI code sees it (breadth §7; `SwiftUIVocabulary`).
extension Transition {
    /// `App.init()` and the adaptor's `init()`, before any UIKit call (breadth §7.1).
    mutating func startSwiftUIApp() {
        for c in delegates.swiftUI?.processStart ?? [] { call(c.method, on: c.target) }
    }

    /// A UIKit scene-delegate call, which SwiftUI's own scene delegate receives.
    mutating func swiftUISceneEvent(
        _ method: SceneDelegateMethod, _ index: Int, args: JSONValue?, _ v: SwiftUIVocabulary
    ) {
        switch method {
        case .willEnterForeground:
            // breadth §7.3 ([JSQ]): a launch shows only inactive → active; the
            // background → inactive change is seen once the scene's view has been shown.
            scenePhaseChange(index, from: .background, to: .inactive, fromObserved: rootShown(index), v)
        case .didBecomeActive:
            scenePhaseChange(index, from: .inactive, to: .active, fromObserved: true, v)
        case .willResignActive:
            scenePhaseChange(index, from: .active, to: .inactive, fromObserved: true, v)
        case .didEnterBackground:
            scenePhaseChange(index, from: .inactive, to: .background, fromObserved: true, v)
        case .openURLContexts:
            // breadth §7.6: the URL reaches the views' onOpenURL.
            var url = JSONValue.null
            if case .array(let contexts)? = args?["urlContexts"], let first = contexts.first?["url"] { url = first }
            rootViewEvent(.swiftUI(.onOpenURL), index, args: .object(["url": url]))
        case .continueUserActivity:
            // breadth §7.6 ([EXP78]): SwiftUI's scene delegate forwards scene(_:continue:)
            // to onContinueUserActivity.
            rootViewEvent(.swiftUI(.onContinueUserActivity), index, args: args)
        case .willConnect, .didDisconnect, .willContinueUserActivity, .performAction, .stateRestorationActivity,
            .didUpdateCoordinateSpace, .didUpdateEffectiveGeometry:
            // Connection, disconnection, the will-continue and quick-action calls, the
            // restoration activity and geometry updates stay inside SwiftUI: no app code runs.
            break
        }
    }

    /// One scene's phase change and, when the aggregate moves, the App's (breadth
    /// §7.3–7.4). Documented choice: the scene's handlers run before the App's, whose
    /// phase is derived from the scenes'. `fromObserved` is false for a scene's first
    /// phase, which is its initial value, not a change.
    private mutating func scenePhaseChange(
        _ i: Int, from: ScenePhase, to: ScenePhase, fromObserved: Bool, _ v: SwiftUIVocabulary
    ) {
        // Quirk swiftUIScenePhaseTiming: the state the handlers run in.
        let sceneState = (v.phaseTiming == .afterSceneCallback ? to : from).sceneState
        let appState = appState(withScene: i, in: sceneState)
        let change = JSONValue.object(["from": .string(from.rawValue), "to": .string(to.rawValue)])
        if fromObserved {
            record(
                Callback(
                    .scene(SceneRef(id: state.scenes[i].id, state: sceneState)), method: .swiftUI(.scenePhaseChange),
                    appState: appState, args: change))
        }
        let before = appPhase(withScene: i, in: fromObserved ? from : nil)
        let after = appPhase(withScene: i, in: to)
        if let before, let after, before != after {
            record(
                Callback(
                    .app, method: .swiftUI(.scenePhaseChange), appState: appState,
                    args: .object(["from": .string(before.rawValue), "to": .string(after.rawValue)])))
        }
    }

    /// Whether scene `i`'s root view has been shown: its phase has been read.
    private func rootShown(_ i: Int) -> Bool {
        window(for: state.scenes[i].id).map { state.windows[$0].rootShown } ?? false
    }

    /// The App-level phase with scene `i` in `phase` (nil: not yet read) and the other
    /// scenes whose views have been shown as they are. With no scene to read it is
    /// unset in a process this action started (its first value comes with the first
    /// scene), else background: a running process whose scenes are gone, or that was
    /// launched in the background without one, is in the background.
    private func appPhase(withScene i: Int, in phase: ScenePhase?) -> ScenePhase? {
        var phases = state.scenes.indices.filter { $0 != i && rootShown($0) }.compactMap {
            ScenePhase(state.scenes[$0].state)
        }
        if let phase { phases.append(phase) }
        if phases.isEmpty && !callbacks.contains(where: { $0.method == .swiftUI(.appInit) }) {
            return .background
        }
        return ScenePhase.aggregate(phases)
    }

    /// The app state with scene `i` in `s`: that of the most active scene ([A-state]).
    private func appState(withScene i: Int, in s: SceneState) -> AppState {
        let states = state.scenes.indices.map { $0 == i ? s : state.scenes[$0].state }
        if states.contains(.foregroundActive) { return .active }
        if states.contains(.foregroundInactive) { return .inactive }
        return state.app.isForegroundApp ? .background : state.app
    }

    /// A hosting controller's appearance call as its view sees it: `onAppear` where
    /// it starts appearing from off screen, `onDisappear` where it has gone. Apple:
    /// onAppear's action runs before the view appears and completes before the first
    /// frame ([A-onappear], DOC), and at launch before the phase becomes active
    /// ([JSQ]); onDisappear's after it disappears. Documented choice (breadth §7.5:
    /// no log shows both): onAppear at viewWillAppear's place, onDisappear at
    /// viewDidDisappear's, one each per visit (the figure's reversals, a cancelled
    /// swipe, do not repeat them).
    mutating func swiftUIAppearance(_ event: Appearance.Event, _ ref: ViewControllerRef, from before: Appearance) {
        switch event {
        case .viewWillAppear: if before == .disappeared { viewEvent(.swiftUI(.onAppear), ref) }
        case .viewDidDisappear: viewEvent(.swiftUI(.onDisappear), ref)
        case .viewDidAppear, .viewWillDisappear: break
        }
    }

    /// A handler on the root view of scene `index`'s window.
    private mutating func rootViewEvent(_ method: CallbackMethod, _ index: Int, args: JSONValue?) {
        guard let w = window(for: state.scenes[index].id) else { return }
        viewEvent(method, root(w), args: args)
    }

    /// Records a view's handler (receiver `view`; `viewController` names the view,
    /// which is its hosting controller's name in `state.windows`).
    private mutating func viewEvent(_ method: CallbackMethod, _ ref: ViewControllerRef, args: JSONValue? = nil) {
        let target = CallbackTarget.view(
            name: state.windows[ref.window][ref].name, scene: sceneRef(ofWindow: ref.window))
        record(Callback(target, method: method, appState: state.app, args: args))
    }
}
