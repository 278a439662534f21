/// The version- and config-dependent details of rotation, traits and containers
/// (breadth §5–6, §9.3), resolved once per session.
public struct InterfaceProfile: Sendable, Equatable {
    /// Dark Mode exists (iOS 13+, [A-traits], DOC).
    public var darkMode: Bool
    /// The trait change a view controller hears is `traitCollectionDidChange(_:)` up
    /// to iOS 16 and a handler registered with `registerForTraitChanges(_:handler:)`
    /// from iOS 17, which deprecates the method (breadth §5.4, DOC).
    public var traitRegistration: Bool
    /// The window scene delegate's geometry callback: the did-update-orientation-traits
    /// method from iOS 13, `windowScene(_:didUpdateEffectiveGeometry:)` from iOS 26,
    /// which deprecates it (breadth §5.5, §9.3, DOC).
    public var geometryCallback: SceneDelegateMethod
    /// Whether an appearance change reaches the window scene delegate: the
    /// did-update method has a trait-collection argument up to iOS 25; iOS 26's
    /// geometry callback is about geometry only (breadth §5.7, DOC).
    public var sceneHearsTraits: Bool
    /// An iPhone's view controllers support all orientations but upside down by
    /// default (`supportedInterfaceOrientations`, [A-vc], DOC); an iPad's all four.
    public var supportsUpsideDown: Bool
    /// Size classes change between portrait and landscape on iPhone only (breadth §5.2).
    public var rotationChangesSizeClasses: Bool
    /// Quirk `darkModeSnapshotToggle`.
    public var darkModeSnapshotToggle: Bool
    /// Quirk `offscreenChildrenGetSizeTransition`.
    public var offscreenChildrenGetSizeTransition: Bool
    /// Quirk `tabSwitchWillOrder`.
    public var tabSwitchWillOrder: TabSwitchWillOrder
    /// Quirk `snapshotLayoutPass`.
    public var snapshotLayoutPass: Bool
    /// Quirk `firstDisplayLayoutPasses`.
    public var firstDisplayLayoutPasses: Int
    /// Quirk `rootDidAppearBeforeDidBecomeActive`.
    public var rootDidAppearBeforeDidBecomeActive: Bool
    /// Quirk `navigationWillAppearFirst`.
    public var navigationWillAppearFirst: Bool

    init(config: SessionConfig) {
        let version = config.iosVersion
        darkMode = version >= .known(13, 0)
        traitRegistration = version >= .known(17, 0)
        geometryCallback =
            version >= .known(26, 0)
            ? .didUpdateEffectiveGeometry : .didUpdateCoordinateSpace
        sceneHearsTraits = version < .known(26, 0)
        supportsUpsideDown = config.device == .ipad
        rotationChangesSizeClasses = config.device == .iphone
        darkModeSnapshotToggle = darkMode && (config.quirks.darkModeSnapshotToggle ?? true)
        offscreenChildrenGetSizeTransition = config.quirks.offscreenChildrenGetSizeTransition ?? true
        tabSwitchWillOrder = config.quirks.tabSwitchWillOrder ?? .newFirstOnFirstVisit
        // [PK-life] (iOS 14, SINGLE): the snapshot's layout pass after didEnterBackground.
        snapshotLayoutPass = config.quirks.snapshotLayoutPass ?? true
        // [PK-life] and [RK-nav]'s push show one pass at a first display; [RK-nav]'s launch
        // and [SO48653763] two: one by default (issue #38, docs/lifecycle-breadth.md §6).
        firstDisplayLayoutPasses = config.quirks.firstDisplayLayoutPasses ?? 1
        rootDidAppearBeforeDidBecomeActive = config.quirks.rootDidAppearBeforeDidBecomeActive ?? false
        navigationWillAppearFirst = config.quirks.navigationWillAppearFirst ?? false
    }

    /// A view controller's trait-change callback for the traits that changed: the
    /// method, or from iOS 17 — where there is no method — the handler registered with
    /// `registerForTraitChanges` for the trait it watches.
    func traitChange(_ trait: Trait) -> CallbackMethod {
        guard traitRegistration else { return .viewController(.traitCollectionDidChange) }
        switch trait {
        case .userInterfaceStyle: return .viewController(.userInterfaceStyleHandler)
        case .verticalSizeClass: return .viewController(.verticalSizeClassHandler)
        }
    }
}

/// The traits a handler registered with `registerForTraitChanges` watches.
enum Trait {
    case userInterfaceStyle, verticalSizeClass
}
