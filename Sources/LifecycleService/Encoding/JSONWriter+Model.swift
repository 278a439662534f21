import LifecycleModel

/// How the model's values look on the wire (contract, "Action result").
extension JSONWriter {
    /// The app after an action; `simulator` answers what depends on the config.
    mutating func write(_ s: AppSnapshot, _ simulator: Simulator) {
        beginObject()
        member("app", literal: s.app.wireName)
        key("clock")
        number(s.clock)
        key("restorationArchive")
        bool(s.restorationArchive)
        key("locked")
        bool(s.locked)
        key("interruption")
        if let i = s.interruption { string(i.rawValue) } else { null() }
        key("protectedDataAvailable")
        bool(s.protectedDataAvailable)
        key("backgroundTasks")
        beginArray()
        for task in s.backgroundTasks {
            beginObject()
            key("id")
            int(task.id)
            key("name")
            if let n = task.name { string(n) } else { null() }
            key("began")
            number(task.began)
            key("expirationHandlerCalled")
            bool(task.expirationHandlerCalled)
            endObject()
        }
        endArray()
        key("backgroundTimeRemaining")
        optionalNumber(simulator.backgroundTimeRemaining(in: s))
        key("suspendsAt")
        optionalNumber(s.background.suspension(app: s.app))
        key("userForceQuit")
        bool(s.userForceQuit)
        key("lastTermination")
        if let t = s.lastTermination {
            beginObject()
            member("reason", t.reason.rawValue)
            key("at")
            number(t.at)
            endObject()
        } else {
            null()
        }
        member("userInterfaceStyle", s.interface.style.rawValue)
        key("windows")
        beginArray()
        for window in s.windows {
            beginObject()
            if let id = window.sceneId { member("sceneId", id) }
            member("orientation", window.interface.orientation.rawValue)
            key("stack")
            write(window.contexts[0].stack)
            key("presented")
            beginArray()
            for context in window.contexts.dropFirst() {
                beginObject()
                member("style", context.style?.rawValue ?? PresentationStyle.pageSheet.rawValue)
                key("stack")
                write(context.stack)
                endObject()
            }
            endArray()
            if let bar = window.interface.tabBar, let stacks = window.tabStacks {
                key("selectedTab")
                int(bar.selected)
                key("tabs")
                beginArray()
                for (tab, stack) in zip(bar.tabs, stacks) {
                    beginObject()
                    member("name", tab.name)
                    key("loaded")
                    bool(tab.loaded)
                    key("stack")
                    write(stack)
                    endObject()
                }
                endArray()
            }
            endObject()
        }
        endArray()
        writeBackgroundWork(s)
        if simulator.profile.usesScenes {
            key("scenes")
            beginArray()
            for scene in s.scenes {
                beginObject()
                member("id", scene.id)
                member("state", literal: scene.state.wireName)
                key("hasRestorationActivity")
                bool(scene.hasRestorationActivity)
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
            member("appearance", literal: vc.appearance.wireName)
            if !vc.children.isEmpty {
                key("children")
                write(vc.children)
            }
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
        key("stateRestoration")
        bool(c.stateRestoration)
        key("notificationCenterDelegate")
        bool(c.notificationCenterDelegate)
        member("backgroundModes", strings: c.backgroundModes.sorted().map(\.rawValue))
        key("supportsMultipleScenes")
        bool(c.supportsMultipleScenes)
        member("rootViewController", c.rootViewController)
        member("ui", c.ui.rawValue)
        if let tabs = c.tabs { member("tabs", strings: tabs) }
        writeBackgroundWork(c)
        key("quirks")
        beginObject()
        // A quirk is written only when it applies to the session (nil: left out).
        member("orientationQueries", ifPresent: quirks.orientationQueries)
        member("switcherKillSequence", ifPresent: quirks.switcherKillSequence?.rawValue)
        member("didEnterBackgroundOnBackgroundLaunch", ifPresent: quirks.didEnterBackgroundOnBackgroundLaunch)
        member("protectedDataDelay", ifPresent: quirks.protectedDataDelay)
        member("warmHandlerPosition", ifPresent: quirks.warmHandlerPosition?.rawValue)
        member("swiftUIAdaptorInit", ifPresent: quirks.swiftUIAdaptorInit?.rawValue)
        member("swiftUIScenePhaseTiming", ifPresent: quirks.swiftUIScenePhaseTiming?.rawValue)
        member("swiftUIColdUniversalLinkDelivered", ifPresent: quirks.swiftUIColdUniversalLinkDelivered)
        member("darkModeSnapshotToggle", ifPresent: quirks.darkModeSnapshotToggle)
        member("offscreenChildrenGetSizeTransition", ifPresent: quirks.offscreenChildrenGetSizeTransition)
        member("tabSwitchWillOrder", ifPresent: quirks.tabSwitchWillOrder?.rawValue)
        member("backgroundTaskExpirationLead", ifPresent: quirks.backgroundTaskExpirationLead)
        member("lastWindowCloseTerminates", ifPresent: quirks.lastWindowCloseTerminates)
        member("bgTaskConnectsScene", ifPresent: quirks.bgTaskConnectsScene)
        member("prewarmStopsAt", ifPresent: quirks.prewarmStopsAt?.rawValue)
        member("pushTokenDelivery", ifPresent: quirks.pushTokenDelivery?.rawValue)
        endObject()
        endObject()
    }

    mutating func write(_ a: Action) {
        beginObject()
        member("type", a.kind.rawValue)
        for m in a.members {
            key(escaping: m.key)
            value(m.value)
        }
        endObject()
    }

    /// `{"action":…,"callbacks":[…],"state":…}`: one action's result.
    mutating func writeResult(
        action: Action, callbacks: ArraySlice<LoggedCallback>, state: AppSnapshot, simulator: Simulator,
        path: [TakenStep] = []
    ) {
        beginObject()
        key("action")
        write(action)
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
                key("action")
                write(step.action)
                key("callbackCount")
                int(step.callbackCount)
                endObject()
            }
            endArray()
        }
        key("state")
        write(state, simulator)
        endObject()
    }
}

extension JSONWriter {
    /// `"name":value` when there is a value; nothing when nil.
    mutating func member(_ name: StaticString, ifPresent value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    /// `"name":number` when there is a value; nothing when nil.
    mutating func member(_ name: StaticString, ifPresent value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    /// `"name":"text"` when there is a value; nothing when nil.
    mutating func member(_ name: StaticString, ifPresent value: String?) {
        guard let value else { return }
        member(name, value)
    }
}
