/// `UNUserNotificationCenterDelegate` methods (DOC).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum NotificationCenterDelegateMethod: Int, Sendable, CaseIterable {
    case didReceive
    case willPresent

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .didReceive: "userNotificationCenter(_:didReceive:withCompletionHandler:)"
        case .willPresent: "userNotificationCenter(_:willPresent:withCompletionHandler:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .didReceive: "userNotificationCenter:didReceiveNotificationResponse:withCompletionHandler:"
        case .willPresent: "userNotificationCenter:willPresentNotification:withCompletionHandler:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { ViewControllerMethod.base + ViewControllerMethod.allCases.count }
}
