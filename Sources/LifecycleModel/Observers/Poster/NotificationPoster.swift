/// A notification as the observers receive it: the lens input, and the scene's
/// activation state as it reads then (for the item of a UIScene notification).
struct PostedNotification: Equatable {
    var input: LensInput
    var sceneState: SceneState?
}

/// What an app-delegate call posts on one side of it, in this order: the key window's
/// didBecomeKey (a sceneless app's launch), the implicit scene's notification (a
/// sceneless app on iOS 13+), the app-level notification; each in `appState`.
///
/// Plain values, not an array of posts: each is posted at most once, in this order.
struct AppDelegatePosts {
    var keyWindow = false
    var implicitScene: UISceneNotification?
    var application: UIApplicationNotification?
    /// `applicationState` as the observers read it.
    var appState: AppState
}

/// The notifications UIKit posts around one delegate call, derived from the call and
/// the app's state changes (docs/observers.md, "The notification poster"). The rules
/// never change the life cycle: they only say what `NotificationCenter` delivers
/// before and after a call the model already makes.
struct NotificationPoster {
    let profile: ObserverProfile

    /// `applicationState` as observers read it: in a scene app the state the app-level
    /// notifications announced (it lags the scenes; [BATCH-life]), else the app's own.
    func observedAppState(_ app: AppState, announced: AppState) -> AppState {
        profile.usesScenes && app.isExecuting ? announced : app
    }

    // MARK: App-delegate calls

    /// The posts before and after app-delegate method `method`, in `app` state.
    func aroundAppDelegate(
        _ method: CallbackMethod, app: AppState, _ memory: inout ObserverSnapshot
    ) -> (before: AppDelegatePosts, after: AppDelegatePosts) {
        let none = AppDelegatePosts(appState: observedAppState(app, announced: memory.announced))
        func application(_ note: UIApplicationNotification) -> AppDelegatePosts {
            var posts = none
            posts.application = note
            return posts
        }
        // [BATCH-life] (LOG): a sceneless app on iOS 13+ posts its implicit scene's
        // notification just before the app-level one on warm transitions, and (its
        // notification cold open) the scene's didActivate at a cold launch too.
        func lifecycle(_ scene: UISceneNotification, _ note: UIApplicationNotification) -> AppDelegatePosts {
            guard !profile.usesScenes else { return none }
            var posts = application(note)
            switch profile.implicitSceneNotifications {
            case .warmAndLaunchActivation?:
                if !memory.launchTurn || scene == .didActivate { posts.implicitScene = scene }
            case .warmOnly?:
                if !memory.launchTurn { posts.implicitScene = scene }
            case .never?, nil:
                break
            }
            return posts
        }
        switch method {
        case .appDelegate(.didFinishLaunching):
            memory.launchTurn = true
            // [A-appnotes] DOC: after the delegate method. A sceneless app's window is
            // made key inside it ([A-keywin]); a scene app's comes with its scene.
            var posts = application(.didFinishLaunching)
            if !profile.usesScenes, memory.keyWindow == .none {
                memory.keyWindow = .some(nil)
                posts.keyWindow = true
            }
            return (none, posts)
        case .appDelegate(.willEnterForeground):
            // [A-appnotes] DOC "shortly before"; quirk willEnterForegroundNotificationOrder.
            let posts = lifecycle(.willEnterForeground, .willEnterForeground)
            return profile.willEnterForegroundOrder == .beforeDelegate ? (posts, none) : (none, posts)
        case .appDelegate(.didBecomeActive):
            return (none, lifecycle(.didActivate, .didBecomeActive))
        case .appDelegate(.willResignActive):
            return (none, lifecycle(.willDeactivate, .willResignActive))
        case .appDelegate(.didEnterBackground):
            // [A-appnotes] DOC "around the same time": after, a documented choice.
            return (none, lifecycle(.didEnterBackground, .didEnterBackground))
        case .appDelegate(.willTerminate):
            return (none, application(.willTerminate))
        case .appDelegate(.didReceiveMemoryWarning):
            // [A-mem] DOC: after the view controllers' didReceiveMemoryWarning (posted by
            // `postMemoryWarning()` once they have run).
            memory.memoryWarningPending = true
            return (none, none)
        case .appDelegate(.protectedDataWillBecomeUnavailable):
            return (none, application(.protectedDataWillBecomeUnavailable))  // UNSURE: after
        case .appDelegate(.protectedDataDidBecomeAvailable):
            return (none, application(.protectedDataDidBecomeAvailable))  // UNSURE: after
        default:
            return (none, none)
        }
    }

    // MARK: Scene-delegate calls

    /// The UIScene notification of a scene-delegate method and the scene's state
    /// once the call has returned; nil for methods no notification mirrors.
    static func sceneNotification(_ method: SceneDelegateMethod) -> (note: UISceneNotification, after: SceneState)? {
        switch method {
        case .willConnect: (.willConnect, .background)
        case .willEnterForeground: (.willEnterForeground, .foregroundInactive)
        case .didBecomeActive: (.didActivate, .foregroundActive)
        case .willResignActive: (.willDeactivate, .foregroundInactive)
        case .didEnterBackground: (.didEnterBackground, .background)
        case .didDisconnect: (.didDisconnect, .unattached)
        default: nil
        }
    }

    /// The scene's state as code reads it during a call: a scene that connected in this
    /// turn is still `unattached` until its first willEnterForeground has run ([BATCH-life], LOG).
    func readState(of sceneId: String, _ state: SceneState, freshScenes: [String]) -> SceneState {
        freshScenes.contains(sceneId) ? .unattached : state
    }

    /// The posts of scene `index`'s delegate call `note`: the key window, the scene's
    /// own notification (before or after the call: quirk `sceneNotificationOrder`),
    /// then the app-level notifications of the aggregate change ([A-state], DOC).
    func aroundSceneDelegate(
        _ note: UISceneNotification, after: SceneState, index: Int, scenes: [SceneSnapshot],
        _ memory: inout ObserverSnapshot
    ) -> (before: [PostedNotification], after: [PostedNotification]) {
        let id = scenes[index].id
        let fresh = memory.freshScenes.contains(id)
        let sceneState = readState(of: id, scenes[index].state, freshScenes: memory.freshScenes)
        let scenePost = PostedNotification(
            input: .scene(note, sceneId: id, appState: memory.announced), sceneState: sceneState)
        var window: [PostedNotification] = []
        switch note {
        case .willConnect:
            memory.freshScenes.append(id)
            window = makeKey(id, memory: &memory, always: true)
        case .didActivate:
            window = makeKey(id, memory: &memory, always: false)
        case .didDisconnect:
            memory.freshScenes.removeAll { $0 == id }
            if memory.keyWindow == .some(id) { memory.keyWindow = .none }
        case .willEnterForeground:
            memory.freshScenes.removeAll { $0 == id }
        default:
            break
        }
        var app: [PostedNotification] = []
        if note == .willEnterForeground && fresh && profile.appForegroundInScene == .afterSceneActivation {
            // [BATCH-life] iOS 14+: the app-level pair follows the scene's activation.
            memory.foregroundDeferred = true
        } else {
            let target = Self.aggregate(scenes.indices.map { $0 == index ? after : scenes[$0].state })
            app = announce(target, &memory)
        }
        if profile.sceneNotificationOrder == .beforeDelegate {
            return ([scenePost], window + app)
        }
        return ([], window + [scenePost] + app)
    }

    /// The window of scene `id` becomes key ([A-keywin], DOC): each scene's own from
    /// iOS 15 (at its connection), the app's one key window before (also when another
    /// scene activates), the previous one resigning first.
    private func makeKey(_ id: String, memory: inout ObserverSnapshot, always: Bool) -> [PostedNotification] {
        let appState = memory.announced
        if profile.keyWindowPerScene {
            return always ? [PostedNotification(input: .window(.didBecomeKey, sceneId: id, appState: appState))] : []
        }
        guard memory.keyWindow != .some(id) else { return [] }
        var posts: [PostedNotification] = []
        if case .some(let previous) = memory.keyWindow {
            posts.append(PostedNotification(input: .window(.didResignKey, sceneId: previous, appState: appState)))
        }
        memory.keyWindow = .some(id)
        posts.append(PostedNotification(input: .window(.didBecomeKey, sceneId: id, appState: appState)))
        return posts
    }

    // MARK: The aggregate

    /// `applicationState` of a scene app: that of its most active scene ([A-state], DOC).
    static func aggregate(_ states: [SceneState]) -> AppState {
        if states.contains(.foregroundActive) { return .active }
        if states.contains(.foregroundInactive) { return .inactive }
        return .background
    }

    /// The app-level notifications that take the announced state to `target`: once
    /// when the app as a whole leaves or enters the background, becomes active or
    /// stops being active (docs/observers.md; UNSURE with several scenes, no log).
    func announce(_ target: AppState, _ memory: inout ObserverSnapshot) -> [PostedNotification] {
        let before = memory.announced.isForegroundApp ? memory.announced : .background
        guard before != target else { return [] }
        memory.foregroundDeferred = false
        var posts: [PostedNotification] = []
        if before == .active {
            posts.append(PostedNotification(input: .application(.willResignActive, appState: .active)))
        }
        memory.announced = target
        if before == .background {
            // [BATCH-life] (LOG): inactive when it arrives, on iOS 13 and 14 alike.
            posts.append(PostedNotification(input: .application(.willEnterForeground, appState: .inactive)))
        }
        if target == .background {
            posts.append(PostedNotification(input: .application(.didEnterBackground, appState: .background)))
        }
        if target == .active {
            posts.append(PostedNotification(input: .application(.didBecomeActive, appState: .active)))
        }
        return posts
    }
}
