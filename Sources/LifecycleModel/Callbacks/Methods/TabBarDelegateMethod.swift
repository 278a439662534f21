/// `UITabBarControllerDelegate` methods ([A-tabdel]).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum TabBarDelegateMethod: Int, Sendable, CaseIterable {
    case shouldSelect
    case didSelect

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .shouldSelect: "tabBarController(_:shouldSelect:)"
        case .didSelect: "tabBarController(_:didSelect:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .shouldSelect: "tabBarController:shouldSelectViewController:"
        case .didSelect: "tabBarController:didSelectViewController:"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { URLSessionDelegateMethod.base + URLSessionDelegateMethod.allCases.count }
}
