/// Remote-notification registration (breadth §4).
extension Transition {
    /// `application(_:didRegisterForRemoteNotificationsWithDeviceToken:)` for an app
    /// that registered at this launch (breadth §4.1, §4.2, DOC): never inside the
    /// register call but later on the main queue (breadth §4.4). Delivered at the
    /// first `position` that matches quirk `pushTokenDelivery` during a launch into
    /// the foreground, or (`nil`) as soon as a launch into the background has run its
    /// event's handler. The app delegate receives it in scene apps too (breadth §4.5).
    mutating func deliverPushTokenIfPending(at position: PushTokenDelivery?) {
        guard state.pushTokenPending, state.app.isExecuting else { return }
        if let position, position != profile.work.pushTokenDelivery { return }
        state.pushTokenPending = false
        call(
            .appDelegate(.didRegisterForRemoteNotifications),
            args: .object(["deviceToken": .string("32 bytes")]))
    }

    /// Quirk `lastWindowCloseTerminates` (facts §9.4): after the user closed the last
    /// window of a multi-window iPad app, the process ends (applicationWillTerminate,
    /// "possibly" per [SO71570813]); by default it stays in the background.
    mutating func endIfLastWindowClosed() {
        guard profile.work.lastWindowCloseTerminates, state.scenes.isEmpty, state.app.isExecuting else { return }
        call(.appDelegate(.willTerminate))
        end(.system)
    }
}
