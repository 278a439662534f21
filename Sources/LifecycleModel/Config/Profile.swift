/// The version- and config-dependent details the life-cycle phases consult.
///
/// Phases never test the iOS version themselves: every such rule is resolved here,
/// once per session, with its source beside it.
public struct Profile: Sendable, Equatable {
    /// `application(_:willChangeStatusBarFrame:)` / `didChangeStatusBarFrame` at a
    /// cold launch: iOS ≤ 12 (S1 on 11.0.3, R12 on 12.1; deprecated in iOS 13, DOC).
    public var statusBarFrameCalls: Bool
    /// `application(_:supportedInterfaceOrientationsFor:)` counts (S1), or nil when off
    /// (quirk `orientationQueries`).
    public var orientationQueries: OrientationQueries?
    /// State-restoration method names: the Secure variants from iOS 13.2 (DOC).
    public var restoration: RestorationMethods
    /// What a foreground app killed from the app switcher hears (quirk).
    public var switcherKillSequence: SwitcherKillSequence
    /// A launch into the background calls didEnterBackground before the event (quirk).
    public var didEnterBackgroundOnBackgroundLaunch: Bool
    /// Seconds from a lock to protected data becoming unavailable (quirk).
    public var protectedDataDelay: Double
    /// Background execution time a task can extend to: 180 s on iOS 7–12, 30 s from
    /// iOS 13 (facts §5, MULTI; Apple publishes no number).
    public var backgroundTimeLimit: Double
    /// The app uses the scene-based life cycle (UIScene, iOS 13+; facts §4).
    public var usesScenes: Bool
    /// Where warm handlers run in a scene coming to the foreground (quirk; a
    /// sceneless app's always run before didBecomeActive, S1).
    public var warmHandlerPosition: WarmHandlerPosition
    /// Several scenes at once: iPad with `UIApplicationSupportsMultipleScenes` (S2).
    public var multipleScenes: Bool
    /// `viewIsAppearing(_:)` is called (iOS 13+ with the iOS 17 SDK, DOC).
    public var viewIsAppearing: Bool
    /// Page and form sheets cover the presenter like full screen: iOS ≤ 12 on iPhone
    /// (facts §7).
    public var sheetsAreFullScreen: Bool
    /// The callbacks of the life-cycle primitives: app or scene delegate.
    var delegates: DelegateVocabulary
    /// Timing constants that do not depend on the version.
    public var timing = Timing()
    /// Rotation, traits and containers (breadth §5–6; Profile+Interface.swift).
    public var ui: InterfaceProfile

    // MARK: Background work, prewarming, push and the facts §9 corrections

    /// Seconds between a background task's time running out and the kill of an app
    /// whose task still runs: about 1 s on iOS 13+ (facts §9.2, MULTI), 0 before.
    public var backgroundKillGrace: Double = 0
    /// BGTaskScheduler, background URL sessions, prewarming and push registration
    /// (Profile+BackgroundWork.swift).
    public var work = BackgroundWorkProfile()
    /// iOS 11–12's Notification Center pull reactivates the app for a moment (quirk
    /// `notificationCenterPullReactivates`, [OR49216830]); delegates and observers alike.
    public var notificationCenterPullReactivates = false
    /// Quirk `quickKillSecondScene` (scene apps, [F732170]).
    public var quickKillSecondScene = false
    /// Whether `notificationCenterPullReactivates` is reported in the session's quirks: it
    /// applies by default on iOS 11–12, elsewhere only when the config sets it.
    var reportsNotificationCenterPull = false
    /// The observer channels and their choices; nil without observers (issue #20).
    public var observers: ObserverProfile?

    public init(config: SessionConfig) {
        let version = config.iosVersion
        let legacyUI = version < .known(13, 0)
        usesScenes = config.lifecycle == .scene
        statusBarFrameCalls = legacyUI
        // S1's orientation counts are those of a sceneless app; a scene app gets them
        // only when the quirk asks explicitly.
        orientationQueries = (config.quirks.orientationQueries ?? (legacyUI && !usesScenes)) ? .seed001 : nil
        warmHandlerPosition =
            usesScenes ? config.quirks.warmHandlerPosition ?? .beforeDidBecomeActive : .beforeDidBecomeActive
        delegates =
            config.ui == .swiftUI
            ? .swiftUI(SwiftUIVocabulary(quirks: config.quirks))
            : usesScenes ? .sceneBased : .sceneless
        viewIsAppearing = !legacyUI
        sheetsAreFullScreen = legacyUI && config.device == .iphone
        multipleScenes = config.device == .ipad && config.supportsMultipleScenes
        restoration = version >= .known(13, 2) ? .secure : .legacy
        // facts §9.3 (SINGLE each): a scene app's switcher kill entered the background
        // first on iOS 13; from iOS 15 it resigns, then disconnects. Sceneless apps keep
        // the sequence facts §3.8 states. breadth §7.3 ([JSQ], SINGLE): a SwiftUI app
        // killed while active sees its phase go inactive → background, so its scenes
        // enter the background first on every version.
        switcherKillSequence =
            config.quirks.switcherKillSequence
            ?? (config.ui == .swiftUI || (usesScenes && version < .known(15, 0))
                ? .resignActiveEnterBackgroundThenTerminate : .resignActiveThenTerminate)
        // DOC: UIKit does not call the app delegate's didEnterBackground in scene apps.
        didEnterBackgroundOnBackgroundLaunch =
            !usesScenes && (config.quirks.didEnterBackgroundOnBackgroundLaunch ?? !legacyUI)
        protectedDataDelay = config.quirks.protectedDataDelay ?? 10
        backgroundTimeLimit = legacyUI ? 180 : 30
        ui = InterfaceProfile(config: config)
        // facts §9.2 (MULTI, iOS 13+): the expiration handler at the limit, the kill
        // about a second later; facts §5.3 before (shortly before, kill at the limit).
        timing.expirationLead = config.quirks.backgroundTaskExpirationLead ?? (legacyUI ? 5 : 0)
        backgroundKillGrace = legacyUI ? 0 : 1
        work = BackgroundWorkProfile(config: config)
        // [OR49216830] (LOG, iOS 11 and 12.1.4; not on iOS 10): the pull reactivates the
        // app; React Native users saw the same inactive, active, inactive ([RN18575]).
        // Unknown from iOS 13, where no log shows it: off there (issue #38).
        notificationCenterPullReactivates = config.quirks.notificationCenterPullReactivates ?? legacyUI
        reportsNotificationCenterPull = legacyUI || config.quirks.notificationCenterPullReactivates != nil
        quickKillSecondScene = usesScenes && (config.quirks.quickKillSecondScene ?? false)
        observers = ObserverProfile(config: config)
    }

    /// The quirks with their defaults filled in, as the session reports them.
    public var resolvedQuirks: Quirks {
        var quirks = Quirks(
            orientationQueries: orientationQueries != nil, switcherKillSequence: switcherKillSequence,
            didEnterBackgroundOnBackgroundLaunch: didEnterBackgroundOnBackgroundLaunch,
            protectedDataDelay: protectedDataDelay,
            warmHandlerPosition: usesScenes ? warmHandlerPosition : nil,
            swiftUIAdaptorInit: delegates.swiftUI?.adaptorInit, swiftUIScenePhaseTiming: delegates.swiftUI?.phaseTiming,
            swiftUIColdUniversalLinkDelivered: delegates.swiftUI?.coldUniversalLinkDelivered,
            darkModeSnapshotToggle: ui.darkModeSnapshotToggle,
            offscreenChildrenGetSizeTransition: ui.offscreenChildrenGetSizeTransition,
            tabSwitchWillOrder: ui.tabSwitchWillOrder,
            backgroundTaskExpirationLead: timing.expirationLead,
            lastWindowCloseTerminates: multipleScenes ? work.lastWindowCloseTerminates : nil,
            bgTaskConnectsScene: usesScenes ? work.bgTaskConnectsScene : nil,
            prewarmStopsAt: work.canPrewarm ? work.prewarmStopsAt : nil,
            pushTokenDelivery: work.pushTokenDelivery)
        quirks.snapshotLayoutPass = ui.snapshotLayoutPass
        quirks.firstDisplayLayoutPasses = ui.firstDisplayLayoutPasses
        quirks.quickKillSecondScene = usesScenes ? quickKillSecondScene : nil
        quirks.rootDidAppearBeforeDidBecomeActive = ui.rootDidAppearBeforeDidBecomeActive
        quirks.navigationWillAppearFirst = ui.navigationWillAppearFirst
        reportObserverQuirks(into: &quirks)
        return quirks
    }
}

/// How many times UIKit asks `application(_:supportedInterfaceOrientationsFor:)`.
public struct OrientationQueries: Sendable, Equatable {
    /// After the status-bar calls, before `willFinishLaunching`.
    public var beforeLaunch: Int
    /// After `didFinishLaunching`.
    public var afterLaunch: Int
    /// At the end of entering the background.
    public var onBackground: Int

    /// The counts seed 001 recorded on iOS 11.0.3: 4, 3 and 1.
    public static let seed001 = OrientationQueries(beforeLaunch: 4, afterLaunch: 3, onBackground: 1)
}

/// The state-preservation methods of one iOS generation (facts §3, §6).
public struct RestorationMethods: Sendable, Equatable {
    public var shouldSave: CallbackMethod
    public var shouldRestore: CallbackMethod
    public let willEncode = CallbackMethod.appDelegate(.willEncodeRestorableState)
    public let didDecode = CallbackMethod.appDelegate(.didDecodeRestorableState)

    /// iOS 6 to 13.1 (S1).
    public static let legacy = RestorationMethods(
        shouldSave: .appDelegate(.shouldSaveApplicationState),
        shouldRestore: .appDelegate(.shouldRestoreApplicationState))
    /// iOS 13.2 and later (DOC: the non-secure variants are deprecated).
    public static let secure = RestorationMethods(
        shouldSave: .appDelegate(.shouldSaveSecureApplicationState),
        shouldRestore: .appDelegate(.shouldRestoreSecureApplicationState))
}

/// The simulator's fixed timings, each a documented choice (facts §5).
public struct Timing: Sendable, Equatable {
    /// Seconds from entering the background to suspension when no background task
    /// runs: "shortly after" (DOC), fixed here at the ~5 s didEnterBackground gets (S3).
    public var suspensionDelay: Double = 5
    /// Seconds an app launched or woken in the background for an event runs before
    /// suspension: the ~30 s Apple gives to call the fetch / remote-notification
    /// completion handler (DOC).
    public var eventWindow: Double = 30
    /// Seconds before the background time runs out that the expiration handler runs
    /// ("shortly before", DOC); resolved from quirk `backgroundTaskExpirationLead`.
    public var expirationLead: Double = 5
}
