/// The rules of BGTaskScheduler, background URL sessions, prewarming and push
/// registration that depend on the version or the config, resolved once.
public struct BackgroundWorkProfile: Sendable, Equatable {
    /// The system may prewarm the app: iOS 15+ (breadth §3.1, DOC).
    public var canPrewarm = false
    /// A `BGContinuedProcessingTask` can start: iOS 26+ (breadth §1.11, DOC, [A-bgcont]).
    public var canContinueProcessing = false
    /// Where a prewarm pauses (quirk `prewarmStopsAt`).
    public var prewarmStopsAt: PrewarmStop = .beforeMain
    /// A BGTask or URL-session launch of a scene app connects a scene (quirk).
    public var bgTaskConnectsScene = false
    /// Closing the last iPad window ends the process (quirk, facts §9.4).
    public var lastWindowCloseTerminates = false
    /// When the device token arrives (quirk `pushTokenDelivery`).
    public var pushTokenDelivery: PushTokenDelivery = .afterDidBecomeActive
    /// The app registers for remote notifications at each launch (config).
    public var registersForRemoteNotifications = false
    /// Listing permitted BGTask identifiers turns off the old background fetch:
    /// iOS 13+ (breadth §1.9, DOC, [A-fetch], [A-bgupd]).
    public var permittedIdentifiersDisableFetch = false
    /// Seconds a BGAppRefreshTask may run: up to 30 (breadth §1.7, DOC, [A-bgchoose]).
    public var appRefreshLimit: Double = 30
    /// Seconds a BGProcessingTask may run: "minutes" (breadth §1.7, DOC, [A-bgproc]);
    /// Apple gives no figure, so a documented choice of 10 minutes.
    public var processingLimit: Double = 600

    public init() {}

    init(config: SessionConfig) {
        let version = config.iosVersion
        canPrewarm = version >= .known(15, 0)
        canContinueProcessing = version >= .known(26, 0)
        prewarmStopsAt = config.quirks.prewarmStopsAt ?? .beforeMain
        bgTaskConnectsScene = config.lifecycle == .scene && (config.quirks.bgTaskConnectsScene ?? false)
        lastWindowCloseTerminates = config.quirks.lastWindowCloseTerminates ?? false
        pushTokenDelivery = config.quirks.pushTokenDelivery ?? .afterDidBecomeActive
        registersForRemoteNotifications = config.registersForRemoteNotifications
        permittedIdentifiersDisableFetch = version >= .known(13, 0) && !config.backgroundTasks.isEmpty
    }

    /// The time a task of `kind` may run before it expires: none for a continued
    /// processing task, which runs until it completes or the user cancels it ([A-bgcont]).
    public func limit(_ kind: BackgroundTaskKind) -> Double {
        switch kind {
        case .appRefresh: appRefreshLimit
        case .processing: processingLimit
        case .continuedProcessing: .infinity
        }
    }
}
