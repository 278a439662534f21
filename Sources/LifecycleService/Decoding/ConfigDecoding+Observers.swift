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
        for channel in ObserverOptions.channels {
            guard let lens = channel.lens, let value = o[channel.rawValue] else { continue }
            try decode(lens, value, path: o.field(channel.rawValue), host: host, into: &options)
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

    /// `value`, the object of `lens`'s options at `path`, into `options`.
    private static func decode<Lens: FrameworkLens>(
        _ lens: Lens.Type, _ value: JSONValue, path: String, host: String, into options: inout ObserverOptions
    ) throws(Problem) {
        let reader = try ObjectReader(value, path: path, what: Lens.optionsName, known: Lens.optionMembers)
        options[Lens.self] = try Lens.options(reader, hostController: host)
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
        for channel in ObserverOptions.channels {
            guard let lens = channel.lens, let members = Self.members(lens, c.observerOptions) else { continue }
            key(escaping: channel.rawValue)
            value(.object(members))
        }
        endObject()
    }

    /// The members of `lens`'s options in `options`; nil when they are unset.
    private static func members<Lens: FrameworkLens>(_ lens: Lens.Type, _ options: ObserverOptions) -> [JSONMember]? {
        options[Lens.self].map(Lens.members(of:))
    }
}
