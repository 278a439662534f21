/// What a SwiftUI app's code sees (breadth §7): the App's and the adaptor's initializers and the view modifiers' handlers.
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum SwiftUIMethod: Int, Sendable, CaseIterable {
    case appInit
    case adaptorInit
    case scenePhaseChange
    case onAppear
    case onDisappear
    case onOpenURL
    case onContinueUserActivity

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .appInit: "App.init()"
        case .adaptorInit: "init()"
        case .scenePhaseChange: "onChange(of: scenePhase)"
        case .onAppear: "onAppear(perform:)"
        case .onDisappear: "onDisappear(perform:)"
        case .onOpenURL: "onOpenURL(perform:)"
        case .onContinueUserActivity: "onContinueUserActivity(_:perform:)"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .appInit: nil
        case .adaptorInit: "init"
        case .scenePhaseChange: nil
        case .onAppear: nil
        case .onDisappear: nil
        case .onOpenURL: nil
        case .onContinueUserActivity: nil
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { TabBarDelegateMethod.base + TabBarDelegateMethod.allCases.count }
}
