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
    /// What a foreground app killed from the app switcher hears (facts §3). Default:
    /// `resignActiveEnterBackgroundThenTerminate` for scene apps on iOS 13–14,
    /// `resignActiveThenTerminate` otherwise (facts §9.3).
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
    // MARK: UI (breadth §5–6, "Proposed quirks")

    /// Whether the trait collection flips to the opposite `userInterfaceStyle` and
    /// back while the app enters the background (the system snapshots both
    /// appearances). Default: on from iOS 13 (breadth §5.8, MULTI); no Dark Mode before.
    public var darkModeSnapshotToggle: Bool?
    /// Whether view controllers off screen inside a container (non-top navigation
    /// members, loaded unselected tabs) get `viewWillTransition(to:with:)` and the
    /// trait-collection transition on a rotation. Default yes: containers forward
    /// to all their children ([A-vwt], DOC) against an iOS 9 report of the opposite
    /// ([OR24277475], SINGLE) (breadth §5).
    public var offscreenChildrenGetSizeTransition: Bool?
    /// Which "will" call comes first on a tab switch (breadth §6.1: [PGZ] against [JJ]).
    public var tabSwitchWillOrder: TabSwitchWillOrder?

    // MARK: Background work, prewarming, push and the corrections of facts §9

    /// Seconds before a background task's time runs out that its expiration handler
    /// runs. Default 0 on iOS 13+ (facts §9.2, MULTI: at the limit; Apple says
    /// "shortly before"), 5 on iOS ≤ 12 (facts §5.3).
    public var backgroundTaskExpirationLead: Double?
    /// Closing the last window of a multi-window iPad app ends the process
    /// (applicationWillTerminate). Default false: the app stays in the background
    /// (facts §9.4: seen on an iOS 13 beta only, UNSURE since).
    public var lastWindowCloseTerminates: Bool?
    /// A BGTask or background URL session launch of a scene app connects a scene in
    /// the background. Default false: the handlers belong to the app (breadth §1, §2
    /// open questions; no log either way).
    public var bgTaskConnectsScene: Bool?
    /// How far a prewarm runs before it pauses. Default `beforeMain` (breadth §3.1,
    /// DOC), so a prewarm makes no callback; `afterDidFinish` as iOS 15 logs show.
    public var prewarmStopsAt: PrewarmStop?
    /// Where `application(_:didRegisterForRemoteNotificationsWithDeviceToken:)` comes
    /// relative to didBecomeActive. Default `afterDidBecomeActive` (breadth §4.4:
    /// undocumented; proposed default).
    public var pushTokenDelivery: PushTokenDelivery?

    // MARK: Observer channels (docs/observers.md; Observers/ObserverQuirks.swift)

    /// `UIApplication.willEnterForegroundNotification` against
    /// `applicationWillEnterForeground(_:)`. Default `afterDelegate` on iOS ≤ 12, as an
    /// iOS 12 radar logged against the documentation ([OR49817144], LOG); `beforeDelegate`
    /// from iOS 13 (DOC: "shortly before"; no log there). Issue #38 moved the iOS ≤ 12
    /// default; `beforeDelegate` brings the old one back.
    public var willEnterForegroundNotificationOrder: NotificationOrder?
    /// A UIScene notification against its scene-delegate method. Default
    /// `afterDelegate` (undocumented; the Flutter engine's comment, LOG).
    public var sceneNotificationOrder: NotificationOrder?
    /// Where a scene app's app-level willEnterForeground falls at a scene's first
    /// foreground entry. Default `afterSceneActivation` from iOS 14,
    /// `beforeSceneActivation` on iOS 13 ([BATCH-life], LOG each).
    public var appForegroundNotificationInScene: AppForegroundNotificationInScene?
    /// SwiftUI: a `scenePhase` change comes after the UIScene notification of the same
    /// transition. Default true (UNSURE: no log places them).
    public var scenePhaseAfterNotifications: Bool?
    /// UIScene notifications in a sceneless app on iOS 13+. Default
    /// `warmAndLaunchActivation` ([BATCH-life]'s notification cold open, LOG; issue #38);
    /// `warmOnly` ([BATCH-life]'s icon cold open) brings back the earlier default.
    public var sceneNotificationsInSceneless: SceneNotificationsInSceneless?
    /// Pulling Notification Center down makes the app active for a moment
    /// (willResignActive, didBecomeActive, willResignActive), for delegates and
    /// observers alike ([OR49216830], [RN18575], LOG, iOS 11–12; not on iOS 10). Default
    /// true on iOS 11–12, where the devices showed it (issue #38; false brings the old
    /// default back), false from iOS 13 (no log).
    public var notificationCenterPullReactivates: Bool?

    // MARK: Layout passes and single reports (issue #38)

    /// After a stage enters the background, its visible view controllers lay out again
    /// for the app-switcher snapshot (viewWillLayoutSubviews, viewDidLayoutSubviews).
    /// Default true, as an iOS 14 scene app logged it ([PK-life], SINGLE; breadth §6.9);
    /// the snapshot is taken on every version.
    public var snapshotLayoutPass: Bool?
    /// Layout passes of a window's root at its first display: 1 or 2. Default 1 (an iOS
    /// 14 scene app's launch, [PK-life]; a pushed controller's first display, [RK-nav]);
    /// 2 as a launch's root and a child added at launch logged ([RK-nav], [SO48653763];
    /// breadth §6.8).
    public var firstDisplayLayoutPasses: Int?
    /// iOS 16–17 "quick kill" (scene apps): after a foreground scene app killed from the
    /// switcher disconnects its scene, a second window scene connects and gets
    /// sceneWillEnterForeground, then sceneDidEnterBackground, before the process ends
    /// ([F732170], SINGLE; facts §9.7). Default false.
    public var quickKillSecondScene: Bool?
    /// A launch's root viewDidAppear comes before (scene)DidBecomeActive, as an older blog
    /// listed ([PC-order], SINGLE; [SO66605297]: the order changed across versions).
    /// Default false: after, as most sources show (facts §9.8).
    public var rootDidAppearBeforeDidBecomeActive: Bool?
    /// On a push or pop the controller coming on screen hears viewWillAppear before the
    /// leaving one hears viewWillDisappear ([PC-order], SINGLE). Default false: the
    /// leaving one first ([A-vc], facts §7).
    public var navigationWillAppearFirst: Bool?

    public init(
        orientationQueries: Bool? = nil, switcherKillSequence: SwitcherKillSequence? = nil,
        didEnterBackgroundOnBackgroundLaunch: Bool? = nil, protectedDataDelay: Double? = nil,
        warmHandlerPosition: WarmHandlerPosition? = nil,
        swiftUIAdaptorInit: SwiftUIAdaptorInit? = nil, swiftUIScenePhaseTiming: SwiftUIScenePhaseTiming? = nil,
        swiftUIColdUniversalLinkDelivered: Bool? = nil,
        darkModeSnapshotToggle: Bool? = nil, offscreenChildrenGetSizeTransition: Bool? = nil,
        tabSwitchWillOrder: TabSwitchWillOrder? = nil,
        backgroundTaskExpirationLead: Double? = nil, lastWindowCloseTerminates: Bool? = nil,
        bgTaskConnectsScene: Bool? = nil, prewarmStopsAt: PrewarmStop? = nil,
        pushTokenDelivery: PushTokenDelivery? = nil
    ) {
        self.orientationQueries = orientationQueries
        self.switcherKillSequence = switcherKillSequence
        self.didEnterBackgroundOnBackgroundLaunch = didEnterBackgroundOnBackgroundLaunch
        self.protectedDataDelay = protectedDataDelay
        self.warmHandlerPosition = warmHandlerPosition
        self.swiftUIAdaptorInit = swiftUIAdaptorInit
        self.swiftUIScenePhaseTiming = swiftUIScenePhaseTiming
        self.swiftUIColdUniversalLinkDelivered = swiftUIColdUniversalLinkDelivered
        self.darkModeSnapshotToggle = darkModeSnapshotToggle
        self.offscreenChildrenGetSizeTransition = offscreenChildrenGetSizeTransition
        self.tabSwitchWillOrder = tabSwitchWillOrder
        self.backgroundTaskExpirationLead = backgroundTaskExpirationLead
        self.lastWindowCloseTerminates = lastWindowCloseTerminates
        self.bgTaskConnectsScene = bgTaskConnectsScene
        self.prewarmStopsAt = prewarmStopsAt
        self.pushTokenDelivery = pushTokenDelivery
    }

    /// The quirk names a config may set, for validation messages.
    public static let names = [
        "orientationQueries", "switcherKillSequence",
        "didEnterBackgroundOnBackgroundLaunch", "protectedDataDelay", "warmHandlerPosition",
        "swiftUIAdaptorInit", "swiftUIScenePhaseTiming", "swiftUIColdUniversalLinkDelivered",
        "darkModeSnapshotToggle", "offscreenChildrenGetSizeTransition", "tabSwitchWillOrder",
        "backgroundTaskExpirationLead", "lastWindowCloseTerminates", "bgTaskConnectsScene",
        "prewarmStopsAt", "pushTokenDelivery",
        "willEnterForegroundNotificationOrder", "sceneNotificationOrder", "appForegroundNotificationInScene",
        "scenePhaseAfterNotifications", "sceneNotificationsInSceneless", "notificationCenterPullReactivates",
        "snapshotLayoutPass", "firstDisplayLayoutPasses", "quickKillSecondScene", "rootDidAppearBeforeDidBecomeActive",
        "navigationWillAppearFirst",
    ]

    /// The values `firstDisplayLayoutPasses` may take.
    public static let firstDisplayLayoutPassesRange = 1...2

    /// The largest `backgroundTaskExpirationLead` accepted (the shortest limit, 30 s).
    public static let maxExpirationLead = 30.0

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

/// The order of the two "will" calls when the user switches from tab A to tab B
/// (breadth §6.1: both sources put A's viewDidDisappear before B's viewDidAppear).
public enum TabSwitchWillOrder: String, Sendable, CaseIterable {
    /// B.viewWillAppear first on B's first visit ([PGZ]), A.viewWillDisappear first
    /// later ([JJ]); the default, which takes both logs as right for their case.
    case newFirstOnFirstVisit
    /// A.viewWillDisappear first, always ([JJ]).
    case oldFirst
    /// B.viewWillAppear first, always ([PGZ]).
    case newFirst
}

/// Where a prewarm pauses (breadth §3).
public enum PrewarmStop: String, Sendable, CaseIterable {
    /// Before `UIApplicationMain`: no callback (DOC, [A-launch]); the default.
    case beforeMain
    /// After `application(_:didFinishLaunchingWithOptions:)`, no scene connected
    /// (iOS 15 logs, [SO71025205], [F706782]).
    case afterDidFinish
    /// Through the root view controllers' `viewDidLoad()` (docs/observers.md calls this
    /// `prewarmDepth`; [SENTRY1897], [FIR9362], LOG): a scene app's scene connects in
    /// the prewarm for its root; the later launch continues at their appearance.
    case throughViewDidLoad
}

/// When the device token reaches the app delegate (breadth §4.4).
public enum PushTokenDelivery: String, Sendable, CaseIterable {
    /// After the launch's didBecomeActive; the default.
    case afterDidBecomeActive
    /// Before the launch's didBecomeActive.
    case beforeDidBecomeActive
    /// Neither callback comes ([BLOG14], SINGLE).
    case never
}
