/// A notification a `UIScene` posts about itself (the notification's object is the
/// scene; [A-scenenotes], DOC).
///
/// The raw value is the Swift spelling with its type (`UIScene.didActivateNotification`);
/// `objectiveCName` is the constant (`UISceneDidActivateNotification`).
public enum UISceneNotification: String, Sendable, CaseIterable {
    case willConnect = "UIScene.willConnectNotification"
    case willEnterForeground = "UIScene.willEnterForegroundNotification"
    case didActivate = "UIScene.didActivateNotification"
    case willDeactivate = "UIScene.willDeactivateNotification"
    case didEnterBackground = "UIScene.didEnterBackgroundNotification"
    case didDisconnect = "UIScene.didDisconnectNotification"

    /// The Swift name with its type, e.g. `UIScene.didActivateNotification`.
    public var swiftName: String { rawValue }

    /// The Objective-C constant, e.g. `UISceneDidActivateNotification`.
    public var objectiveCName: String {
        switch self {
        case .willConnect: "UISceneWillConnectNotification"
        case .willEnterForeground: "UISceneWillEnterForegroundNotification"
        case .didActivate: "UISceneDidActivateNotification"
        case .willDeactivate: "UISceneWillDeactivateNotification"
        case .didEnterBackground: "UISceneDidEnterBackgroundNotification"
        case .didDisconnect: "UISceneDidDisconnectNotification"
        }
    }
}
