/// What a SwiftUI `App` life-cycle session hears instead of UIKit's delegate calls
/// (breadth §7). It rides on the scene-based `DelegateVocabulary` (a SwiftUI app is
/// a scene app, breadth §7.2): the phases and rules run unchanged, and the recorders
/// of `Transition` turn each UIKit call into what SwiftUI gives the app.
///
/// - App delegate calls go to the `@UIApplicationDelegateAdaptor`'s delegate
///   (receiver `appDelegateAdaptor`): SwiftUI forwards the app-level calls a scene
///   app gets (launch, termination, scene-session configuration and discards,
///   remote notifications, fetch, memory warnings, protected data; breadth §7.2,
///   facts §4); a scene app gets none of the app-level active/background calls.
/// - Scene delegate calls go to SwiftUI's own scene delegate, not the app's: the app
///   sees `scenePhase` change (receivers `scene` and `app`), and links reach the
///   views' `onOpenURL` / `onContinueUserActivity` (receiver `view`).
/// - View controllers are SwiftUI's hosting controllers: their UIKit calls are not
///   reported (an app does not subclass them); their views' `onAppear` /
///   `onDisappear` are (receiver `view`, the name in `viewController`).
struct SwiftUIVocabulary: Sendable, Equatable {
    let adaptorInit: SwiftUIAdaptorInit
    let phaseTiming: SwiftUIScenePhaseTiming
    let coldUniversalLinkDelivered: Bool

    init(quirks: Quirks) {
        adaptorInit = quirks.swiftUIAdaptorInit ?? .afterAppInit
        phaseTiming = quirks.swiftUIScenePhaseTiming ?? .afterSceneCallback
        coldUniversalLinkDelivered = quirks.swiftUIColdUniversalLinkDelivered ?? true
    }

    /// The calls before willFinishLaunching (breadth §7.1): `App.main()` creates the
    /// App, whose adaptor creates the delegate, in the quirk's order.
    var processStart: [(target: CallbackTarget, method: CallbackMethod)] {
        let app = (target: CallbackTarget.app, method: CallbackMethod.swiftUI(.appInit))
        let adaptor = (target: CallbackTarget.appDelegateAdaptor, method: CallbackMethod.swiftUI(.adaptorInit))
        return adaptorInit == .afterAppInit ? [app, adaptor] : [adaptor, app]
    }

    /// Whether a payload that launches the app (a cold connection) reaches the views'
    /// handlers: a URL reaches `onOpenURL` after the first body pass ([DICT264],
    /// SINGLE); a universal link reaches `onContinueUserActivity` as the quirk says
    /// ([FBA650] reports drops). Notifications keep the scene-app rule (the
    /// notification-center delegate); quick actions have no SwiftUI handler.
    func reachesViewsCold(_ payload: LaunchPayload) -> Bool {
        switch payload {
        case .url: true
        case .universalLink: coldUniversalLinkDelivered
        case .notification, .shortcut: false
        }
    }
}

extension DelegateVocabulary {
    /// The SwiftUI App life cycle: the scene-based vocabulary, heard through SwiftUI.
    static func swiftUI(_ v: SwiftUIVocabulary) -> DelegateVocabulary {
        var d = DelegateVocabulary.sceneBased
        d.swiftUI = v
        return d
    }

    /// Who hears the app delegate's calls: the app delegate, or in a SwiftUI app the
    /// adaptor's delegate (breadth §7.2, DOC: SwiftUI forwards them to it).
    var appDelegateTarget: CallbackTarget { swiftUI == nil ? .appDelegate : .appDelegateAdaptor }
}

/// `ScenePhase` ([A-phase]): what a scene's state reads as in SwiftUI (breadth §7.3).
enum ScenePhase: String, Sendable {
    case active, inactive, background

    /// The scene state the phase stands for.
    var sceneState: SceneState {
        switch self {
        case .active: .foregroundActive
        case .inactive: .foregroundInactive
        case .background: .background
        }
    }

    /// breadth §7.3: foregroundActive → active, foregroundInactive → inactive,
    /// background (and suspended) → background; an unattached scene has no phase.
    init?(_ s: SceneState) {
        switch s {
        case .foregroundActive: self = .active
        case .foregroundInactive: self = .inactive
        case .background, .suspended: self = .background
        case .unattached: return nil
        }
    }

    /// The App-level phase ([A-phase], DOC): active if any scene is active, inactive
    /// if none is but one is on screen, else background; nil with no scene to read.
    static func aggregate(_ phases: [ScenePhase]) -> ScenePhase? {
        if phases.isEmpty { return nil }
        if phases.contains(.active) { return .active }
        return phases.contains(.inactive) ? .inactive : .background
    }
}
