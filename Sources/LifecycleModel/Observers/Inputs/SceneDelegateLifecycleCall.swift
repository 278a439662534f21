/// The `UISceneDelegate` life-cycle methods a framework bridge hooks by being (or
/// wrapping) the scene delegate, as .NET MAUI does ([MAUI-life]).
///
/// The raw value is the method as Apple's documentation writes it, the same text the
/// model's scene-delegate callbacks carry.
public enum SceneDelegateLifecycleCall: String, Sendable, CaseIterable {
    case willConnect = "scene(_:willConnectTo:options:)"
    case willEnterForeground = "sceneWillEnterForeground(_:)"
    case didBecomeActive = "sceneDidBecomeActive(_:)"
    case willResignActive = "sceneWillResignActive(_:)"
    case didEnterBackground = "sceneDidEnterBackground(_:)"
    case didDisconnect = "sceneDidDisconnect(_:)"

    /// The call of a typed scene-delegate method; nil for one a bridge does not hook.
    init?(_ method: SceneDelegateMethod) {
        switch method {
        case .willConnect: self = .willConnect
        case .willEnterForeground: self = .willEnterForeground
        case .didBecomeActive: self = .didBecomeActive
        case .willResignActive: self = .willResignActive
        case .didEnterBackground: self = .didEnterBackground
        case .didDisconnect: self = .didDisconnect
        default: return nil
        }
    }
}
