/// The UNSURE points of facts §8 as named, documented choices.
///
/// A `nil` field takes its documented default for the session's iOS version; the
/// resolved values are what `Profile` uses and what the session reports.
public struct Quirks: Sendable, Equatable {
    /// Seed 001's status-bar-frame and `supportedInterfaceOrientationsFor` calls.
    /// Default: on for iOS 11 and 12 (S1; R12 reports the same orders on 12.1), off
    /// from 13 (status-bar methods deprecated, DOC; orientation counts depend on the
    /// device and storyboard).
    public var orientationQueries: Bool?
    /// What a foreground app killed from the app switcher hears (facts §3).
    public var switcherKillSequence: SwitcherKillSequence?
    /// Whether a launch into the background calls `applicationDidEnterBackground(_:)`
    /// before the event's handler. Default: no on iOS ≤ 12 (iOS 7 and 11 logs), yes
    /// from iOS 13 ([A-bg]) (facts §3, §8).
    public var didEnterBackgroundOnBackgroundLaunch: Bool?
    /// Seconds from a lock to `applicationProtectedDataWillBecomeUnavailable(_:)`.
    /// Default 10, the delay most often quoted (facts §3: UNSURE).
    public var protectedDataDelay: Double?

    /// Where a warm link, activity, quick action or notification response reaches a
    /// scene coming to the foreground (facts §4, §8: UNSURE).
    public var warmHandlerPosition: WarmHandlerPosition?

    // MARK: SwiftUI App life cycle (`ui: "swiftui"` only; breadth §7, SwiftUIQuirks.swift)

    /// Where the adaptor's delegate `init()` falls against `App.init()` (breadth §7.1).
    /// Default `afterAppInit`.
    public var swiftUIAdaptorInit: SwiftUIAdaptorInit?
    /// Whether `scenePhase` changes after or before the UIKit scene callback of the
    /// same transition (breadth §7.3). Default `afterSceneCallback`.
    public var swiftUIScenePhaseTiming: SwiftUIScenePhaseTiming?
    /// Whether a universal link that launches the app reaches
    /// `onContinueUserActivity` (breadth §7.6: one report of drops on iOS 18.4).
    /// Default yes, as breadth's proposed-quirks table says.
    public var swiftUIColdUniversalLinkDelivered: Bool?

    public init(orientationQueries: Bool? = nil, switcherKillSequence: SwitcherKillSequence? = nil,
                didEnterBackgroundOnBackgroundLaunch: Bool? = nil, protectedDataDelay: Double? = nil,
                warmHandlerPosition: WarmHandlerPosition? = nil,
                swiftUIAdaptorInit: SwiftUIAdaptorInit? = nil, swiftUIScenePhaseTiming: SwiftUIScenePhaseTiming? = nil,
                swiftUIColdUniversalLinkDelivered: Bool? = nil) {
        self.orientationQueries = orientationQueries
        self.switcherKillSequence = switcherKillSequence
        self.didEnterBackgroundOnBackgroundLaunch = didEnterBackgroundOnBackgroundLaunch
        self.protectedDataDelay = protectedDataDelay
        self.warmHandlerPosition = warmHandlerPosition
        self.swiftUIAdaptorInit = swiftUIAdaptorInit
        self.swiftUIScenePhaseTiming = swiftUIScenePhaseTiming
        self.swiftUIColdUniversalLinkDelivered = swiftUIColdUniversalLinkDelivered
    }

    /// The quirk names a config may set, for validation messages.
    public static let names = ["orientationQueries", "switcherKillSequence",
                               "didEnterBackgroundOnBackgroundLaunch", "protectedDataDelay", "warmHandlerPosition",
                               "swiftUIAdaptorInit", "swiftUIScenePhaseTiming", "swiftUIColdUniversalLinkDelivered"]

    /// The largest `protectedDataDelay` accepted (a day).
    public static let maxProtectedDataDelay = 86_400.0
}

/// The callbacks of a foreground app that the user swipes away in the app switcher.
///
/// Opening the switcher already resigned the app active; whether
/// `applicationDidEnterBackground(_:)` comes before `applicationWillTerminate(_:)`
/// is UNSURE (facts §3, §8).
public enum SwitcherKillSequence: String, Sendable, CaseIterable {
    /// `applicationWillResignActive(_:)`, `applicationWillTerminate(_:)` — the
    /// sequence facts §3 states; the default.
    case resignActiveThenTerminate
    /// `applicationWillResignActive(_:)`, `applicationDidEnterBackground(_:)`,
    /// `applicationWillTerminate(_:)`.
    case resignActiveEnterBackgroundThenTerminate
}

/// Where a warm handler runs in a scene returning to the foreground.
public enum WarmHandlerPosition: String, Sendable, CaseIterable {
    /// Between `sceneWillEnterForeground(_:)` and `sceneDidBecomeActive(_:)`, as S1
    /// shows for the app-based analogue; the default.
    case beforeDidBecomeActive
    /// After `sceneDidBecomeActive(_:)`.
    case afterDidBecomeActive
}
