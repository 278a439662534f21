import LifecycleModel

/// How the model's values look on the wire (contract, "Action result").
extension JSONWriter {
    /// The app after an action; `simulator` answers what depends on the config.
    ///
    /// Keys go in runs of constant text (`text`), one copy each with the punctuation
    /// around them: the state is most of an action's answer (bench/PROFILE.md).
    /// Tests/LifecycleServiceTests/StateJSONTests.swift checks the bytes against a
    /// writer made of `key` and `member` calls only.
    mutating func write(_ s: AppSnapshot, _ simulator: Simulator) {
        beginObject()
        text(#""app":"#)
        string(literal: s.app.wireName)
        text(#","clock":"#)
        number(s.clock)
        text(#","restorationArchive":"#)
        bool(s.restorationArchive)
        text(#","locked":"#)
        bool(s.locked)
        text(#","interruption":"#)
        if let i = s.interruption { string(i.rawValue) } else { null() }
        text(#","protectedDataAvailable":"#)
        bool(s.protectedDataAvailable)
        text(#","backgroundTasks":["#)
        for task in s.backgroundTasks {
            beginObject()
            text(#""id":"#)
            int(task.id)
            text(#","name":"#)
            if let n = task.name { string(n) } else { null() }
            text(#","began":"#)
            number(task.began)
            text(#","expirationHandlerCalled":"#)
            bool(task.expirationHandlerCalled)
            endObject()
        }
        text(#"],"backgroundTimeRemaining":"#)
        optionalNumber(simulator.backgroundTimeRemaining(in: s))
        text(#","suspendsAt":"#)
        optionalNumber(s.background.suspension(app: s.app))
        text(#","userForceQuit":"#)
        bool(s.userForceQuit)
        text(#","lastTermination":"#)
        object(s.lastTermination) { w, t in
            w.member("reason", t.reason.rawValue)
            w.key("at")
            w.number(t.at)
        }
        text(#","userInterfaceStyle":"#)
        string(literal: s.interface.style.wireName)
        text(#","windows":["#)
        for window in s.windows {
            beginObject()
            if let id = window.sceneId {
                text(#""sceneId":"#)
                string(id)
                text(#","orientation":"#)
            } else {
                text(#""orientation":"#)
            }
            string(literal: window.interface.orientation.wireName)
            text(#","stack":"#)
            write(window.contexts[0].stack)
            text(#","presented":["#)
            for context in window.contexts.dropFirst() {
                beginObject()
                text(#""style":"#)
                string(context.style?.rawValue ?? PresentationStyle.pageSheet.rawValue)
                text(#","stack":"#)
                write(context.stack)
                endObject()
            }
            endArray()
            if let bar = window.interface.tabBar, let stacks = window.tabStacks {
                text(#","selectedTab":"#)
                int(bar.selected)
                text(#","tabs":["#)
                for (tab, stack) in zip(bar.tabs, stacks) {
                    beginObject()
                    text(#""name":"#)
                    string(tab.name)
                    text(#","loaded":"#)
                    bool(tab.loaded)
                    text(#","stack":"#)
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
            text(#","scenes":["#)
            for scene in s.scenes {
                beginObject()
                text(#""id":"#)
                string(scene.id)
                text(#","state":"#)
                string(literal: scene.state.wireName)
                text(#","hasRestorationActivity":"#)
                bool(scene.hasRestorationActivity)
                endObject()
            }
            text(#"],"pendingDiscards":["#)
            for name in s.pendingDiscards { string(name) }
            endArray()
        }
        endObject()
    }

    mutating func write(_ stack: [ViewControllerSnapshot]) {
        beginArray()
        for vc in stack {
            beginObject()
            text(#""name":"#)
            string(vc.name)
            text(#","appearance":"#)
            string(literal: vc.appearance.wireName)
            if !vc.children.isEmpty {
                text(#","children":"#)
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
        writeObservers(c)
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
        member("snapshotLayoutPass", ifPresent: quirks.snapshotLayoutPass)
        member("firstDisplayLayoutPasses", ifPresent: quirks.firstDisplayLayoutPasses.map(Double.init))
        member("quickKillSecondScene", ifPresent: quirks.quickKillSecondScene)
        member("rootDidAppearBeforeDidBecomeActive", ifPresent: quirks.rootDidAppearBeforeDidBecomeActive)
        member("navigationWillAppearFirst", ifPresent: quirks.navigationWillAppearFirst)
        // Issue #20: reported only for sessions with observers (nil otherwise).
        member("willEnterForegroundNotificationOrder", ifPresent: quirks.willEnterForegroundNotificationOrder?.rawValue)
        member("sceneNotificationOrder", ifPresent: quirks.sceneNotificationOrder?.rawValue)
        member("appForegroundNotificationInScene", ifPresent: quirks.appForegroundNotificationInScene?.rawValue)
        member("scenePhaseAfterNotifications", ifPresent: quirks.scenePhaseAfterNotifications)
        member("sceneNotificationsInSceneless", ifPresent: quirks.sceneNotificationsInSceneless?.rawValue)
        member("notificationCenterPullReactivates", ifPresent: quirks.notificationCenterPullReactivates)
        endObject()
        endObject()
    }

    mutating func write(_ a: Action) {
        beginObject()
        text(#""type":"#)
        // From the raw value, the contract's name: a new kind needs no entry here.
        string(unescaped: a.kind.rawValue)
        for m in a.members {
            key(escaping: m.key)
            value(m.value)
        }
        endObject()
    }

    /// `{"action":…,"callbacks":[…],"state":…}`: one action's result.
    mutating func writeResult(
        action: Action, callbacks: LogRun, state: AppSnapshot, simulator: Simulator,
        path: [TakenStep] = []
    ) {
        beginObject()
        text(#""action":"#)
        write(action)
        text(#","callbacks":["#)
        write(callbacks: callbacks)
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
        text(#","state":"#)
        write(state, simulator)
        endObject()
    }
}

extension JSONWriter {
    /// `{…}` with what `members` writes, or `null` when there is no value: the state's
    /// optional objects (`lastTermination`, `prewarm`). Null on the actions the budgets
    /// measure, so the members are written a key at a time.
    @inline(__always)
    mutating func object<T>(_ value: T?, _ members: (inout JSONWriter, T) -> Void) {
        guard let value else { return null() }
        beginObject()
        members(&self, value)
        endObject()
    }

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
