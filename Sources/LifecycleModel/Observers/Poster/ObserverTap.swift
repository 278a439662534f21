/// Where the recorders of `Transition` hand each UIKit-level event to the observers
/// (issue #20). Called only when the session has observers (`Transition.observers`
/// non-nil); the recorders' own cost without them is that one nil check. The tap asks
/// the `NotificationPoster` what is posted around the event, appends the
/// notifications (channel `notifications`) and what each lens makes of them to the
/// same callback list, in the order an app observes them.
extension Transition {
    // MARK: Hooks

    /// `observeAppCall`, kept out of the recorders (they stay small where no session observes).
    @inline(never)
    mutating func tapAppCall(_ callback: consuming Callback, appDelegate: Bool) {
        guard let o = observers else { return append(callback) }
        observeAppCall(callback, appDelegate: appDelegate, o)
    }

    /// `observeSceneCall`, kept out of the recorders.
    @inline(never)
    mutating func tapSceneCall(_ method: SceneDelegateMethod, _ index: Int, args: JSONValue?) {
        guard let o = observers else { return recordSceneCall(method, index, args: args) }
        observeSceneCall(method, index, args: args, o)
    }

    /// An app-level call (`call(_:on:args:)`): the notifications UIKit posts around it
    /// and the app-delegate input of the lenses that hook the delegate (MAUI).
    mutating func observeAppCall(_ callback: consuming Callback, appDelegate: Bool, _ o: ObserverProfile) {
        guard appDelegate else { return append(callback) }
        prepareObservers(o)
        let poster = NotificationPoster(profile: o)
        let app = state.app
        // Read before the callback moves into the list.
        let method = callback.method
        let posts = state.changeObservers { poster.aroundAppDelegate(method, app: app, &$0) }
        if let posts { deliver(posts.before, o) }
        append(callback)
        if let call = AppDelegateLifecycleCall(method) {
            let appState = observedAppState(o)
            feedLenses(.appDelegate(call, appState: appState, hasSceneManifest: o.usesScenes), appState: appState, o)
        }
        if let posts { deliver(posts.after, o) }
    }

    /// A scene-delegate call (`callScene`, before the SwiftUI translation): the scene's
    /// notification, the key window and the app-level notifications of the aggregate.
    mutating func observeSceneCall(_ method: SceneDelegateMethod, _ index: Int, args: JSONValue?, _ o: ObserverProfile)
    {
        prepareObservers(o)
        guard let (note, after) = NotificationPoster.sceneNotification(method), state.observerMemory != nil else {
            return recordSceneCall(method, index, args: args)
        }
        let poster = NotificationPoster(profile: o)
        let id = state.scenes[index].id
        let readState = observedSceneState(state.scenes[index], o)
        let sceneAppState = observedAppState(o)
        let scenes = state.scenes
        let posts =
            state.changeObservers { poster.aroundSceneDelegate(note, after: after, index: index, scenes: scenes, &$0) }
            ?? (before: [], after: [])
        if o.swiftUI && o.scenePhaseAfterNotifications {
            // docs/observers.md (UNSURE): the scenePhase change comes in the update pass
            // after the UIScene notification; SwiftUI's own scene delegate is not app code.
            deliver(posts.before + posts.after, o)
            return recordSceneCall(method, index, args: args)
        }
        deliver(posts.before, o)
        recordSceneCall(method, index, args: args)
        if !o.swiftUI, let call = SceneDelegateLifecycleCall(method) {
            feedLenses(
                .sceneDelegate(call, sceneId: id, sceneState: readState, appState: sceneAppState),
                appState: sceneAppState, o)
        }
        deliver(posts.after, o)
    }

    /// A view controller's appearance call (after its own callback): the lenses that
    /// follow their host controller (Flutter, Compose Multiplatform).
    mutating func observeAppearance(_ event: Appearance.Event, _ ref: ViewControllerRef, _ o: ObserverProfile) {
        prepareObservers(o)
        let window = state.windows[ref.window]
        let sceneState = window.sceneId.flatMap { id in
            state.scenes.first { $0.id == id }.map { observedSceneState($0, o) }
        }
        let appState = observedAppState(o)
        feedLenses(
            .appearance(
                ControllerAppearance(
                    event, controller: window[ref].name, sceneId: window.sceneId, sceneState: sceneState,
                    appState: appState)),
            appState: appState, o)
    }

    /// A new process (before its first UIKit call, or at its prewarm): the poster
    /// forgets the previous process; each lens is told (`processStart`).
    mutating func observeProcessStart() {
        guard let o = observers else { return }
        var memory = ObserverSnapshot(lenses: state.observerMemory?.value.lenses ?? o.initialLenses)
        // A scene app's process starts in the background; its scenes connect later (facts §4).
        memory.announced = .background
        state.replaceObservers(memory)
        feedLenses(.processStart, appState: .background, o)
    }

    /// [A-mem] DOC: the memory warning's notification, after the app delegate and the
    /// view controllers have heard it.
    mutating func postMemoryWarning() {
        guard let o = observers, state.observers?.memoryWarningPending == true else { return }
        state.changeObservers { $0.memoryWarningPending = false }
        deliver([PostedNotification(input: .application(.didReceiveMemoryWarning, appState: observedAppState(o)))], o)
    }

    /// The action's run-loop turn ends (`Simulator.apply`): a scene app's announced
    /// state catches up with its scenes (an activation the poster waited for that did
    /// not come), then each lens runs what it queued (`endOfTurn`). A process that does
    /// not run code observes nothing.
    mutating func observeEndOfTurn() {
        guard let o = observers, state.observerMemory != nil else { return }
        if state.app.isExecuting {
            if o.usesScenes {
                let target = NotificationPoster.aggregate(state.scenes.map(\.state))
                let posts = state.changeObservers { NotificationPoster(profile: o).announce(target, &$0) } ?? []
                deliver(posts, o)
            }
            postMemoryWarning()
            feedLenses(.endOfTurn, appState: observedAppState(o), o)
        }
        state.changeObservers { memory in
            memory.launchTurn = false
            memory.freshScenes = []
            memory.foregroundDeferred = false
        }
    }

    // MARK: Delivery

    /// `applicationState` as observers read it now.
    private func observedAppState(_ o: ObserverProfile) -> AppState {
        guard let memory = state.observerMemory else { return state.app }
        // The announced state alone: that is all the poster reads.
        return NotificationPoster(profile: o).observedAppState(state.app, announced: memory.value.announced)
    }

    /// `scene`'s activation state as code reads it now (`NotificationPoster.readState`).
    /// The box's reference ends with the call, so that the next change finds it unique.
    private func observedSceneState(_ scene: SceneSnapshot, _ o: ObserverProfile) -> SceneState {
        guard let memory = state.observerMemory else { return scene.state }
        return NotificationPoster(profile: o).readState(
            of: scene.id, scene.state, freshScenes: memory.value.freshScenes)
    }

    /// The observers' memory exists from the first event on (a session's first action
    /// may find a process the config did not start, e.g. a restored journal).
    private mutating func prepareObservers(_ o: ObserverProfile) {
        if state.observerMemory == nil {
            var memory = ObserverSnapshot(lenses: o.initialLenses)
            memory.announced = state.app
            state.replaceObservers(memory)
        }
    }

    /// Each notification, in order (`deliver(_:_:)` of one).
    private mutating func deliver(_ posts: [PostedNotification], _ o: ObserverProfile) {
        for post in posts { deliver(post, o) }
    }

    /// What an app-delegate call posts on one side, in order.
    private mutating func deliver(_ posts: AppDelegatePosts, _ o: ObserverProfile) {
        if posts.keyWindow {
            deliver(PostedNotification(input: .window(.didBecomeKey, sceneId: nil, appState: posts.appState)), o)
        }
        if let note = posts.implicitScene {
            // The implicit scene has no id, and no state of its own to report.
            deliver(PostedNotification(input: .scene(note, sceneId: nil, appState: posts.appState)), o)
        }
        if let note = posts.application {
            deliver(PostedNotification(input: .application(note, appState: posts.appState)), o)
        }
    }

    /// One notification: its item when the session asked for `notifications`, then
    /// what every lens makes of it.
    private mutating func deliver(_ post: PostedNotification, _ o: ObserverProfile) {
        let appState: AppState
        if o.reportsNotifications {
            let item: Callback
            switch post.input {
            case .application(let note, let s):
                appState = s
                item = Callback(
                    .notificationCenter(sceneId: nil, sceneState: nil), method: .notification(.application(note)),
                    appState: s)
            case .scene(let note, let id, let s):
                appState = s
                item = Callback(
                    .notificationCenter(sceneId: id, sceneState: post.sceneState),
                    method: .notification(.scene(note)), appState: s)
            case .window(let note, let id, let s):
                appState = s
                item = Callback(
                    .notificationCenter(sceneId: id, sceneState: nil), method: .notification(.window(note)),
                    appState: s)
            default:
                return
            }
            append(item)
        } else {
            appState = post.input.appState ?? state.app
        }
        feedLenses(post.input, appState: appState, o)
    }

    /// Folds `input` into every lens, appending the items each delivers (receiver: the
    /// channel), in the config's order of channels.
    private mutating func feedLenses(_ input: LensInput, appState: AppState, _ o: ObserverProfile) {
        // Items carry a running state: a lens speaks only while the process runs.
        let itemState = appState.isExecuting ? appState : .background
        reserveForObservers()
        // The lenses fold in place in the memory while their items go to the callbacks,
        // held apart for the change.
        var items: [Callback] = []
        swap(&items, &callbacks)
        state.changeObservers { $0.observe(input, itemState: itemState, into: &items) }
        swap(&items, &callbacks)
    }
}

extension LensInput {
    /// The `applicationState` a notification carries; nil for other inputs.
    var appState: AppState? {
        switch self {
        case .application(_, let s), .scene(_, _, let s), .window(_, _, let s): s
        default: nil
        }
    }
}
