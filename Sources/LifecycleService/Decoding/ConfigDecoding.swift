import LifecycleModel

/// Session config JSON (contract, "Session config") → `SessionConfig`.
enum ConfigDecoding {
    static let fields = ["lifecycle", "iosVersion", "device", "stateRestoration", "notificationCenterDelegate",
                         "backgroundModes", "supportsMultipleScenes", "rootViewController", "quirks", "ui"]
    static let example = #"{"lifecycle":"app","iosVersion":"11.0"}"#

    static func decode(_ value: JSONValue, path: String = "") throws(Problem) -> SessionConfig {
        let r = try ObjectReader(value, path: path, what: "a session config", known: fields)
        var version = SessionConfig.defaultVersion
        if let text = try r.string("iosVersion") {
            guard let v = IOSVersion(text) else {
                throw Problem.invalidField(r.field("iosVersion"), "iosVersion \"\(text)\" is not supported; send \(IOSVersion.allowedDescription)")
            }
            version = v
        }
        let config = SessionConfig(
            lifecycle: try r.choice("lifecycle", LifecycleKind.self),
            iosVersion: version,
            device: try r.choice("device", Device.self) ?? .iphone,
            stateRestoration: try r.bool("stateRestoration") ?? false,
            notificationCenterDelegate: try r.bool("notificationCenterDelegate") ?? false,
            backgroundModes: try backgroundModes(r),
            supportsMultipleScenes: try r.bool("supportsMultipleScenes") ?? false,
            rootViewController: try r.string("rootViewController") ?? "root",
            quirks: try quirks(r),
            ui: try r.choice("ui", UIFramework.self) ?? .uikit)
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
            throw Problem.invalidField(field, "\(field) must be an array of \(allowed.joined(separator: ", "))", allowed: allowed)
        }
        var modes = Set<BackgroundMode>()
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item, let mode = BackgroundMode(rawValue: s) else {
                throw Problem.invalidField("\(field)[\(i)]", "\(field)[\(i)] must be one of \(allowed.joined(separator: ", "))", allowed: allowed)
            }
            modes.insert(mode)
        }
        return modes
    }

    private static func quirks(_ r: ObjectReader) throws(Problem) -> Quirks {
        guard let v = r["quirks"] else { return Quirks() }
        let q = try ObjectReader(v, path: r.field("quirks"), what: "a quirks object", known: Quirks.names)
        return Quirks(
            orientationQueries: try q.bool("orientationQueries"),
            switcherKillSequence: try q.choice("switcherKillSequence", SwitcherKillSequence.self),
            didEnterBackgroundOnBackgroundLaunch: try q.bool("didEnterBackgroundOnBackgroundLaunch"),
            protectedDataDelay: try q.number("protectedDataDelay", in: 0...Quirks.maxProtectedDataDelay,
                                             what: "a number of seconds from 0 to \(Int(Quirks.maxProtectedDataDelay))"),
            warmHandlerPosition: try q.choice("warmHandlerPosition", WarmHandlerPosition.self),
            swiftUIAdaptorInit: try q.choice("swiftUIAdaptorInit", SwiftUIAdaptorInit.self),
            swiftUIScenePhaseTiming: try q.choice("swiftUIScenePhaseTiming", SwiftUIScenePhaseTiming.self),
            swiftUIColdUniversalLinkDelivered: try q.bool("swiftUIColdUniversalLinkDelivered"))
    }
}
