/// One `BGTaskSchedulerPermittedIdentifiers` entry and the kind of task the app
/// registers for it (breadth §1; contract v1.1 `backgroundTasks`).
public struct PermittedBackgroundTask: Sendable, Equatable {
    public var identifier: String
    public var kind: BackgroundTaskKind

    public init(identifier: String, kind: BackgroundTaskKind) {
        self.identifier = identifier
        self.kind = kind
    }
}

/// The `BGTask` subclasses the model runs (breadth §1.7).
public enum BackgroundTaskKind: String, Sendable, CaseIterable {
    /// `BGAppRefreshTask`: needs the `fetch` background mode (DOC, [A-bgupd]).
    case appRefresh
    /// `BGProcessingTask`: needs the `processing` background mode (DOC, [A-bgupd]).
    case processing
    /// `BGContinuedProcessingTask` (iOS 26+): started in the foreground by the user's
    /// action, it goes on in the background (breadth §1.11, DOC, [A-bgcont]).
    case continuedProcessing

    /// The background mode the task needs (breadth §1.7, DOC); none for a continued
    /// processing task, which runs because the user asked ([A-bgcont]).
    public var mode: BackgroundMode? {
        switch self {
        case .appRefresh: .fetch
        case .processing: .processing
        case .continuedProcessing: nil
        }
    }

    /// The task's class name, as the launch handler receives it.
    public var taskClass: String {
        switch self {
        case .appRefresh: "BGAppRefreshTask"
        case .processing: "BGProcessingTask"
        case .continuedProcessing: "BGContinuedProcessingTask"
        }
    }

    /// The system launches or wakes the app for it on its own schedule; a continued
    /// processing task only ever starts from the user's action in the app.
    public var isScheduled: Bool { self != .continuedProcessing }
}

extension SessionConfig {
    /// The SDK the app was built with (contract v1.1: default `iosVersion`).
    public var sdk: IOSVersion { sdkVersion ?? iosVersion }

    /// The permitted task with this identifier, if the config lists it.
    public func permittedTask(_ identifier: String) -> PermittedBackgroundTask? {
        backgroundTasks.first { $0.identifier == identifier }
    }

    /// The rules of the background-work fields (`sdkVersion`, `backgroundTasks`, push registration) across the config; nil when they hold.
    var backgroundWorkIssue: ConfigIssue? {
        if let sdkVersion, sdkVersion.major > iosVersion.major {
            return ConfigIssue(
                field: "sdkVersion",
                detail:
                    "sdkVersion \(sdkVersion) is newer than iosVersion \(iosVersion): an app built with an SDK cannot run on an older iOS; send an sdkVersion whose major is at most \(iosVersion.major), e.g. \"\(iosVersion)\"",
                allowed: [])
        }
        if lifecycle == .app && sdk.major >= 27 {
            // breadth §9.1 (DOC, [TN3187], [RN27]): built with the iOS 27 SDK, an app
            // without the scene life cycle does not launch.
            return ConfigIssue(
                field: "lifecycle",
                detail:
                    "an app built with the iOS \(sdk.major) SDK must adopt the scene life cycle (TN3187: sceneless apps built with the latest SDK do not launch); send lifecycle \"scene\", or simulate an older binary running on iOS \(iosVersion.major) with sdkVersion \"26.0\" or lower",
                allowed: ["scene"])
        }
        if !backgroundTasks.isEmpty && iosVersion < .known(13, 0) {
            return ConfigIssue(
                field: "backgroundTasks",
                detail:
                    "backgroundTasks needs iosVersion 13.0 or later (BGTaskScheduler is iOS 13+); send [] for iOS \(iosVersion)",
                allowed: [])
        }
        for (i, task) in backgroundTasks.enumerated()
        where task.identifier.isEmpty || task.identifier.unicodeScalars.count > 256 {
            return ConfigIssue(
                field: "backgroundTasks[\(i)].identifier",
                detail: "backgroundTasks[\(i)].identifier must be 1 to 256 characters, e.g. \"com.example.refresh\"",
                allowed: [])
        }
        return nil
    }

    /// The permitted tasks the app registers, one per identifier: Info.plist may list
    /// an identifier twice, but the app registers one launch handler for it (a second
    /// registration would crash it, breadth §1.1, DOC), so the first entry's kind counts.
    public var registeredTasks: [PermittedBackgroundTask] {
        var seen = Set<String>()
        return backgroundTasks.filter { seen.insert($0.identifier).inserted }
    }
}
