/// What a BGTaskScheduler task records (breadth §1): the closures the app gave and its completion call.
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum BGTaskMethod: Int, Sendable, CaseIterable {
    case launchHandler
    case expirationHandler
    case setTaskCompleted

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .launchHandler: "launchHandler"
        case .expirationHandler: "expirationHandler"
        case .setTaskCompleted: "setTaskCompleted(success:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .launchHandler: nil
        case .expirationHandler: nil
        case .setTaskCompleted: "setTaskCompletedWithSuccess:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { BackgroundTaskMethod.base + BackgroundTaskMethod.allCases.count }
}
