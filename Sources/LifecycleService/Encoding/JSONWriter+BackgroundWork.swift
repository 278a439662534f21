import LifecycleModel

/// The wire form of the background-work fields (contract v1.1).
extension JSONWriter {
    /// Config: `sdkVersion` (resolved), `backgroundTasks`, `registersForRemoteNotifications`.
    mutating func writeBackgroundWork(_ c: SessionConfig) {
        member("sdkVersion", c.sdk.description)
        key("backgroundTasks")
        beginArray()
        for task in c.backgroundTasks {
            beginObject()
            member("identifier", task.identifier)
            member("kind", task.kind.rawValue)
            endObject()
        }
        endArray()
        key("registersForRemoteNotifications")
        bool(c.registersForRemoteNotifications)
    }

    /// State: `prewarm` (null, or where the prewarm paused and whether it still is)
    /// and `registeredBackgroundTasks`.
    mutating func writeBackgroundWork(_ s: AppSnapshot) {
        key("prewarm")
        if let p = s.prewarm {
            beginObject()
            member("stoppedAt", p.stoppedAt.rawValue)
            key("paused")
            bool(p.paused)
            endObject()
        } else {
            null()
        }
        member("registeredBackgroundTasks", strings: s.registeredBackgroundTasks.map(\.identifier))
    }
}
