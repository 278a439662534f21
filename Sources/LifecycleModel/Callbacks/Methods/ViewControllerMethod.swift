/// `UIViewController` methods ([A-vc]; state restoration facts §9.1, breadth §8; traits, rotation and containment breadth §5–6).
///
/// The raw value is the method's place in the family (`CallbackMethod.index` adds the
/// family's base); append new methods at the end of a family or anywhere, the index follows.
public enum ViewControllerMethod: Int, Sendable, CaseIterable {
    case loadView
    case viewDidLoad
    case viewWillAppear
    case viewIsAppearing
    case viewDidAppear
    case viewWillDisappear
    case viewDidDisappear
    case viewWillLayoutSubviews
    case viewDidLayoutSubviews
    case didReceiveMemoryWarning
    case decodeRestorableState
    case encodeRestorableState
    case traitCollectionDidChange
    case userInterfaceStyleHandler
    case verticalSizeClassHandler
    case willTransitionToTraits
    case viewWillTransition
    case willMoveToParent
    case didMoveToParent
    case applicationFinishedRestoringState

    /// The Swift spelling, as Apple's documentation writes it (the wire's `method`).
    public var name: String {
        switch self {
        case .loadView: "loadView()"
        case .viewDidLoad: "viewDidLoad()"
        case .viewWillAppear: "viewWillAppear(_:)"
        case .viewIsAppearing: "viewIsAppearing(_:)"
        case .viewDidAppear: "viewDidAppear(_:)"
        case .viewWillDisappear: "viewWillDisappear(_:)"
        case .viewDidDisappear: "viewDidDisappear(_:)"
        case .viewWillLayoutSubviews: "viewWillLayoutSubviews()"
        case .viewDidLayoutSubviews: "viewDidLayoutSubviews()"
        case .didReceiveMemoryWarning: "didReceiveMemoryWarning()"
        case .decodeRestorableState: "decodeRestorableState(with:)"
        case .encodeRestorableState: "encodeRestorableState(with:)"
        case .traitCollectionDidChange: "traitCollectionDidChange(_:)"
        case .userInterfaceStyleHandler: "registerForTraitChanges handler (UITraitUserInterfaceStyle)"
        case .verticalSizeClassHandler: "registerForTraitChanges handler (UITraitVerticalSizeClass)"
        case .willTransitionToTraits: "willTransition(to:with:)"
        case .viewWillTransition: "viewWillTransition(to:with:)"
        case .willMoveToParent: "willMove(toParent:)"
        case .didMoveToParent: "didMove(toParent:)"
        case .applicationFinishedRestoringState: "applicationFinishedRestoringState()"
        }
    }

    /// The Objective-C selector; nil for a closure or a SwiftUI handler, which have none.
    public var selector: String? {
        switch self {
        case .loadView: "loadView"
        case .viewDidLoad: "viewDidLoad"
        case .viewWillAppear: "viewWillAppear:"
        case .viewIsAppearing: "viewIsAppearing:"
        case .viewDidAppear: "viewDidAppear:"
        case .viewWillDisappear: "viewWillDisappear:"
        case .viewDidDisappear: "viewDidDisappear:"
        case .viewWillLayoutSubviews: "viewWillLayoutSubviews"
        case .viewDidLayoutSubviews: "viewDidLayoutSubviews"
        case .didReceiveMemoryWarning: "didReceiveMemoryWarning"
        case .decodeRestorableState: "decodeRestorableStateWithCoder:"
        case .encodeRestorableState: "encodeRestorableStateWithCoder:"
        case .traitCollectionDidChange: "traitCollectionDidChange:"
        case .userInterfaceStyleHandler: nil
        case .verticalSizeClassHandler: nil
        case .willTransitionToTraits: "willTransitionToTraitCollection:withTransitionCoordinator:"
        case .viewWillTransition: "viewWillTransitionToSize:withTransitionCoordinator:"
        case .willMoveToParent: "willMoveToParentViewController:"
        case .didMoveToParent: "didMoveToParentViewController:"
        case .applicationFinishedRestoringState: "applicationFinishedRestoringState"
        }
    }

    /// The first index of the family in `CallbackMethod.index`.
    static var base: Int { SceneDelegateMethod.base + SceneDelegateMethod.allCases.count }
}
