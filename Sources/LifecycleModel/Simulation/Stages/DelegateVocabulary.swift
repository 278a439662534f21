/// Where a life-cycle primitive lands: a sceneless app is the one-scene case of a
/// scene-based one, its "scene" being the app itself (facts §4).
enum Stage: Equatable {
    /// The app delegate's own foreground life (a sceneless app).
    case app
    /// Scene `index` of `AppSnapshot.scenes` (a scene-based app).
    case scene(Int)
}

/// The callbacks each life-cycle primitive (become active, resign active, enter
/// background, enter foreground) makes, per profile: app-delegate methods in a
/// sceneless app, scene-delegate methods per scene in a scene-based one (DOC: UIKit
/// then calls none of the app delegate's). This is the one place that tells the two
/// apart; the phases and rules are written once over `Stage`s.
struct DelegateVocabulary: Sendable, Equatable {
    /// Foreground transitions go to each scene, not to the app delegate.
    let perScene: Bool
    /// The app state while the process launches: inactive for a sceneless app (DOC),
    /// background for a scene app, whose scenes connect afterwards (facts §4).
    let launchState: AppState
    /// The app delegate sees the payload in its launch options (S1); a scene app's
    /// are nil and the scene's connection options carry it (DOC).
    let payloadInLaunchOptions: Bool
    /// The app delegate saves and restores state and hears the orientation query on
    /// leaving the foreground (S1); a scene app restores through its sessions (DOC).
    let appDelegateKeepsState: Bool
    /// The SwiftUI App life cycle's translation of these calls (Simulation/SwiftUI/);
    /// nil for UIKit.
    var swiftUI: SwiftUIVocabulary? = nil

    static let sceneless = DelegateVocabulary(
        perScene: false, launchState: .inactive, payloadInLaunchOptions: true, appDelegateKeepsState: true)

    static let sceneBased = DelegateVocabulary(
        perScene: true, launchState: .background, payloadInLaunchOptions: false, appDelegateKeepsState: false)
}

/// The callback of each life-cycle primitive, as the app delegate (a sceneless app)
/// and as a scene delegate (per scene) spell it.
enum StageEvent {
    case willEnterForeground, didBecomeActive, willResignActive, didEnterBackground

    var appDelegate: AppDelegateMethod {
        switch self {
        case .willEnterForeground: .willEnterForeground
        case .didBecomeActive: .didBecomeActive
        case .willResignActive: .willResignActive
        case .didEnterBackground: .didEnterBackground
        }
    }

    var sceneDelegate: SceneDelegateMethod {
        switch self {
        case .willEnterForeground: .willEnterForeground
        case .didBecomeActive: .didBecomeActive
        case .willResignActive: .willResignActive
        case .didEnterBackground: .didEnterBackground
        }
    }
}

extension Transition {
    var delegates: DelegateVocabulary { profile.delegates }

    /// The stage an action names, or by default the one the user saw last among those
    /// whose state `qualifies` (a named scene is returned whatever its state, so the
    /// caller can say what is wrong with it). A sceneless app has one stage, the app.
    func stage(_ sceneId: String?, where qualifies: (SceneState) -> Bool = { _ in true }) -> Stage? {
        guard delegates.perScene else { return qualifies(stageState(.app)) ? .app : nil }
        return sceneIndex(sceneId, where: qualifies).map(Stage.scene)
    }

    /// The stages on screen.
    var foregroundStages: [Stage] {
        guard delegates.perScene else { return stageState(.app).isForeground ? [.app] : [] }
        return foregroundScenes.map(Stage.scene)
    }

    /// The stage an icon tap or a link opens: the app, or the scene seen last (a new
    /// session when there is none).
    mutating func stageToOpen() -> Stage {
        guard delegates.perScene else { return .app }
        return .scene(sceneIndex(nil) ?? newScene())
    }

    /// The stages that were on screen when the device was locked.
    func stages(onScreenAt screen: ScreenAtLock) -> [Stage] {
        guard delegates.perScene else { return screen.app ? [.app] : [] }
        return screen.scenes.compactMap { sceneIndex($0) }.map(Stage.scene)
    }

    /// The stage a sceneless process is itself: its window comes with the process.
    var processStage: Stage? { delegates.perScene ? nil : .app }
}
