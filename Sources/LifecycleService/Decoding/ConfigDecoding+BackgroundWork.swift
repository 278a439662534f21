import LifecycleModel

/// The background-work config fields (contract v1.1): `sdkVersion`, `backgroundTasks`,
/// `registersForRemoteNotifications`. Rules across fields are `SessionConfig.issue`'s.
extension ConfigDecoding {
    static func decodeBackgroundWork(_ r: ObjectReader, into config: inout SessionConfig) throws(Problem) {
        if let text = try r.string("sdkVersion") {
            // The model tells SDKs apart from iOS 26's on (breadth §9.1: the iOS 27 SDK
            // requires scenes); any older binary is "26.0" or an absent sdkVersion. The
            // resolved value the server echoes (iosVersion's own) is accepted too, so an
            // echoed config, a journal's for one, creates the same session again.
            guard let v = IOSVersion(text), v.major >= 26 || v == config.iosVersion else {
                throw Problem.invalidField(
                    r.field("sdkVersion"),
                    "sdkVersion \"\(text)\" is not supported; send \"26.x\" or \"27.x\" (the SDK the app was built with, its major not above iosVersion's), e.g. \"26.0\" for an older binary on iOS 27, or leave it out to use iosVersion's"
                )
            }
            config.sdkVersion = v
        }
        config.registersForRemoteNotifications = try r.bool("registersForRemoteNotifications") ?? false
        config.backgroundTasks = try backgroundTasks(r)
    }

    private static func backgroundTasks(_ r: ObjectReader) throws(Problem) -> [PermittedBackgroundTask] {
        guard let v = r["backgroundTasks"] else { return [] }
        let field = r.field("backgroundTasks")
        let example = #"[{"identifier":"com.example.refresh","kind":"appRefresh"}]"#
        guard case .array(let items) = v else {
            throw Problem.invalidField(field, "\(field) must be an array of {identifier, kind}, e.g. \(example)")
        }
        guard items.count <= maxBackgroundTasks else {
            throw Problem.invalidField(field, "\(field) may list at most \(maxBackgroundTasks) identifiers")
        }
        var tasks: [PermittedBackgroundTask] = []
        for (i, item) in items.enumerated() {
            let t = try ObjectReader(
                item, path: "\(field)[\(i)]", what: "a permitted task, e.g. \(example)", known: ["identifier", "kind"])
            let identifier = try t.require(
                "identifier", t.string("identifier"),
                hint: "the BGTaskSchedulerPermittedIdentifiers entry, e.g. \"com.example.refresh\"")
            let kind = try t.require(
                "kind", t.choice("kind", BackgroundTaskKind.self),
                hint: "appRefresh, processing or continuedProcessing (which starts on iOS 26+)")
            tasks.append(PermittedBackgroundTask(identifier: identifier, kind: kind))
        }
        return tasks
    }

    /// At most this many permitted identifiers (a bound on the config's size).
    static let maxBackgroundTasks = 32
}
