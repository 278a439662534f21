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

    public init(config: SessionConfig) {
        let version = config.iosVersion
        let legacyUI = version < .known(13, 0)
        statusBarFrameCalls = legacyUI
        orientationQueries = (config.quirks.orientationQueries ?? legacyUI) ? .seed001 : nil
        restoration = version >= .known(13, 2) ? .secure : .legacy
        switcherKillSequence = config.quirks.switcherKillSequence ?? .resignActiveThenTerminate
    }

    /// The quirks with their defaults filled in, as the session reports them.
    public var resolvedQuirks: Quirks {
        Quirks(orientationQueries: orientationQueries != nil, switcherKillSequence: switcherKillSequence)
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

/// The state-preservation method names of one iOS generation (LIFECYCLE.md §3, §6).
public struct RestorationMethods: Sendable, Equatable {
    public var shouldSave: String
    public var shouldRestore: String
    public let willEncode = "application(_:willEncodeRestorableStateWith:)"
    public let didDecode = "application(_:didDecodeRestorableStateWith:)"

    /// iOS 6 to 13.1 (S1).
    public static let legacy = RestorationMethods(
        shouldSave: "application(_:shouldSaveApplicationState:)",
        shouldRestore: "application(_:shouldRestoreApplicationState:)")
    /// iOS 13.2 and later (DOC: the non-secure variants are deprecated).
    public static let secure = RestorationMethods(
        shouldSave: "application(_:shouldSaveSecureApplicationState:)",
        shouldRestore: "application(_:shouldRestoreSecureApplicationState:)")
}
