/// The UNSURE points of the SwiftUI `App` life cycle (breadth §7) as named choices.
/// Their fields live in `Quirks` (grouped there); they apply to `ui: "swiftui"` only.

/// Where the `@UIApplicationDelegateAdaptor`'s delegate is created against `App.init`
/// (breadth §7.1: both come before every UIKit call, DOC by inference; their
/// relative order is UNSURE).
public enum SwiftUIAdaptorInit: String, Sendable, CaseIterable {
    /// `App.init()`, then the delegate's `init()`, then willFinishLaunching: breadth
    /// §7's proposed default (SwiftUI creates the delegate once the App exists).
    case afterAppInit
    /// The delegate's `init()` first (the adaptor is a property wrapper, initialised
    /// with the App's stored properties before the body of `App.init` runs).
    case beforeAppInit
}

/// When a scene's `scenePhase` changes against the UIKit scene transition it stands
/// for (breadth §7.3: UNSURE). SwiftUI's own scene delegate receives the UIKit
/// calls; an app has no scene delegate of its own, so the phase changes are its
/// scene-level callbacks. The choice shows in the `appState` and `sceneState` the
/// `onChange(of: scenePhase)` handlers run in.
public enum SwiftUIScenePhaseTiming: String, Sendable, CaseIterable {
    /// After UIKit's scene callback of the transition: the handlers see the scene
    /// (and the app) already in the new state. The default: SwiftUI learns of the
    /// transition from that callback.
    case afterSceneCallback
    /// Before it: the handlers see the state being left.
    case beforeSceneCallback
}
