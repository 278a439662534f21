import LifecycleModel

/// How the model's values look on the wire (contract, "Action result").
extension JSONWriter {
    mutating func write(_ c: LoggedCallback) {
        beginObject()
        key("seq"); int(c.seq)
        member("receiver", c.callback.receiver.rawValue)
        member("method", c.callback.method)
        member("appState", c.callback.appState.rawValue)
        if let id = c.callback.sceneId { member("sceneId", id) }
        if let state = c.callback.sceneState { member("sceneState", state.rawValue) }
        if let name = c.callback.viewController { member("viewController", name) }
        if let args = c.callback.args { key("args"); value(args) }
        endObject()
    }

    /// The app after an action; `simulator` answers what depends on the config.
    mutating func write(_ s: AppSnapshot, _ simulator: Simulator) {
        beginObject()
        member("app", s.app.rawValue)
        key("clock"); number(s.clock)
        key("restorationArchive"); bool(s.restorationArchive)
        key("locked"); bool(s.locked)
        key("interruption"); if let i = s.interruption { string(i.rawValue) } else { null() }
        key("protectedDataAvailable"); bool(s.protectedDataAvailable)
        key("backgroundTasks")
        beginArray()
        for task in s.backgroundTasks {
            beginObject()
            key("id"); int(task.id)
            key("name"); if let n = task.name { string(n) } else { null() }
            key("began"); number(task.began)
            key("expirationHandlerCalled"); bool(task.expirationHandlerCalled)
            endObject()
        }
        endArray()
        key("backgroundTimeRemaining"); optionalNumber(simulator.backgroundTimeRemaining(in: s))
        key("suspendsAt"); optionalNumber(s.background.suspension(app: s.app))
        key("userForceQuit"); bool(s.userForceQuit)
        key("lastTermination")
        if let t = s.lastTermination {
            beginObject()
            member("reason", t.reason.rawValue)
            key("at"); number(t.at)
            endObject()
        } else {
            null()
        }
        key("windows")
        beginArray()
        for window in s.windows {
            beginObject()
            if let id = window.sceneId { member("sceneId", id) }
            key("stack"); write(window.contexts[0].stack)
            key("presented")
            beginArray()
            for context in window.contexts.dropFirst() {
                beginObject()
                member("style", context.style?.rawValue ?? PresentationStyle.pageSheet.rawValue)
                key("stack"); write(context.stack)
                endObject()
            }
            endArray()
            endObject()
        }
        endArray()
        if simulator.profile.usesScenes {
            key("scenes")
            beginArray()
            for scene in s.scenes {
                beginObject()
                member("id", scene.id)
                member("state", scene.state.rawValue)
                key("hasRestorationActivity"); bool(scene.hasRestorationActivity)
                endObject()
            }
            endArray()
            member("pendingDiscards", strings: s.pendingDiscards)
        }
        endObject()
    }

    mutating func write(_ stack: [ViewControllerSnapshot]) {
        beginArray()
        for vc in stack {
            beginObject()
            member("name", vc.name)
            member("appearance", vc.appearance.rawValue)
            endObject()
        }
        endArray()
    }

    mutating func optionalNumber(_ d: Double?) {
        if let d { number(d) } else { null() }
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
        if let q = quirks.didEnterBackgroundOnBackgroundLaunch { key("didEnterBackgroundOnBackgroundLaunch"); bool(q) }
        if let q = quirks.protectedDataDelay { key("protectedDataDelay"); number(q) }
        if let q = quirks.warmHandlerPosition { member("warmHandlerPosition", q.rawValue) }
        endObject()
        endObject()
    }

    mutating func write(_ a: Action) {
        beginObject()
        member("type", a.kind.rawValue)
        for m in a.members { key(m.key); value(m.value) }
        endObject()
    }

    /// `{"action":…,"callbacks":[…],"state":…}`: one action's result.
    mutating func writeResult(action: Action, callbacks: ArraySlice<LoggedCallback>, state: AppSnapshot, simulator: Simulator,
                              path: [TakenStep] = []) {
        beginObject()
        key("action"); write(action)
        key("callbacks")
        beginArray()
        for c in callbacks { write(c) }
        endArray()
        if action.kind == .moveTo {
            // The plain actions moveTo took; their callbacks are `callbacks`, in turn.
            key("path")
            beginArray()
            for step in path {
                beginObject()
                key("action"); write(step.action)
                key("callbackCount"); int(step.callbackCount)
                endObject()
            }
            endArray()
        }
        key("state"); write(state, simulator)
        endObject()
    }
}
