/// A notification a `UIWindow` posts when it becomes or stops being the key window
/// (of its scene from iOS 15, of the app before; [A-keywin], DOC).
///
/// The raw value is the Swift spelling with its type (`UIWindow.didBecomeKeyNotification`);
/// `objectiveCName` is the constant (`UIWindowDidBecomeKeyNotification`).
public enum UIWindowNotification: String, Sendable, CaseIterable {
    case didBecomeKey = "UIWindow.didBecomeKeyNotification"
    case didResignKey = "UIWindow.didResignKeyNotification"

    /// The Swift name with its type, e.g. `UIWindow.didBecomeKeyNotification`.
    public var swiftName: String { rawValue }

    /// The Objective-C constant, e.g. `UIWindowDidBecomeKeyNotification`.
    public var objectiveCName: String {
        switch self {
        case .didBecomeKey: "UIWindowDidBecomeKeyNotification"
        case .didResignKey: "UIWindowDidResignKeyNotification"
        }
    }
}
