extension Transition {
    /// Launch straight into the background for an event (S4, DOC; S1 and radar
    /// 14295449, MULTI): the cold sequence up to didFinishLaunching with state
    /// background throughout (iOS ≤ 12 still shows the status-bar and orientation
    /// calls), then — quirk `didEnterBackgroundOnBackgroundLaunch` —
    /// applicationDidEnterBackground, then the event's handler. No didBecomeActive.
    mutating func launchIntoBackground(options: JSONValue, handler: (inout Transition) -> Void) {
        enter(.background)
        launchUntilDidFinish(options: options)
        // facts §7: a launch into the background runs the root view
        // controller's appearance calls (a scene app's window comes with a scene).
        if let s = processStage {
            connect(s, options: options)
            if let w = window(of: s) { showRoot(w) }
        }
        if profile.didEnterBackgroundOnBackgroundLaunch {
            call(.appDelegate(.didEnterBackground))
        }
        startBackgroundTime(window: profile.timing.eventWindow)
        handler(&self)
        deliverPushTokenIfPending(at: nil)
    }

    /// A suspended app woken for an event runs the handler in the background (S4, DOC).
    mutating func wakeInBackground(handler: (inout Transition) -> Void) {
        enter(.background)
        resumePrewarm()
        startBackgroundTime(window: profile.timing.eventWindow)
        handler(&self)
        deliverPushTokenIfPending(at: nil)
    }

    /// An app already executing in the background handles the event; it gets the
    /// event's window to finish before suspension.
    mutating func handleInBackground(handler: (inout Transition) -> Void) {
        state.background.extend(at: state.clock, by: profile.timing.eventWindow)
        handler(&self)
        deliverPushTokenIfPending(at: nil)
    }
}
