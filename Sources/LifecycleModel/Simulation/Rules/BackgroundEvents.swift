/// A system event that can launch or wake the app in the background (S4, DOC).
enum BackgroundEvent {
    case fetch
    case location

    var mode: BackgroundMode {
        switch self {
        case .fetch: .fetch
        case .location: .location
        }
    }

    /// `launchOptions` of a launch into the background for this event.
    var launchOptions: JSONValue {
        switch self {
        case .fetch: .null  // DOC: a fetch launch carries no launch-options key
        case .location: .object(["location": .bool(true)])
        }
    }

    /// The event's handler (the state is whatever the app is in).
    func deliver(into t: inout Transition) {
        switch self {
        case .fetch: t.call(.appDelegate(.performFetch))
        case .location:
            t.call(.locationManagerDelegate(.didUpdateLocations), on: .locationManagerDelegate)
        }
    }
}

extension Transition {
    /// `backgroundFetch` and `locationEvent`: gated by the config's `backgroundModes`;
    /// no relaunch after a user force-quit (facts §3, DOC).
    mutating func backgroundEvent(_ event: BackgroundEvent) throws(ActionRefusal) {
        // breadth §1.9 (DOC, [A-fetch], [A-bgupd]): permitted BGTask identifiers turn
        // the old fetch off, so the system never grants one (a 409, not a silent no-op).
        try require(event != .fetch || !profile.work.permittedIdentifiersDisableFetch, Needs.fetchReplacedByBGTasks)
        switch state.app {
        case .active, .inactive:
            // A foreground app gets location updates without the background mode; the
            // system grants background fetch to apps not in the foreground only.
            try require(event == .location, Needs.notInForegroundToFetch)
            event.deliver(into: &self)
            return
        case .notRunning, .background, .suspended:
            break
        }
        try require(config.backgroundModes.contains(event.mode), Needs.backgroundMode(event.mode))
        switch state.app {
        case .notRunning:
            try require(!state.userForceQuit, Needs.notForceQuit)
            launchIntoBackground(options: event.launchOptions) { event.deliver(into: &$0) }
        case .suspended:
            wakeInBackground { event.deliver(into: &$0) }
        default:
            handleInBackground { event.deliver(into: &$0) }
        }
    }

    /// A remote notification arrives, not tapped (facts §3, DOC). Always
    /// possible; what the app hears depends on its state, the payload and the config.
    mutating func receiveNotification(_ payload: JSONValue) {
        let aps = payload["aps"]
        let silent = aps?["content-available"]?.doubleValue == 1
        let visible = (aps?["alert"]).map { $0 != .null } ?? false
        let args = JSONValue.object(["userInfo": payload])
        let handler = { (t: inout Transition) in
            t.call(.appDelegate(.didReceiveRemoteNotification), args: args)
        }
        switch state.app {
        case .active, .inactive:
            // Foreground: willPresent (needs the delegate; DOC) for a visible alert, and
            // the app delegate for content-available (DOC). Their order when a push is
            // both is a documented choice: presentation first.
            if visible && config.notificationCenterDelegate {
                call(
                    .notificationCenterDelegate(.willPresent), on: .notificationCenterDelegate, args: args
                )
            }
            if silent { handler(&self) }
        case .background, .suspended, .notRunning:
            // Background delivery needs content-available and the remote-notification
            // mode; else the user just sees the alert (no callback).
            guard silent, config.backgroundModes.contains(.remoteNotification) else { return }
            switch state.app {
            case .notRunning:
                guard !state.userForceQuit else { return }  // DOC: no relaunch after a force-quit
                launchIntoBackground(options: .object(["remoteNotification": payload]), handler: handler)
            case .suspended: wakeInBackground(handler: handler)
            default: handleInBackground(handler: handler)
            }
        }
    }
}
