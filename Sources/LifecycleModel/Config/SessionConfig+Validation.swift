/// A config value the model cannot simulate: names the field and what to send instead.
public struct ConfigIssue: Error, Sendable, Equatable {
    public var field: String
    public var detail: String
    public var allowed: [String]

    public init(field: String, detail: String, allowed: [String]) {
        self.field = field
        self.detail = detail
        self.allowed = allowed
    }
}

extension SessionConfig {
    /// The longest `rootViewController` name accepted, in Unicode scalars.
    public static let maxNameLength = 100

    /// Rules across fields; nil when the model can simulate this config.
    public var issue: ConfigIssue? {
        if let issue = swiftUIIssue { return issue }
        if let issue = tabsIssue { return issue }
        if lifecycle == .scene && iosVersion < .known(13, 0) {
            // facts §4: UIScene exists from iOS 13.
            return ConfigIssue(
                field: "lifecycle",
                detail: "lifecycle \"scene\" needs iosVersion 13.0 or later; iOS \(iosVersion) apps use \"app\"",
                allowed: ["app"])
        }
        if supportsMultipleScenes && lifecycle == .app {
            return ConfigIssue(
                field: "supportsMultipleScenes",
                detail:
                    "supportsMultipleScenes needs lifecycle \"scene\" (UIApplicationSupportsMultipleScenes is a scene manifest key)",
                allowed: ["false"])
        }
        if rootViewController.isEmpty || rootViewController.unicodeScalars.count > Self.maxNameLength {
            return ConfigIssue(
                field: "rootViewController",
                detail: "rootViewController must be a name of 1 to \(Self.maxNameLength) characters", allowed: [])
        }
        if let issue = backgroundWorkIssue { return issue }
        return nil
    }
}
