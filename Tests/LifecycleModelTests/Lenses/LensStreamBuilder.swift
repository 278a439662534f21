import LifecycleModel

/// Builds `LensInput` streams shaped like what UIKit posts for a few user actions, so
/// the lens tests feed each lens what a real app observes: the delegate calls, the
/// notifications in their documented places (a UIApplication notification after its
/// delegate method, willEnterForeground's before it; [A-appnotes] DOC), the scene
/// ones beside the scene delegate's calls, and the app-level four following the
/// most active scene ([A-state] DOC). A sceneless app on iOS 13+ also posts UIScene
/// notifications for its implicit scene on warm transitions (sceneId nil), and at a
/// cold launch only its didActivate ([BATCH-life]; the poster's default). Each action
/// ends its run-loop turn with `endOfTurn`, except a
/// termination (the process is gone).
///
/// This is test scaffolding, not the notification poster: it knows only the few
/// transitions below.
struct LensStreamBuilder {
    enum Kind: Equatable {
        /// A sceneless app; `implicitScene`: iOS 13+, where warm transitions also post
        /// UIScene notifications.
        case sceneless(implicitScene: Bool)
        /// A scene app (iPad when it may open several scenes).
        case scenes
    }

    let kind: Kind
    let root: String
    private(set) var inputs: [LensInput] = []
    /// The app as a whole; `.suspended` runs no code and observes nothing.
    private(set) var appState: AppState = .notRunning
    /// Connected scenes (scene apps) with their states, in connection order.
    private(set) var scenes: [(id: String, state: SceneState)] = []
    private var nextSceneNumber = 1

    init(_ kind: Kind, root: String = "root") {
        self.kind = kind
        self.root = root
    }

    var usesScenes: Bool { kind == .scenes }
    private var implicitScene: Bool { kind == .sceneless(implicitScene: true) }

    /// Takes the inputs built so far, leaving the builder's state.
    mutating func take() -> [LensInput] {
        defer { inputs = [] }
        return inputs
    }

    // MARK: - Actions

    /// A cold launch by icon (foreground) or into the background (a fetch).
    mutating func launch(foreground: Bool = true) {
        precondition(appState == .notRunning)
        emit(.processStart)
        if usesScenes {
            appState = .background
            emit(.appDelegate(.didFinishLaunching, appState: .background, hasSceneManifest: true))
            emit(.application(.didFinishLaunching, appState: .background))
            // A background launch connects no scene.
            if foreground { connectScene() }
        } else {
            appState = foreground ? .inactive : .background
            emit(.appDelegate(.didFinishLaunching, appState: appState, hasSceneManifest: false))
            emit(.application(.didFinishLaunching, appState: appState))
            appear(.viewWillAppear, scene: nil)
            if foreground {
                appState = .active
                emit(.appDelegate(.didBecomeActive, appState: .active, hasSceneManifest: false))
                if implicitScene { emit(.scene(.didActivate, sceneId: nil, appState: .active)) }
                emit(.application(.didBecomeActive, appState: .active))
                appear(.viewDidAppear, scene: nil)
            } else {
                appear(.viewDidAppear, scene: nil)
                emit(.appDelegate(.didEnterBackground, appState: .background, hasSceneManifest: false))
                emit(.application(.didEnterBackground, appState: .background))
            }
        }
        emit(.endOfTurn)
    }

    /// The Home gesture: every foreground scene (or the app) resigns and enters the background.
    mutating func home() {
        precondition(appState == .active || appState == .inactive)
        if usesScenes {
            for scene in scenes where scene.state.isForegroundState { sceneToBackground(scene.id) }
        } else {
            if appState == .active { resignSceneless() }
            emit(.appDelegate(.didEnterBackground, appState: .background, hasSceneManifest: false))
            if implicitScene { emit(.scene(.didEnterBackground, sceneId: nil, appState: .background)) }
            appState = .background
            emit(.application(.didEnterBackground, appState: .background))
        }
        emit(.endOfTurn)
    }

    /// Back to the app from the background or suspension (the first scene, or a new
    /// one if none is connected).
    mutating func returnToApp() {
        precondition(appState == .background || appState == .suspended)
        // A suspended process resumes in the background first (it observes nothing while suspended).
        appState = .background
        if usesScenes {
            if let first = scenes.first {
                sceneToForeground(first.id)
            } else {
                connectScene()
            }
        } else {
            if implicitScene { emit(.scene(.willEnterForeground, sceneId: nil, appState: .background)) }
            emit(.application(.willEnterForeground, appState: .background))
            emit(.appDelegate(.willEnterForeground, appState: .background, hasSceneManifest: false))
            appState = .active
            emit(.appDelegate(.didBecomeActive, appState: .active, hasSceneManifest: false))
            if implicitScene { emit(.scene(.didActivate, sceneId: nil, appState: .active)) }
            emit(.application(.didBecomeActive, appState: .active))
        }
        emit(.endOfTurn)
    }

    /// Control Center pulled down: the active app resigns, still in the foreground.
    mutating func openControlCenter() {
        precondition(appState == .active)
        if usesScenes {
            for scene in scenes where scene.state == .foregroundActive { sceneResign(scene.id) }
        } else {
            resignSceneless()
        }
        emit(.endOfTurn)
    }

    /// Control Center dismissed: the app becomes active again.
    mutating func closeControlCenter() {
        precondition(appState == .inactive)
        if usesScenes {
            for scene in scenes where scene.state == .foregroundInactive { sceneActivate(scene.id) }
        } else {
            appState = .active
            emit(.appDelegate(.didBecomeActive, appState: .active, hasSceneManifest: false))
            if implicitScene { emit(.scene(.didActivate, sceneId: nil, appState: .active)) }
            emit(.application(.didBecomeActive, appState: .active))
        }
        emit(.endOfTurn)
    }

    /// Termination of a running process: from the background, or a switcher kill in
    /// the foreground (resign first). Scene apps disconnect their scenes before
    /// willTerminate. No end of turn: the process is gone.
    mutating func terminate() {
        precondition(appState == .active || appState == .inactive || appState == .background)
        if usesScenes {
            for scene in scenes where scene.state == .foregroundActive { sceneResign(scene.id) }
            for scene in scenes { disconnectScene(scene.id) }
        } else if appState == .active {
            resignSceneless()
        }
        emit(.appDelegate(.willTerminate, appState: appState, hasSceneManifest: usesScenes))
        emit(.application(.willTerminate, appState: appState))
        appState = .notRunning
        scenes = []
    }

    /// The system suspends the backgrounded app (nothing is observed).
    mutating func suspend() {
        precondition(appState == .background)
        appState = .suspended
    }

    /// The suspended app is purged (nothing is observed).
    mutating func purge() {
        precondition(appState == .suspended)
        appState = .notRunning
        scenes = []
    }

    /// A memory warning to a running app.
    mutating func memoryWarning() {
        precondition(appState.isExecuting)
        emit(.application(.didReceiveMemoryWarning, appState: appState))
        emit(.endOfTurn)
    }

    /// A new window on iPad while the app is in the foreground: it connects, enters
    /// the foreground and becomes active beside the others.
    mutating func openScene() {
        precondition(usesScenes && (appState == .active || appState == .inactive))
        connectScene()
        emit(.endOfTurn)
    }

    /// The user closes a window in the switcher: it resigns, enters the background and
    /// disconnects.
    mutating func closeScene(_ id: String) {
        precondition(usesScenes && scenes.contains { $0.id == id })
        if state(of: id).isForegroundState { sceneToBackground(id) }
        disconnectScene(id)
        emit(.endOfTurn)
    }

    // MARK: - Scene steps

    private mutating func connectScene() {
        let id = "scene-\(nextSceneNumber)"
        nextSceneNumber += 1
        scenes.append((id, .unattached))
        emit(.sceneDelegate(.willConnect, sceneId: id, sceneState: .unattached, appState: appState))
        emit(.scene(.willConnect, sceneId: id, appState: appState))
        setState(id, .background)
        appear(.viewWillAppear, scene: id)
        // At its first foreground entry the scene still reads unattached.
        emit(.sceneDelegate(.willEnterForeground, sceneId: id, sceneState: .unattached, appState: appState))
        emit(.scene(.willEnterForeground, sceneId: id, appState: appState))
        setState(id, .foregroundInactive)
        emit(.sceneDelegate(.didBecomeActive, sceneId: id, sceneState: .foregroundActive, appState: appState))
        emit(.scene(.didActivate, sceneId: id, appState: appState))
        setState(id, .foregroundActive)
        // iOS 14+: at a cold launch the app-level pair follows the scene's activation,
        // and applicationState lags until then.
        postAggregate()
        appear(.viewDidAppear, scene: id)
    }

    private mutating func sceneToForeground(_ id: String) {
        precondition(state(of: id) == .background)
        emit(.sceneDelegate(.willEnterForeground, sceneId: id, sceneState: .background, appState: appState))
        emit(.scene(.willEnterForeground, sceneId: id, appState: appState))
        setState(id, .foregroundInactive)
        postAggregate()
        emit(.sceneDelegate(.didBecomeActive, sceneId: id, sceneState: .foregroundActive, appState: appState))
        emit(.scene(.didActivate, sceneId: id, appState: appState))
        setState(id, .foregroundActive)
        postAggregate()
    }

    private mutating func sceneToBackground(_ id: String) {
        if state(of: id) == .foregroundActive { sceneResign(id) }
        emit(.sceneDelegate(.didEnterBackground, sceneId: id, sceneState: .background, appState: appState))
        setState(id, .background)
        emit(.scene(.didEnterBackground, sceneId: id, appState: appState))
        postAggregate()
    }

    private mutating func sceneResign(_ id: String) {
        emit(.sceneDelegate(.willResignActive, sceneId: id, sceneState: .foregroundActive, appState: appState))
        // applicationState is still active when willDeactivate arrives.
        emit(.scene(.willDeactivate, sceneId: id, appState: appState))
        setState(id, .foregroundInactive)
        postAggregate()
    }

    private mutating func sceneActivate(_ id: String) {
        emit(.sceneDelegate(.didBecomeActive, sceneId: id, sceneState: .foregroundActive, appState: appState))
        emit(.scene(.didActivate, sceneId: id, appState: appState))
        setState(id, .foregroundActive)
        postAggregate()
    }

    private mutating func disconnectScene(_ id: String) {
        emit(.sceneDelegate(.didDisconnect, sceneId: id, sceneState: state(of: id), appState: appState))
        emit(.scene(.didDisconnect, sceneId: id, appState: appState))
        scenes.removeAll { $0.id == id }
        postAggregate()
    }

    /// applicationState catches up with the most active scene, with the UIApplication
    /// notifications for the change.
    private mutating func postAggregate() {
        let before = appState
        let after = aggregate
        guard before != after else { return }
        if before == .active { emit(.application(.willResignActive, appState: .active)) }
        appState = after
        if before == .background {
            emit(.application(.willEnterForeground, appState: after == .active ? .inactive : after))
        }
        if after == .background { emit(.application(.didEnterBackground, appState: after)) }
        if after == .active { emit(.application(.didBecomeActive, appState: .active)) }
    }

    private var aggregate: AppState {
        let states = scenes.map(\.state)
        if states.contains(.foregroundActive) { return .active }
        if states.contains(.foregroundInactive) { return .inactive }
        return .background
    }

    private func state(of id: String) -> SceneState {
        scenes.first { $0.id == id }?.state ?? .unattached
    }

    private mutating func setState(_ id: String, _ state: SceneState) {
        guard let index = scenes.firstIndex(where: { $0.id == id }) else { return }
        scenes[index].state = state
    }

    // MARK: - Sceneless steps

    private mutating func resignSceneless() {
        emit(.appDelegate(.willResignActive, appState: .active, hasSceneManifest: false))
        if implicitScene { emit(.scene(.willDeactivate, sceneId: nil, appState: .active)) }
        emit(.application(.willResignActive, appState: .active))
        appState = .inactive
    }

    private mutating func appear(_ event: Appearance.Event, scene: String?) {
        emit(
            .appearance(
                ControllerAppearance(
                    event, controller: root, sceneId: scene, sceneState: scene.map { self.state(of: $0) },
                    appState: appState)))
    }

    private mutating func emit(_ input: LensInput) { inputs.append(input) }
}

extension SceneState {
    var isForegroundState: Bool { self == .foregroundActive || self == .foregroundInactive }
}
