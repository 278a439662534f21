/// BGTaskScheduler (breadth §1): registration at launch, a cold launch or a wake
/// into the background, the launch handler, completion, expiry and the kill.
extension Transition {
    /// `runBackgroundTask`. Refused for an identifier the config does not list, a
    /// foreground app, a missing background mode (breadth §1.7, DOC), a processing task
    /// while the device is in use (breadth §1.7, DOC: only while idle) and after a
    /// user's force-quit (breadth §1.8, DOC, [Q701945]). `deviceUsedAfter`: the user
    /// starts using the device during a processing task, before its own expiry.
    mutating func runBackgroundTask(
        _ identifier: String?, seconds: Double, deviceUsedAfter: Double? = nil
    ) throws(ActionRefusal) {
        let task =
            identifier.map { config.permittedTask($0) } ?? config.backgroundTasks.first(where: \.kind.isScheduled)
        guard let task else { throw refuse(needs: Needs.permittedTask(identifier, among: config.backgroundTasks)) }
        try require(task.kind.isScheduled, Needs.continuedTaskStartsInTheForeground)
        try require(!state.app.isForegroundApp, Needs.notInForegroundForBGTask)
        if let mode = task.kind.mode {
            try require(config.backgroundModes.contains(mode), Needs.backgroundMode(mode, for: task.kind))
        }
        try require(task.kind != .processing || state.locked, Needs.deviceIdleForProcessing)
        if let used = deviceUsedAfter {
            try require(task.kind == .processing, Needs.processingTaskForDeviceUse)
            try require(used < seconds, Needs.deviceUsedWhileWorking(seconds))
            let expiry = expiresAt(task)
            try require(used < expiry, Needs.deviceUsedBeforeExpiry(expiry))
        }
        let run = { (t: inout Transition) in
            t.performBackgroundTask(task, seconds: seconds, deviceUsedAfter: deviceUsedAfter)
        }
        switch state.app {
        case .notRunning:
            try require(!state.userForceQuit, Needs.notForceQuit)
            // breadth §1.3 (SINGLE: [BIN26], [TS295]): will/didFinishLaunching in the
            // background, then the handler on the scheduler's next main-queue turn.
            launchIntoBackground(options: .null) { t in
                t.connectSceneForBackgroundWork()
                run(&t)
            }
        case .suspended:
            // breadth §1.4 (SINGLE): a suspended app gets the handler, no launch callbacks.
            wakeInBackground(handler: run)
        default:
            handleInBackground(handler: run)
        }
    }

    /// The launch handler, then `seconds` of work (virtual time passes, its timed
    /// events with it) before `setTaskCompleted(success:)`. Past the kind's limit
    /// (breadth §1.7) the expiration handler runs `expirationLead` before the limit
    /// (breadth §1.5, DOC; facts §9.2: at the limit by default) and a task still
    /// working `backgroundKillGrace` after it gets the app killed (breadth §1.6, DOC).
    mutating func performBackgroundTask(
        _ task: PermittedBackgroundTask, seconds: Double, deviceUsedAfter: Double? = nil
    ) {
        let args = JSONValue.object(["identifier": .string(task.identifier), "task": .string(task.kind.taskClass)])
        call(.bgTask(.launchHandler), on: .bgTask, args: args)
        // The token comes on the main queue while the handler works on its own queue.
        deliverPushTokenIfPending(at: nil)
        let start = state.clock
        let limit = profile.work.limit(task.kind)
        let warnAt = expiresAt(task)
        let killAt = limit + profile.backgroundKillGrace
        // While the handler works the app is not suspended; it is, shortly after it completes.
        state.background.extend(
            at: start, by: min(deviceUsedAfter ?? seconds, killAt) + profile.timing.suspensionDelay)
        if let used = deviceUsedAfter {
            return deviceUsed(during: task, at: start + used)
        }
        if seconds > warnAt {
            advanceTime(by: start + warnAt - state.clock)
            guard state.app.isExecuting else { return }
            call(
                .bgTask(.expirationHandler), on: .bgTask,
                args: .object(["identifier": .string(task.identifier)]))
        }
        if seconds > killAt {
            advanceTime(by: start + killAt - state.clock)
            guard state.app.isExecuting else { return }
            // 0x8badf00d: no callback.
            end(.backgroundTimeExpired)
            return
        }
        advanceTime(by: start + seconds - state.clock)
        guard state.app.isExecuting else { return }
        call(
            .bgTask(.setTaskCompleted), on: .bgTask,
            args: .object(["identifier": .string(task.identifier), "success": .bool(true)]))
    }

    /// Seconds into a task of `task`'s kind at which its expiration handler runs:
    /// `expirationLead` before its limit (breadth §1.5, §1.7).
    func expiresAt(_ task: PermittedBackgroundTask) -> Double {
        max(0, profile.work.limit(task.kind) - profile.timing.expirationLead)
    }

    /// breadth §1.7 ([A-bgproc], DOC): "The system terminates any background processing
    /// tasks running when the user starts using the device". At `time` the task's
    /// expiration handler runs ([A-bgtask]: how a task hears it is ended); the handler
    /// completes it unsuccessfully, as Apple's sample's handler does by cancelling the
    /// work (named choice); then the device the user picked up unlocks (documented
    /// choice: after the expiry, the system noticing the use first), by the unlock rule.
    private mutating func deviceUsed(during task: PermittedBackgroundTask, at time: Double) {
        advanceTime(by: time - state.clock)
        guard state.app.isExecuting else { return }
        call(.bgTask(.expirationHandler), on: .bgTask, args: .object(["identifier": .string(task.identifier)]))
        call(
            .bgTask(.setTaskCompleted), on: .bgTask,
            args: .object(["identifier": .string(task.identifier), "success": .bool(false)]))
        if state.locked { try? unlockDevice() }
    }

    /// Quirk `bgTaskConnectsScene`: a scene app launched for background work connects
    /// the scene seen last (or a new one) into the background, as a system-requested
    /// scene does (S2); by default none connects (breadth §1, §2 open questions).
    mutating func connectSceneForBackgroundWork() {
        guard profile.work.bgTaskConnectsScene, delegates.perScene else { return }
        let i = sceneIndex(nil) ?? newScene()
        connect(i, options: .object([]))
        if let w = window(of: .scene(i)) { showRoot(w) }
    }

    /// What every launch does right after didFinishLaunching: the BGTask handlers
    /// are registered by then (breadth §1.1, DOC), and an app that calls
    /// `registerForRemoteNotifications()` will get its token (breadth §4.2, DOC).
    mutating func registerAtLaunch() {
        state.registeredBackgroundTasks = config.registeredTasks
        state.pushTokenPending =
            profile.work.registersForRemoteNotifications && profile.work.pushTokenDelivery != .never
    }
}
