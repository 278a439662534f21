import LifecycleModel

/// Session config JSON (contract, "Session config") → `SessionConfig`.
enum ConfigDecoding {
    static let fields = [
        "lifecycle", "iosVersion", "device", "stateRestoration", "notificationCenterDelegate",
        "backgroundModes", "supportsMultipleScenes", "rootViewController", "quirks", "ui", "tabs",
        "sdkVersion", "backgroundTasks", "registersForRemoteNotifications", "observers", "observerOptions",
    ]
    static let example = #"{"lifecycle":"app","iosVersion":"11.0"}"#

    static func decode(_ value: JSONValue, path: String = "") throws(Problem) -> SessionConfig {
        let r = try ObjectReader(value, path: path, what: "a session config", known: fields)
        var version = SessionConfig.defaultVersion
        if let text = try r.string("iosVersion") {
            guard let v = IOSVersion(text) else {
                throw Problem.invalidField(
                    r.field("iosVersion"),
                    "iosVersion \"\(text)\" is not supported; send \(IOSVersion.allowedDescription)")
            }
            version = v
        }
        var config = SessionConfig(
            lifecycle: try r.choice("lifecycle", LifecycleKind.self),
            iosVersion: version,
            device: try r.choice("device", Device.self) ?? .iphone,
            stateRestoration: try r.bool("stateRestoration") ?? false,
            notificationCenterDelegate: try r.bool("notificationCenterDelegate") ?? false,
            backgroundModes: try backgroundModes(r),
            supportsMultipleScenes: try r.bool("supportsMultipleScenes") ?? false,
            rootViewController: try r.string("rootViewController") ?? "root",
            quirks: try quirks(r),
            ui: try r.choice("ui", UIFramework.self) ?? .uikit,
            tabs: try tabs(r))
        try decodeBackgroundWork(r, into: &config)
        try decodeObservers(r, into: &config)
        if let issue = config.issue {
            throw Problem.invalidField(r.field(issue.field), issue.detail, allowed: issue.allowed)
        }
        return config
    }

    private static func backgroundModes(_ r: ObjectReader) throws(Problem) -> Set<BackgroundMode> {
        guard let v = r["backgroundModes"] else { return [] }
        let allowed = BackgroundMode.allCases.map(\.rawValue)
        let field = r.field("backgroundModes")
        guard case .array(let items) = v else {
            throw Problem.invalidField(
                field, "\(field) must be an array of \(allowed.joined(separator: ", "))", allowed: allowed)
        }
        var modes = Set<BackgroundMode>()
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item, let mode = BackgroundMode(rawValue: s) else {
                let p = Problem.invalidField(
                    "\(field)[\(i)]", "\(field)[\(i)] must be one of \(allowed.joined(separator: ", "))",
                    allowed: allowed)
                if case .string(let s) = item { throw p.suggesting(s, among: allowed) }
                throw p
            }
            modes.insert(mode)
        }
        return modes
    }

    /// `tabs`: an array of names, never together with `rootViewController` (the tab
    /// bar controller is the root).
    private static func tabs(_ r: ObjectReader) throws(Problem) -> [String]? {
        guard let v = r["tabs"] else { return nil }
        let field = r.field("tabs")
        guard r["rootViewController"] == nil else {
            throw Problem.invalidField(
                field, "send either tabs (a UITabBarController is the root) or rootViewController, not both",
                allowed: [])
        }
        guard case .array(let items) = v else {
            throw Problem.invalidField(
                field, "\(field) must be an array of view-controller names, e.g. [\"home\",\"search\"]", allowed: [])
        }
        var names: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw Problem.invalidField(
                    "\(field)[\(i)]", "\(field)[\(i)] must be a view-controller name (a string)", allowed: [])
            }
            names.append(s)
        }
        return names
    }

    private static func quirks(_ r: ObjectReader) throws(Problem) -> Quirks {
        guard let v = r["quirks"] else { return Quirks() }
        let q = try ObjectReader(v, path: r.field("quirks"), what: "a quirks object", known: Quirks.names)
        var quirks = Quirks(
            orientationQueries: try q.bool("orientationQueries"),
            switcherKillSequence: try q.choice("switcherKillSequence", SwitcherKillSequence.self),
            didEnterBackgroundOnBackgroundLaunch: try q.bool("didEnterBackgroundOnBackgroundLaunch"),
            protectedDataDelay: try q.number(
                "protectedDataDelay", in: 0...Quirks.maxProtectedDataDelay,
                what: "a number of seconds from 0 to \(Int(Quirks.maxProtectedDataDelay))"),
            warmHandlerPosition: try q.choice("warmHandlerPosition", WarmHandlerPosition.self),
            swiftUIAdaptorInit: try q.choice("swiftUIAdaptorInit", SwiftUIAdaptorInit.self),
            swiftUIScenePhaseTiming: try q.choice("swiftUIScenePhaseTiming", SwiftUIScenePhaseTiming.self),
            swiftUIColdUniversalLinkDelivered: try q.bool("swiftUIColdUniversalLinkDelivered"),
            darkModeSnapshotToggle: try q.bool("darkModeSnapshotToggle"),
            offscreenChildrenGetSizeTransition: try q.bool("offscreenChildrenGetSizeTransition"),
            tabSwitchWillOrder: try q.choice("tabSwitchWillOrder", TabSwitchWillOrder.self),
            backgroundTaskExpirationLead: try q.number(
                "backgroundTaskExpirationLead", in: 0...Quirks.maxExpirationLead,
                what: "a number of seconds from 0 to \(Int(Quirks.maxExpirationLead))"),
            lastWindowCloseTerminates: try q.bool("lastWindowCloseTerminates"),
            bgTaskConnectsScene: try q.bool("bgTaskConnectsScene"),
            prewarmStopsAt: try q.choice("prewarmStopsAt", PrewarmStop.self),
            pushTokenDelivery: try q.choice("pushTokenDelivery", PushTokenDelivery.self))
        quirks.snapshotLayoutPass = try q.bool("snapshotLayoutPass")
        quirks.firstDisplayLayoutPasses = try q.integer(
            "firstDisplayLayoutPasses", in: Quirks.firstDisplayLayoutPassesRange, what: "1 or 2")
        quirks.quickKillSecondScene = try q.bool("quickKillSecondScene")
        quirks.rootDidAppearBeforeDidBecomeActive = try q.bool("rootDidAppearBeforeDidBecomeActive")
        quirks.navigationWillAppearFirst = try q.bool("navigationWillAppearFirst")
        try decodeObserverQuirks(q, into: &quirks)
        return quirks
    }
}
