import LifecycleModel

/// The observer config fields (issue #20): `observers`, an array of channel names, and
/// `observerOptions`, an object keyed by channel with each lens's options. Every bad
/// value is a 400 naming the field (`observers[2]`, `observerOptions.flutter.framework`)
/// with the allowed values.
extension ConfigDecoding {
    static func decodeObservers(_ r: ObjectReader, into config: inout SessionConfig) throws(Problem) {
        config.observers = try observers(r)
        config.observerOptions = try observerOptions(
            r, host: config.tabs?.first ?? config.rootViewController, observed: config.observers)
    }

    private static func observers(_ r: ObjectReader) throws(Problem) -> [ObserverChannel] {
        guard let v = r["observers"] else { return [] }
        let field = r.field("observers")
        let allowed = ObserverChannel.allCases.map(\.rawValue)
        guard case .array(let items) = v else {
            throw Problem.invalidField(
                field, "\(field) must be an array of channel names: \(allowed.joined(separator: ", "))",
                allowed: allowed)
        }
        var channels: [ObserverChannel] = []
        for (i, item) in items.enumerated() {
            let name = "\(field)[\(i)]"
            guard case .string(let s) = item, let channel = ObserverChannel(rawValue: s) else {
                let p = Problem.invalidField(
                    name, "\(name) must be one of \(allowed.joined(separator: ", "))", allowed: allowed)
                if case .string(let s) = item { throw p.suggesting(s, among: allowed) }
                throw p
            }
            guard !channels.contains(channel) else {
                throw Problem.invalidField(
                    name, "\(name): \"\(s)\" is already listed; name each channel once", allowed: allowed)
            }
            channels.append(channel)
        }
        return channels
    }

    private static func observerOptions(
        _ r: ObjectReader, host: String, observed: [ObserverChannel]
    ) throws(Problem) -> ObserverOptions {
        guard let v = r["observerOptions"] else { return ObserverOptions() }
        let field = r.field("observerOptions")
        let o = try ObjectReader(
            v, path: field, what: "an object of lens options keyed by channel",
            known: ObserverOptions.channels.map(\.rawValue))
        var options = ObserverOptions()
        if let flutter = o["flutter"] {
            let f = try ObjectReader(
                flutter, path: o.field("flutter"), what: "Flutter's options",
                known: ["framework", "resumedTiming", "hostController"])
            options.flutter = FlutterLens.Options(
                framework: try f.choice("framework", FlutterFrameworkGeneration.self) ?? .since313,
                resumedTiming: try f.choice("resumedTiming", FlutterResumedTiming.self) ?? .deferred,
                hostController: try hostController(f) ?? host)
        }
        if let compose = o["composeMultiplatform"] {
            let c = try ObjectReader(
                compose, path: o.field("composeMultiplatform"), what: "Compose Multiplatform's options",
                known: ["source", "hostController", "initialActive"])
            options.composeMultiplatform = ComposeMultiplatformLens.Options(
                source: try c.choice("source", ComposeLifecycleSource.self) ?? .sceneNotifications,
                hostController: try hostController(c) ?? host,
                initialActive: try c.choice("initialActive", ComposeInitialActive.self) ?? .applicationState)
        }
        // Options of a lens that does not run would change nothing: a mistake to name.
        for channel in ObserverOptions.channels where o[channel.rawValue] != nil && !observed.contains(channel) {
            let named = o.field(channel.rawValue)
            throw Problem.invalidField(
                named,
                "\(named) sets the options of \(channel.rawValue), which observers does not list; add \"\(channel.rawValue)\" to observers, or leave its options out",
                allowed: ObserverOptions.channels.filter(observed.contains).map(\.rawValue))
        }
        return options
    }

    /// The observer quirks (docs/observers.md, "Named choices").
    static func decodeObserverQuirks(_ q: ObjectReader, into quirks: inout Quirks) throws(Problem) {
        quirks.willEnterForegroundNotificationOrder = try q.choice(
            "willEnterForegroundNotificationOrder", NotificationOrder.self)
        quirks.sceneNotificationOrder = try q.choice("sceneNotificationOrder", NotificationOrder.self)
        quirks.appForegroundNotificationInScene = try q.choice(
            "appForegroundNotificationInScene", AppForegroundNotificationInScene.self)
        quirks.scenePhaseAfterNotifications = try q.bool("scenePhaseAfterNotifications")
        quirks.sceneNotificationsInSceneless = try q.choice(
            "sceneNotificationsInSceneless", SceneNotificationsInSceneless.self)
        quirks.notificationCenterPullReactivates = try q.bool("notificationCenterPullReactivates")
    }

    /// A view-controller name, as `rootViewController` is one.
    private static func hostController(_ r: ObjectReader) throws(Problem) -> String? {
        guard let name = try r.string("hostController") else { return nil }
        guard !name.isEmpty, name.unicodeScalars.count <= SessionConfig.maxNameLength else {
            throw Problem.invalidField(
                r.field("hostController"),
                "\(r.field("hostController")) must be a view-controller name of 1 to \(SessionConfig.maxNameLength) characters"
            )
        }
        return name
    }
}

extension JSONWriter {
    /// `observers` and `observerOptions`, only when set: a config without observers is
    /// written byte for byte as before (issue #20).
    mutating func writeObservers(_ c: SessionConfig) {
        guard !c.observers.isEmpty else { return }
        member("observers", strings: c.observers.map(\.rawValue))
        guard !c.observerOptions.isEmpty else { return }
        key("observerOptions")
        beginObject()
        if let f = c.observerOptions.flutter {
            key("flutter")
            beginObject()
            member("framework", f.framework.rawValue)
            member("resumedTiming", f.resumedTiming.rawValue)
            member("hostController", f.hostController)
            endObject()
        }
        if let m = c.observerOptions.composeMultiplatform {
            key("composeMultiplatform")
            beginObject()
            member("source", m.source.rawValue)
            member("hostController", m.hostController)
            member("initialActive", m.initialActive.rawValue)
            endObject()
        }
        endObject()
    }
}
