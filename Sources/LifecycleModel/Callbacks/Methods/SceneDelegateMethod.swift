/// `UISceneDelegate` / `UIWindowSceneDelegate` methods (DOC; facts §4).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum SceneDelegateMethod: Int, Sendable, CaseIterable {
    case willConnect
    case didDisconnect
    case willEnterForeground
    case didBecomeActive
    case willResignActive
    case didEnterBackground
    case openURLContexts
    case willContinueUserActivity
    case continueUserActivity
    case performAction
    case stateRestorationActivity
    case didUpdateCoordinateSpace
    case didUpdateEffectiveGeometry

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .willConnect: "scene(_:willConnectTo:options:)"
        case .didDisconnect: "sceneDidDisconnect(_:)"
        case .willEnterForeground: "sceneWillEnterForeground(_:)"
        case .didBecomeActive: "sceneDidBecomeActive(_:)"
        case .willResignActive: "sceneWillResignActive(_:)"
        case .didEnterBackground: "sceneDidEnterBackground(_:)"
        case .openURLContexts: "scene(_:openURLContexts:)"
        case .willContinueUserActivity: "scene(_:willContinueUserActivityWithType:)"
        case .continueUserActivity: "scene(_:continue:)"
        case .performAction: "windowScene(_:performActionFor:completionHandler:)"
        case .stateRestorationActivity: "stateRestorationActivity(for:)"
        case .didUpdateCoordinateSpace: "windowScene(_:didUpdate:interfaceOrientation:traitCollection:)"
        case .didUpdateEffectiveGeometry: "windowScene(_:didUpdateEffectiveGeometry:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .willConnect: "scene:willConnectToSession:options:"
        case .didDisconnect: "sceneDidDisconnect:"
        case .willEnterForeground: "sceneWillEnterForeground:"
        case .didBecomeActive: "sceneDidBecomeActive:"
        case .willResignActive: "sceneWillResignActive:"
        case .didEnterBackground: "sceneDidEnterBackground:"
        case .openURLContexts: "scene:openURLContexts:"
        case .willContinueUserActivity: "scene:willContinueUserActivityWithType:"
        case .continueUserActivity: "scene:continueUserActivity:"
        case .performAction: "windowScene:performActionForShortcutItem:completionHandler:"
        case .stateRestorationActivity: "stateRestorationActivityForScene:"
        case .didUpdateCoordinateSpace: "windowScene:didUpdateCoordinateSpace:interfaceOrientation:traitCollection:"
        case .didUpdateEffectiveGeometry: "windowScene:didUpdateEffectiveGeometry:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { AppDelegateMethod.base + AppDelegateMethod.allCases.count }
}
