/// `CLLocationManagerDelegate`: location events reach the app's location manager (DOC).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum LocationManagerDelegateMethod: Int, Sendable, CaseIterable {
    case didUpdateLocations

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .didUpdateLocations: "locationManager(_:didUpdateLocations:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .didUpdateLocations: "locationManager:didUpdateLocations:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { NotificationCenterDelegateMethod.base + NotificationCenterDelegateMethod.allCases.count }
}
