import LifecycleModel

/// How the model's values look on the wire (API.md, "Action result").
extension JSONWriter {
    mutating func write(_ c: LoggedCallback) {
        beginObject()
        key("seq"); int(c.seq)
        member("receiver", c.callback.receiver.rawValue)
        member("method", c.callback.method)
        member("appState", c.callback.appState.rawValue)
        if let args = c.callback.args { key("args"); value(args) }
        endObject()
    }

    mutating func write(_ s: AppSnapshot) {
        beginObject()
        member("app", s.app.rawValue)
        key("clock"); number(s.clock)
        key("restorationArchive"); bool(s.restorationArchive)
        endObject()
    }

    mutating func write(_ c: SessionConfig, quirks: Quirks) {
        beginObject()
        member("lifecycle", c.lifecycle.rawValue)
        member("iosVersion", c.iosVersion.description)
        member("device", c.device.rawValue)
        key("stateRestoration"); bool(c.stateRestoration)
        key("notificationCenterDelegate"); bool(c.notificationCenterDelegate)
        member("backgroundModes", strings: c.backgroundModes.sorted().map(\.rawValue))
        key("supportsMultipleScenes"); bool(c.supportsMultipleScenes)
        member("rootViewController", c.rootViewController)
        key("quirks")
        beginObject()
        if let q = quirks.orientationQueries { key("orientationQueries"); bool(q) }
        if let q = quirks.switcherKillSequence { member("switcherKillSequence", q.rawValue) }
        endObject()
        endObject()
    }

    mutating func write(_ a: Action) {
        beginObject()
        member("type", a.kind.rawValue)
        switch a {
        case .launch, .background: break
        case .openURL(let url), .openUniversalLink(let url): member("url", url)
        case .tapNotification(let payload): key("payload"); value(payload)
        case .terminate(let by): member("by", by.rawValue)
        }
        endObject()
    }

    /// `{"action":…,"callbacks":[…],"state":…}`: one action's result.
    mutating func writeResult(action: Action, callbacks: ArraySlice<LoggedCallback>, state: AppSnapshot) {
        beginObject()
        key("action"); write(action)
        key("callbacks")
        beginArray()
        for c in callbacks { write(c) }
        endArray()
        key("state"); write(state)
        endObject()
    }
}
